import Foundation
import Testing

@testable import Conformance
@testable import Contract
@testable import HTTP1

/// One receiver defect of the kind integrators ship, and the case that exists to catch it.
struct PlantedDefect: Sendable, CustomTestStringConvertible {
  var caseID: String
  /// What the case must say about the defective receiver.
  var verdict: CheckVerdict
  /// Words the evidence must show (the defective answer's body names its defect).
  var marker: String
  var timeout: Duration = .seconds(5)
  var defect: DefectiveReceiver.Defect

  var testDescription: String { "\(caseID): \(marker)" }

  init(
    _ caseID: String, _ marker: String, _ verdict: CheckVerdict = .fail, timeout: Duration = .seconds(5),
    _ defect: @escaping DefectiveReceiver.Defect
  ) {
    self.caseID = caseID
    self.verdict = verdict
    self.marker = marker
    self.timeout = timeout
    self.defect = defect
  }

  static func refuse(_ status: Int, _ words: String) -> HTTPAnswer { DefectiveReceiver.refuse(status, words) }

  static let all: [PlantedDefect] = [
    .init("shape.page-example", "RedailCall time is not ISO 8601") { request, _ in
      request.text.contains("\"CallStartTime\": \"2024-03-11 10:19:27\"") ? refuse(400, "RedailCall time is not ISO 8601") : nil
    },
    .init("shape.scene-collection", "BorrowedAmount must be a number") { request, _ in
      request.text.contains("\"BorrowedAmount\":\"") ? refuse(422, "BorrowedAmount must be a number") : nil
    },
    .init("shape.scene-marketing", "BorrowedAmount is required") { request, _ in
      request.calls.contains { $0["BorrowedAmount"] == nil } ? refuse(400, "BorrowedAmount is required") : nil
    },
    .init("shape.scene-ecommerce", "CurrencyUnit is required") { request, _ in
      request.calls.contains { $0["CurrencyUnit"] == nil } ? refuse(400, "CurrencyUnit is required") : nil
    },
    .init("shape.optional-absent", "NullPointerException: AsrResult") { request, _ in
      request.calls.contains { $0["AsrResult"] == nil && $0["RingTime"] == nil }
        ? refuse(500, "NullPointerException: AsrResult") : nil
    },
    .init("shape.optional-present", "unknown field Multi_intention") { request, _ in
      request.text.contains("\"Multi_intention\"") ? refuse(400, "unknown field Multi_intention") : nil
    },
    .init("shape.optional-null", "ExtraA: null is not a string") { request, _ in
      request.text.contains("\"ExtraA\":null") ? refuse(500, "ExtraA: null is not a string") : nil
    },
    .init("shape.ringtype-null", "RingType must not be null") { request, _ in
      request.text.contains("\"RingType\":null") ? refuse(500, "RingType must not be null") : nil
    },
    .init("shape.ringtype-null-string", "RingType null is not a ring type") { request, _ in
      request.text.contains("\"RingType\":\"null\"") ? refuse(400, "RingType null is not a ring type") : nil
    },
    .init("shape.unconnected", "call duration must be positive") { request, _ in
      request.calls.contains { ($0["CallStartTime"] as? String) == ($0["CallEndTime"] as? String) }
        ? refuse(400, "call duration must be positive") : nil
    },
    .init("shape.empty-strings", "CalleeName must not be empty") { request, _ in
      request.text.contains("\"CalleeName\":\"\"") ? refuse(500, "CalleeName must not be empty") : nil
    },
    .init("shape.non-latin", "Incorrect string value for utf8mb3") { request, _ in
      request.body.contains { $0 >= 0xF0 } ? refuse(500, "Incorrect string value for utf8mb3") : nil
    },
    .init("shape.escaped-strings", "unexpected quote in CalleeName") { request, _ in
      request.text.contains("\\\"") ? refuse(500, "unexpected quote in CalleeName") : nil
    },
    .init("shape.long-strings", "Data too long for column CalleeName") { request, _ in
      request.calls.contains { ($0["CalleeName"] as? String ?? "").count > 255 }
        ? refuse(500, "Data too long for column CalleeName") : nil
    },
    .init("shape.large-numbers", "id out of range for int32") { request, _ in
      request.calls.contains { ($0["id"] as? NSNumber)?.int64Value ?? 0 > Int64(Int32.max) }
        ? refuse(500, "id out of range for int32") : nil
    },
    .init("shape.long-call-id", "Data too long for column CallID") { request, _ in
      request.calls.contains { ($0["CallID"] as? String ?? "").count > 64 } ? refuse(500, "Data too long for column CallID") : nil
    },
    .init("shape.redial-limit", "CallTimes above 10") { request, _ in
      request.calls.contains { ($0["CallTimes"] as? Int ?? 0) > 10 } ? refuse(400, "CallTimes above 10") : nil
    },
    .init("shape.unknown-fields", "unknown field in envelope") { request, _ in
      let known: Set = ["workflow_id", "workflow_name", "nodetask_id", "nodetask_name", "TaskID", "TaskName", "Sign", "Details"]
      return Set(request.object?.keys ?? [:].keys).isSubset(of: known) ? nil : refuse(400, "unknown field in envelope")
    },
    .init("shape.several-calls", "handles only one call") { request, _ in
      request.calls.count != 1 ? refuse(500, "handles only one call") : nil
    },
    .init("shape.largest-batch", "body over 1 MiB") { request, _ in
      request.body.count > 1 << 20 ? refuse(413, "body over 1 MiB") : nil
    },
    .init("delivery.duplicate", "CallID already stored") { request, memory in
      memory.seenCallIDs(request.calls.compactMap { $0["CallID"] as? String }) ? refuse(409, "CallID already stored") : nil
    },
    .init("delivery.same-task", "TaskID already processed") { request, memory in
      memory.seenTaskID(request.object?["TaskID"] as? String ?? "") ? refuse(409, "TaskID already processed") : nil
    },
    .init("delivery.burst", "too many requests in flight") { _, memory in
      if memory.inFlight > 4 { return refuse(503, "too many requests in flight") }
      Thread.sleep(forTimeInterval: 1)
      return nil
    },
    .init("delivery.timeout", "no answer within the 300ms timeout", timeout: .milliseconds(300)) { _, _ in
      Thread.sleep(forTimeInterval: 2)
      return nil
    },
    .init("answer.latency", "grow slower", .warn) { _, memory in
      Thread.sleep(forTimeInterval: 0.02 * Double(memory.count()))
      return nil
    },
    .init("answer.status-body", "queued", .info) { _, _ in
      .respond(status: 202, body: Array("queued".utf8), contentType: "text/plain")
    },
    .init("security.bad-sign", "Sign check crashed", .warn) { request, _ in
      let task = request.object?["TaskID"] as? String ?? ""
      let sign = request.object?["Sign"] as? String ?? ""
      return Signer.verify(taskID: task, sign: sign, key: Signer.defaultKey) ? nil : refuse(500, "Sign check crashed")
    },
    .init("security.not-json", "JSON parse exception", .warn) { request, _ in
      request.object == nil ? refuse(500, "JSON parse exception") : nil
    },
  ]
}

@Suite struct PlantedDefectTests {
  /// Each case catches the defect it exists for, and its evidence names it.
  @Test(arguments: PlantedDefect.all)
  func caseCatchesItsDefect(_ planted: PlantedDefect) async throws {
    let receiver = try DefectiveReceiver(planted.defect)
    defer { receiver.stop() }
    let result = try await CheckHarness.run(
      planted.caseID, at: receiver.url, settings: CheckHarness.settings(timeout: planted.timeout))
    #expect(result.outcome.verdict == planted.verdict, "\(result.outcome.summary)")
    let shown = result.outcome.summary + result.outcome.evidence.map { $0.answerLine + ($0.error ?? "") }.joined()
    #expect(shown.contains(planted.marker), "\(shown)")
    if planted.verdict == .fail {
      let evidence = try #require(result.outcome.evidence.first)
      #expect(evidence.next?.contains("60 s later, up to 5 times") == true)
      #expect(evidence.sentBytes > 0 && !evidence.excerpt.isEmpty)
    }
  }

  /// The same cases pass a receiver without the defect: no case fails everything.
  @Test(arguments: PlantedDefect.all.map(\.caseID))
  func casePassesCorrectReceiver(_ id: String) async throws {
    // Answers 200 {} to every notification and 400 to what is not JSON; it does not check Signs.
    let receiver = try DefectiveReceiver { request, _ in request.object == nil ? PlantedDefect.refuse(400, "not JSON") : nil }
    defer { receiver.stop() }
    let result = try await CheckHarness.run(id, at: receiver.url)
    // Accepting a bad Sign is information, not a fault (the page makes checking it optional).
    let expected: CheckVerdict = id == "security.bad-sign" ? .info : .pass
    #expect(result.outcome.verdict == expected, "\(result.outcome.summary)")
  }

  /// A receiver that unpacks exactly one call fails the cases with several, and only those:
  /// every other case sends one call, whatever the run's seed.
  @Test func onlyTheSeveralCallCasesCatchAOneCallReceiver() async throws {
    let receiver = try DefectiveReceiver { request, _ in
      if request.object == nil { return PlantedDefect.refuse(400, "not JSON") }
      return request.calls.count != 1 ? PlantedDefect.refuse(500, "handles only one call") : nil
    }
    defer { receiver.stop() }
    let transport = try #require(SocketCheckTransport(url: receiver.url))
    let runner = CheckRunner(target: receiver.url.absoluteString, settings: CheckHarness.settings(), transport: transport)
    let results = await runner.run(Battery.all).results.results
    let failed = results.filter { $0.outcome.verdict == .fail }.map(\.check.id)
    #expect(failed == ["shape.several-calls", "shape.largest-batch"])
    let several = try #require(results.first { $0.check.id == "shape.several-calls" })
    #expect(several.outcome.summary.contains("with 3 calls in Details"), "\(several.outcome.summary)")
    #expect(several.outcome.evidence.first?.answerLine.contains("handles only one call") == true)
  }

  /// `--timeout` sets the timeout AIRudder is assumed to use: the verdicts name it, not 10 s.
  @Test func verdictsNameTheConfiguredTimeout() async throws {
    let slow = try DefectiveReceiver { _, _ in
      Thread.sleep(forTimeInterval: 2)
      return nil
    }
    defer { slow.stop() }
    let late = try await CheckHarness.run(
      "delivery.timeout", at: slow.url, settings: CheckHarness.settings(timeout: .milliseconds(300)))
    #expect(late.outcome.verdict == .fail)
    #expect(late.outcome.summary.contains("--timeout 300ms here"), "\(late.outcome.summary)")
    let next = try #require(late.outcome.evidence.first?.next)
    #expect(next.contains("AIRudder's timeout (10 s by default; --timeout 300ms here)"), "\(next)")
    #expect(!next.contains("10 s timeout"))
    let fast = try DefectiveReceiver { _, _ in nil }
    defer { fast.stop() }
    let inTime = try await CheckHarness.run(
      "delivery.timeout", at: fast.url, settings: CheckHarness.settings(timeout: .seconds(15)))
    #expect(inTime.outcome.verdict == .pass)
    #expect(inTime.outcome.summary.contains("--timeout 15s here"), "\(inTime.outcome.summary)")
  }
}
