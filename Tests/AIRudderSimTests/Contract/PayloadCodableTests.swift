import Foundation
import Testing

@testable import AIRudderSimCLI
@testable import Contract
@testable import Generation
@testable import HTTP1
@testable import Receiver
@testable import Reporting
@testable import Scenario
@testable import Support

@Suite struct PayloadCodableTests {
  /// The seed page's example body decodes into the contract types with every field in place.
  @Test func decodesSeedExample() throws {
    let data = try Data(contentsOf: RepositoryPath.fixture("seed-example.json"))
    let notification = try JSONDecoder().decode(CallCompletionNotification.self, from: data)
    #expect(notification.taskName == "wf_test_wf_call_webhook_Voicebot Call1_26bcf0")
    let call = try #require(notification.details.first)
    #expect(call.id == 2_123_875_204)
    #expect(call.status == .finished)
    #expect(call.ringType == .normal)
    #expect(call.hangupType == .byRobot)
    #expect(call.callTimes == 2)
    #expect(call.redialCalls?.count == 1)
    #expect(call.redialCalls?.first?.callStartTime == "2024-03-11 10:19:27")
    #expect(call.redialCalls?.first?.hangupType == .byCallee)
    #expect(call.asrResult?.count == 8)
    #expect(call.intentionDescription == "Needs Follow Up")
    #expect(call.eventLabel?["Correct_Person"] == "identity_correct_person")
    #expect(call.variables["var2"] == "bbb")
    #expect(call.callerNumber == "+95xxxxxxxx88")
    #expect(call.multiIntention == nil)
    #expect(call.style == [])
  }

  /// The seed example written back has the same JSON value as the page's text.
  @Test func seedExampleRoundTripsToTheSameJSON() throws {
    let data = try Data(contentsOf: RepositoryPath.fixture("seed-example.json"))
    let notification = try JSONDecoder().decode(CallCompletionNotification.self, from: data)
    let original = try #require(try JSONSerialization.jsonObject(with: data) as? NSDictionary)
    let written = try #require(try JSONSerialization.jsonObject(with: Data(notification.jsonBytes())) as? NSDictionary)
    #expect(original == written)
  }

  /// Generated payloads of every scenario decode back to the same values, and the fast
  /// writer and `JSONEncoder` give the same JSON value.
  @Test(arguments: ["smoke.json", "collection.json", "marketing.json", "ecommerce.json", "edge-cases.json"])
  func generatedPayloadsRoundTrip(file: String) throws {
    let scenario = try ScenarioLoader.load(path: RepositoryPath.scenario(file))
    var signer = Signer()
    for var item in NotificationGenerator(scenario: scenario, limit: 300) {
      signer.sign(&item.notification)
      let bytes = Data(item.notification.jsonBytes())
      let decoded = try JSONDecoder().decode(CallCompletionNotification.self, from: bytes)
      #expect(decoded == item.notification)
      let fromEncoder = try #require(
        try JSONSerialization.jsonObject(with: JSONEncoder().encode(item.notification)) as? NSDictionary)
      let fromWriter = try #require(try JSONSerialization.jsonObject(with: bytes) as? NSDictionary)
      #expect(fromEncoder == fromWriter)
      #expect(Data(item.notification.jsonBytes(pretty: true)).count > bytes.count)
    }
  }

  /// `write(to:)` is mutating only to read the calls in place: it leaves the notification,
  /// and a copy sharing its calls, equal to an independent twin (the same seed's notification
  /// from a second generator), and writes what `jsonBytes` writes, every time.
  @Test(arguments: ["collection.json", "edge-cases.json"])
  func writingInPlaceChangesNothing(file: String) throws {
    let scenario = try ScenarioLoader.load(path: RepositoryPath.scenario(file))
    var writer = JSONByteWriter()
    for (item, twin) in zip(NotificationGenerator(scenario: scenario, limit: 200), NotificationGenerator(scenario: scenario)) {
      let shared = item.notification
      var written = item.notification
      for _ in 0..<2 {
        writer.reset()
        written.write(to: &writer)
        #expect(writer.bytes == twin.notification.jsonBytes())
      }
      #expect(written == twin.notification)
      #expect(shared == twin.notification)
    }
  }

  @Test func absentOptionalsAreOmittedUnlessNullsAreAsked() throws {
    var call = CallDetail(
      id: 1, robotID: "1", calleeName: "A", calleeGender: "", calleeNumber: "+6281234567890",
      callStartTime: "2024-03-11T03:20:30Z", callEndTime: "2024-03-11T03:20:30Z", status: .failed, intention: "",
      callID: "ab", callTimes: 1, comments: "", platformName: "AIRUDDER", ringType: .null, hangupType: .byRobot,
      caseID: "1", variables: [:])
    let envelope = { (call: CallDetail) in
      CallCompletionNotification(
        workflowID: "w", workflowName: "n", nodetaskID: "t", nodetaskName: "tn", taskID: "id", taskName: "name",
        sign: "s", details: [call])
    }
    let omitted = String(decoding: envelope(call).jsonBytes(), as: UTF8.self)
    #expect(!omitted.contains("AsrResult"))
    #expect(!omitted.contains("BorrowedDate"))
    #expect(omitted.contains(#""RingType":null"#))

    call.style = [.explicitNulls, .ringTypeNullAsString]
    let nulls = String(decoding: envelope(call).jsonBytes(), as: UTF8.self)
    #expect(nulls.contains(#""AsrResult":null"#))
    #expect(nulls.contains(#""BorrowedDate":null"#))
    #expect(nulls.contains(#""RingType":"null""#))
    let decoded = try JSONDecoder().decode(CallCompletionNotification.self, from: Data(nulls.utf8))
    #expect(decoded.details[0] == call)
  }

  @Test(arguments: [
    (#""Status":"done""#, "Status"),
    (#""RingType":"ringing""#, "RingType"),
    (#""HangupType":"ByNobody""#, "HangupType"),
  ])
  func unknownEnumValuesAreRejected(replacement: String, field: String) throws {
    var text = try String(contentsOf: RepositoryPath.fixture("seed-example.json"), encoding: .utf8)
    let pattern = try Regex("\"\(field)\": \"[A-Za-z]+\"")
    text = text.replacing(pattern, with: replacement, maxReplacements: 1)
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(CallCompletionNotification.self, from: Data(text.utf8))
    }
  }

  @Test func missingRequiredFieldIsRejected() throws {
    let text = try String(contentsOf: RepositoryPath.fixture("seed-example.json"), encoding: .utf8)
      .replacingOccurrences(of: #""CaseID": "7777777.0","#, with: "")
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(CallCompletionNotification.self, from: Data(text.utf8))
    }
  }
}
