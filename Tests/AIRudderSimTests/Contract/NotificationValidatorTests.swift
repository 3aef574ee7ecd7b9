import Foundation
import Testing

@testable import AIRudderSimCLI
@testable import Contract
@testable import Generation
@testable import HTTP1
@testable import Receiver
@testable import Scenario
@testable import Support

@Suite struct NotificationValidatorTests {
  @Test(arguments: ["smoke.json", "marketing.json", "edge-cases.json"])
  func generatedNotificationsAreValid(file: String) throws {
    let scenario = try ScenarioLoader.load(path: RepositoryPath.scenario(file))
    var signer = Signer(key: "k")
    let validator = NotificationValidator(key: "k")
    for var item in NotificationGenerator(scenario: scenario, limit: 100) {
      signer.sign(&item.notification)
      let verdict = validator.check(item.notification.jsonBytes())
      #expect(verdict == .valid(taskID: item.notification.taskID, callIDs: item.notification.details.map(\.callID)))
    }
  }

  @Test func seedExampleIsValidExceptItsMaskedSign() throws {
    let body = Array(try Data(contentsOf: RepositoryPath.fixture("seed-example.json")))
    guard case .badSignature = NotificationValidator(key: "airudder").check(body) else {
      Issue.record("the page's example has a masked Sign")
      return
    }
  }

  @Test func wrongKeyIsABadSignature() throws {
    let verdict = NotificationValidator(key: "other").check(try validBody())
    guard case .badSignature = verdict else {
      Issue.record("expected a bad signature, got \(verdict)")
      return
    }
  }

  @Test(arguments: [
    (
      "\"Status\":\"finished\"", "\"Status\":\"done\"",
      "Details[0].Status: expected one of created, pending, finished, cancelled, failed, got \"done\""
    ),
    ("\"CallTimes\":", "\"CallTimes\":\"1\",\"x\":", "Details[0].CallTimes: expected an integer"),
    ("\"CaseID\":", "\"CaseIDs\":", "Details[0].CaseID: required field is missing"),
    ("\"TaskID\":", "\"TaskId\":", "TaskID: required field is missing"),
    (
      "\"CallStartTime\":\"2024", "\"CallStartTime\":\"x2024",
      "Details[0].CallStartTime: expected a UTC time such as 2024-03-11T03:20:30Z"
    ),
  ])
  func schemaViolationsNameTheField(find: String, replace: String, message: String) throws {
    let text = String(decoding: try validBody(), as: UTF8.self)
    let broken = text.replacingOccurrences(of: find, with: replace, options: [], range: text.range(of: find))
    #expect(NotificationValidator(key: "airudder").check(Array(broken.utf8)) == .schemaViolation(message))
  }

  @Test(arguments: ["", "[]", "{", "null", "{\"Details\": []}"])
  func nonNotificationsAreViolations(body: String) {
    guard case .schemaViolation = NotificationValidator(key: "airudder").check(Array(body.utf8)) else {
      Issue.record("expected a schema violation for \(body)")
      return
    }
  }
}
