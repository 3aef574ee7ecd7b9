import Foundation
import Testing

@testable import Scenario

/// The https keys under `target`: decoded, checked, and file paths taken from beside the scenario.
@Suite struct TargetTLSKeysTests {
  @Test(arguments: [
    (
      #"{ target: { certKey: "k.pem" } }"#,
      "test.json:1:13: target.certKey: expected target.cert beside it (the key of which certificate?)"
    ),
    (#"{ target: { cacert: "" } }"#, "test.json:1:13: target.cacert: expected a file path, got an empty string"),
    (#"{ target: { insecure: "yes" } }"#, "test.json:1:13: target.insecure: expected true or false, got a string"),
  ])
  func badKeysAreNamed(json: String, message: String) throws {
    do {
      _ = try ScenarioLoader.decode(Data(json.utf8), file: "test.json")
      Issue.record("accepted: \(json)")
    } catch {
      #expect(error.messages.first == message)
    }
  }

  @Test func pathsAreTakenFromBesideTheScenario() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tls-keys-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("s.json")
    try
      #"{ target: { cacert: "certs/ca.pem", cacertAdd: "/etc/extra.pem", insecure: true, cert: "../c.pem", certKey: "c.key" } }"#
      .write(to: file, atomically: true, encoding: .utf8)
    let target = try ScenarioLoader.load(path: file.path).target
    #expect(target.cacert == folder.appendingPathComponent("certs/ca.pem").path)
    #expect(target.cacertAdd == "/etc/extra.pem")
    #expect(target.insecure)
    #expect(target.cert == folder.deletingLastPathComponent().appendingPathComponent("c.pem").standardizedFileURL.path)
    #expect(target.certKey == folder.appendingPathComponent("c.key").path)
  }
}
