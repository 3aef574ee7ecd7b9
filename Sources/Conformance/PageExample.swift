import Contract
import Foundation

/// The request example of the vendor page ("Workflow外呼电话拨打结束通知", 示例), byte for byte
/// as the page prints it (its Sign and numbers are masked there). `check` sends it re-signed
/// for the KEY: the first thing a receiver must accept is the page's own example.
enum PageExample {
  static let json = #"""
    {
      "workflow_id": "16e0660e6cxxxxxxxxxxxxxxxx0abfe0e191",
      "workflow_name": "test_wf_call_webhook1",
      "nodetask_id": "4d308b4ed6xxxxxxxxed6a76e15d",
      "nodetask_name": "Voicebot Call1_f405f7",
      "TaskID": "490d5ec3c1xxxxxxxx2b759b5b",
      "TaskName": "wf_test_wf_call_webhook_Voicebot Call1_26bcf0",
      "Sign": "a395ce1acxxxxxxxx7bab53f5",
      "Details": [
        {
          "id": 2123875204,
          "RobotID": "4585",
          "CalleeName": "WILL SMITH",
          "CalleeGender": "",
          "CalleeNumber": "+86xxxxxxxx721",
          "CallStartTime": "2024-03-11T03:20:30Z",
          "CallEndTime": "2024-03-11T03:20:56Z",
          "Status": "finished",
          "Intention": "E",
          "CallID": "cad907xxxxxxxx35644a",
          "CallTimes": 2,
          "Comments": "7777777.0",
          "BorrowedDate": "2024-02-01",
          "DueDate": "2024-03-02",
          "BorrowedAmount": "20000.00",
          "TotalOwingAmount": "20310.00",
          "CurrencyUnit": "USD",
          "PlatformName": "AIRUDDER",
          "RingType": "normal",
          "HangupType": "ByRobot",
          "ExtraA": "",
          "ExtraB": "",
          "ExtraC": "",
          "AsrResult": [
            {
              "time": "00:00:00",
              "robottext": "halo (jeda 1-2 detik) selamat pagi",
              "text": ""
            },
            {
              "time": "00:00:03",
              "robottext": "Apa boleh minta waktunya sebentar?",
              "text": ""
            },
            {
              "time": "00:00:11",
              "robottext": "",
              "text": ""
            },
            {
              "time": "00:00:11",
              "robottext": "Halo",
              "text": ""
            },
            {
              "time": "00:00:13",
              "robottext": "",
              "text": ""
            },
            {
              "time": "00:00:13",
              "robottext": "mengapa tidak berbicara?",
              "text": ""
            },
            {
              "time": "00:00:18",
              "robottext": "",
              "text": ""
            },
            {
              "time": "00:00:18",
              "robottext": "Halo? Apa suara saya terdengar?",
              "text": ""
            }
          ],
          "RingTime": 5,
          "TalkRound": 0,
          "RedailCall": [
            {
              "CallID": "cb035452180xxxxxxxxb2c7db",
              "CallStartTime": "2024-03-11 10:19:27",
              "RingType": "normal",
              "RingTime": 2,
              "HangupType": "ByCallee",
              "ResultLabel": "F",
              "callee_number": "+86xxxxxxxx01",
              "caller_number": "+950xxxxxxxx88"
            }
          ],
          "NerSlots": {
            "PaymentMethod": "Transfer",
            "PaymentTime": "Time_0"
          },
          "intention_description": "Needs Follow Up",
          "EventLabel": {
            "A0": "A0",
            "Correct_Person": "identity_correct_person",
            "Request_Installment": "action_item_request_installment"
          },
          "caller_number": "+95xxxxxxxx88",
          "CaseID": "7777777.0",
          "Variables": {
            "var1": "aaa",
            "var2": "bbb",
            "var3": "ccc"
          }
        }
      ]
    }
    """#

  /// The example with its `Sign` replaced by md5(TaskID + `key`), nothing else changed.
  static func signed(key: String) -> [UInt8] {
    let taskID = "490d5ec3c1xxxxxxxx2b759b5b"
    let masked = #""Sign": "a395ce1acxxxxxxxx7bab53f5""#
    let sign = #""Sign": ""# + Signer.sign(taskID: taskID, key: key) + "\""
    return Array(json.replacingOccurrences(of: masked, with: sign).utf8)
  }
}
