import Foundation
import Synchronization
import Testing

@testable import Conformance
@testable import Contract
@testable import HTTP1

/// A transport that answers `200 {}` to everything and keeps what was posted.
final class RecordingCheckTransport: CheckTransport {
  private let posted = Mutex<[[UInt8]]>([])

  var bodies: [[UInt8]] { posted.withLock { $0 } }

  func post(_ bodies: [[UInt8]], reuse: Bool, timeout: Duration) async -> [ExchangeResult] {
    posted.withLock { $0.append(contentsOf: bodies) }
    return bodies.map { _ in
      ExchangeResult(
        result: .success(.init(status: 200, bodyPrefix: Array("{}".utf8), keepAlive: true)), seconds: 0.001, reused: false)
    }
  }

  func burst(_ bodies: [[UInt8]], timeout: Duration) async -> [ExchangeResult] {
    await post(bodies, reuse: false, timeout: timeout)
  }

  func unreachable(timeout: Duration) async -> String? { nil }
}

/// What each case sends: valid contract payloads (signed with the KEY) with the shape the
/// case is named after, except where a case is malformed on purpose.
@Suite struct BatteryPayloadTests {
  static let key = "integrator-key"

  static func bodies(of id: String) async throws -> [[UInt8]] {
    let transport = RecordingCheckTransport()
    var settings = CheckHarness.settings()
    settings.key = key
    let runner = CheckRunner(target: "test", settings: settings, transport: transport)
    _ = await runner.run([try #require(Battery.named(id))])
    return transport.bodies
  }

  static func calls(_ body: [UInt8]) throws -> [[String: Any]] {
    let object = try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any])
    return try #require(object["Details"] as? [[String: Any]])
  }

  /// Every body but the security cases' is a valid notification under the KEY.
  @Test(arguments: Battery.all.map(\.id).filter { !$0.hasPrefix("security.") })
  func bodiesAreValidContractPayloads(_ id: String) async throws {
    let bodies = try await Self.bodies(of: id)
    #expect(!bodies.isEmpty)
    let validator = NotificationValidator(key: Self.key)
    for body in bodies {
      let verdict = validator.check(body)
      guard case .valid = verdict else {
        Issue.record("\(id): \(verdict)")
        return
      }
    }
  }

  @Test func securityBodiesAreWhatTheyClaim() async throws {
    let validator = NotificationValidator(key: Self.key)
    let badSign = try await Self.bodies(of: "security.bad-sign")
    guard case .badSignature = validator.check(badSign[0]) else {
      Issue.record("bad-sign body: \(validator.check(badSign[0]))")
      return
    }
    let garbage = try await Self.bodies(of: "security.not-json")
    #expect((try? JSONSerialization.jsonObject(with: Data(garbage[0]))) == nil)
  }

  /// The page's example, byte for byte but for its Sign.
  @Test func pageExampleIsThePagesExample() async throws {
    let body = try #require(try await Self.bodies(of: "shape.page-example").first)
    let fixture = try String(contentsOf: RepositoryPath.fixture("seed-example.json"), encoding: .utf8)
    let sign = Signer.sign(taskID: "490d5ec3c1xxxxxxxx2b759b5b", key: Self.key)
    let expected = fixture.replacingOccurrences(of: "a395ce1acxxxxxxxx7bab53f5", with: sign)
    #expect(String(decoding: body, as: UTF8.self).trimmingCharacters(in: .newlines) == expected.trimmingCharacters(in: .newlines))
  }

  /// Each shape has the property it is named after.
  @Test(arguments: [
    ("shape.scene-collection", "BorrowedAmount"), ("shape.scene-marketing", "!BorrowedAmount"),
    ("shape.scene-ecommerce", "!BorrowedAmount"), ("shape.optional-present", "Multi_intention"),
    ("shape.optional-absent", "!RingTime"), ("shape.redial-limit", "CallTimes=20"), ("shape.large-numbers", "id>2^31"),
    ("shape.long-call-id", "CallID>64"), ("shape.long-strings", "CalleeName>255"), ("shape.unconnected", "start=end"),
    ("shape.empty-strings", "CalleeName="), ("shape.ringtype-null", "RingType=null"),
    ("shape.ringtype-null-string", "RingType=\"null\""), ("shape.non-latin", "emoji"),
    ("shape.escaped-strings", "quote"), ("shape.unknown-fields", "extra"), ("shape.optional-null", "ExtraA=null"),
  ])
  func shapeHasItsProperty(_ id: String, _ property: String) async throws {
    let body = try #require(try await Self.bodies(of: id).first)
    let calls = try Self.calls(body)
    let text = String(decoding: body, as: UTF8.self)
    let holds: Bool
    switch property {
    case "BorrowedAmount": holds = calls.contains { $0["BorrowedAmount"] != nil }
    case "!BorrowedAmount": holds = calls.allSatisfy { $0["BorrowedAmount"] == nil }
    case "Multi_intention": holds = calls.contains { $0["Multi_intention"] != nil && $0["AskWhatsAPP"] != nil }
    case "!RingTime": holds = calls.contains { $0["RingTime"] == nil && $0["AsrResult"] == nil }
    case "CallTimes=20": holds = calls.contains { $0["CallTimes"] as? Int == 20 && ($0["RedailCall"] as? [Any])?.count == 19 }
    case "id>2^31": holds = text.contains("\"id\":9007199254740991")
    case "CallID>64": holds = calls.contains { ($0["CallID"] as? String ?? "").count > 64 }
    case "CalleeName>255": holds = calls.contains { ($0["CalleeName"] as? String ?? "").count > 255 }
    case "start=end":
      holds = calls.contains { $0["CallStartTime"] as? String == $0["CallEndTime"] as? String && $0["AsrResult"] == nil }
    case "CalleeName=": holds = text.contains("\"CalleeName\":\"\"")
    case "RingType=null": holds = text.contains("\"RingType\":null")
    case "RingType=\"null\"": holds = text.contains("\"RingType\":\"null\"")
    case "emoji": holds = text.unicodeScalars.contains { $0.properties.isEmojiPresentation }
    case "quote": holds = text.contains("\\\"")
    case "extra": holds = text.hasPrefix("{\"RegionCode\"") && text.contains("\"CallTag\"") && text.contains("\"Carrier\"")
    case "ExtraA=null": holds = text.contains("\"ExtraA\":null")
    default: holds = false
    }
    #expect(holds, "\(id) lacks \(property)")
  }

  /// Every case sends notifications of exactly one call, the same on every run, except the
  /// two made for several: a receiver that handles one call only fails those two alone.
  @Test(arguments: Battery.all.map(\.id).filter { $0 != "security.not-json" })
  func oneCallPerNotificationButTheSeveralCases(_ id: String) async throws {
    for body in try await Self.bodies(of: id) {
      let count = try Self.calls(body).count
      switch id {
      case "shape.several-calls": #expect(count == 3)
      case "shape.largest-batch": #expect(count >= 100)
      default: #expect(count == 1, "\(id) sent \(count) calls")
      }
    }
  }

  @Test func largestBatchIsOverOneMebibyteWithFullTranscripts() async throws {
    let body = try #require(try await Self.bodies(of: "shape.largest-batch").first)
    let calls = try Self.calls(body)
    #expect(body.count > 1 << 20)
    #expect(calls.count >= 100)
    #expect(calls.allSatisfy { ($0["AsrResult"] as? [Any])?.isEmpty == false })
    #expect(Set(calls.compactMap { $0["CallID"] as? String }).count == calls.count)
  }

  /// No two cases send the same calls (a receiver that rejects duplicates is caught by the
  /// duplicate case alone), and two runs differ.
  @Test func casesSendDistinctCalls() async throws {
    var owner: [String: String] = [:]
    for check in Battery.all where check.group == .shape && check.id != "shape.page-example" {
      for body in try await Self.bodies(of: check.id) {
        for call in try Self.calls(body) {
          let id = try #require(call["CallID"] as? String)
          if let other = owner[id], other != check.id { Issue.record("\(id) in \(other) and \(check.id)") }
          owner[id] = check.id
        }
      }
    }
    let first = try await Self.bodies(of: "delivery.timeout")
    let second = try await Self.bodies(of: "delivery.timeout")
    #expect(first != second)
  }

  @Test func burstSendsBurstNotifications() async throws {
    let transport = RecordingCheckTransport()
    var settings = CheckHarness.settings()
    settings.burst = 7
    let runner = CheckRunner(target: "test", settings: settings, transport: transport)
    let result = await runner.run([try #require(Battery.named("delivery.burst"))])
    #expect(transport.bodies.count == 7)
    #expect(Set(transport.bodies).count == 7)
    #expect(result.results.results[0].outcome.verdict == .pass)
  }
}
