import Foundation
import Testing

@testable import HTTP1
@testable import Receiver

/// `--record`: one JSON line per notification, whatever the layout of the body received.
@Suite struct ReceiverRecorderTests {
  static let bodies: [String] = [
    #"{"TaskID":"t","Details":[]}"#,
    "{\n  \"TaskID\": \"t\",\n  \"Details\": [\n    {\"CalleeName\": \"a\\nb\"}\n  ]\n}\n",
    "{\r\n\t\"TaskID\" : \"t\" ,\r\n\t\"Details\" : [ ]\r\n}",
  ]

  @Test(arguments: bodies)
  func everyRecordIsOneLineWithTheSameValue(body: String) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("record-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("r.jsonl").path
    let recorder = try ReceiverRecorder(path: path)
    let request = HTTPRequest(method: "POST", target: "/", version: "HTTP/1.1", headers: [], body: Array(body.utf8))
    recorder.record(arrived: 0, attempt: 1, status: 200, request: request)
    recorder.record(arrived: 1, attempt: 2, status: 200, request: request)
    recorder.close()
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
    #expect(lines.count == 2)
    let sent = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? NSDictionary
    for line in lines {
      let record = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      #expect((record?["notification"] as? NSDictionary) == sent, "the recorded value differs from the body")
    }
  }
}
