import Foundation
import Testing

@testable import AIRudderSimCLI
@testable import Contract
@testable import Delivery
@testable import HTTP1
@testable import Receiver
@testable import Reporting
@testable import Scenario
@testable import Support

/// `run` over loopback against the built-in receiver, one fault at a time: exact attempt
/// counts and end states, and both sides reconciled. Each test runs over both transports.
@Suite(.serialized) struct EndToEndTests {
  struct Outcome {
    var exit: ExitCode
    var report: RunReport
    var records: [[String: Any]]
    var stdout: String
    var stderr: String
  }

  static let transports: [TransportChoice] = [.sockets, .urlSession]

  static func run(
    count: Int, transport: TransportChoice, concurrency: Int = 1, timeout: Duration = .seconds(10), timeScale: Double = 60,
    url: URL? = nil, key: String = "airudder", faults: (inout ReceiverSettings) -> Void = { _ in }
  ) async throws -> Outcome {
    var scenario = try ScenarioLoader.load(path: RepositoryPath.scenario("smoke.json"))
    faults(&scenario.receiver)
    var plan = DeliveryPlan(scenario: scenario)
    plan.count = count
    plan.concurrency = concurrency
    plan.key = key
    plan.policy = RetryPolicy(timeout: timeout, interval: .seconds(60), maxRetries: 5, timeScale: timeScale)
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    var options = RunOptions(scenario: scenario, plan: plan, url: url)
    options.quiet = true
    options.transport = transport
    let reportPath = directory.appendingPathComponent("report.json").path
    options.reportPath = reportPath
    if url == nil { options.receiverRecordPath = directory.appendingPathComponent("record.jsonl").path }
    let out = OutputSink.memory()
    let err = OutputSink.memory()
    let exit = try await RunSession(options: options, stdout: out, stderr: err).execute()
    let report = try JSONDecoder().decode(RunReport.self, from: Data(contentsOf: URL(fileURLWithPath: reportPath)))
    var records: [[String: Any]] = []
    if let path = options.receiverRecordPath, let text = try? String(contentsOfFile: path, encoding: .utf8) {
      records = text.split(separator: "\n").compactMap {
        try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
      }
    }
    #expect(report.transport == transport.rawValue)
    return Outcome(exit: exit, report: report, records: records, stdout: out.text, stderr: err.text)
  }

  /// Arrival times (seconds) of each notification's attempts, by the notification's body.
  static func arrivals(_ records: [[String: Any]]) -> [[Double]] {
    var byBody: [String: [Double]] = [:]
    var order: [String] = []
    for record in records {
      let body =
        (try? JSONSerialization.data(withJSONObject: record["notification"] ?? [:], options: .sortedKeys)).map {
          String(decoding: $0, as: UTF8.self)
        } ?? ""
      if byBody[body] == nil { order.append(body) }
      byBody[body, default: []].append(timestamp(record["time"] as? String ?? ""))
    }
    return order.map { byBody[$0] ?? [] }
  }

  static func timestamp(_ text: String) -> Double {
    let whole = UTCTime.parseISO8601(String(text.prefix(19)) + "Z") ?? 0
    let millis = Double(text.dropFirst(20).prefix(3)) ?? 0
    return Double(whole) + millis / 1000
  }

  /// The check: two failures, then the third attempt arrives interval / time-scale
  /// (60 s / 60 = 1 s) after the second failed, with identical bodies and AIRudder's headers.
  @Test(arguments: transports) func failFirstTwoDeliversOnTheThirdAttemptOneScaledIntervalLater(
    _ transport: TransportChoice
  ) async throws {
    let outcome = try await Self.run(count: 3, transport: transport) { $0.failFirst = 2 }
    #expect(outcome.exit == .success)
    let n = outcome.report.notifications
    #expect(n.generated == 3 && n.delivered == 3 && n.deliveredOnAttempt == [0, 0, 3, 0, 0, 0])
    #expect(outcome.report.attempts.total == 9 && outcome.report.attempts.byClass["5xx"] == 6)
    #expect(outcome.records.count == 9)
    for record in outcome.records {
      #expect(record["content_type"] as? String == "application/json")
      #expect(record["user_agent"] as? String == "Airudder")
    }
    let arrivals = Self.arrivals(outcome.records)
    #expect(arrivals.count == 3, "each notification's three attempts carry identical bytes")
    for times in arrivals {
      #expect(times.count == 3)
      for index in 1..<times.count {
        let gap = times[index] - times[index - 1]
        // Never early (the policy's promise). Above, only a generous bound that an unscaled
        // 60 s interval would break: a loaded machine may wake a timer late, not early.
        #expect(gap >= 0.99, "retry \(index) came \(gap)s after the previous attempt, before the 1 s interval")
        #expect(gap < 45, "retry \(index) came \(gap)s after the previous attempt: the interval was not scaled")
      }
    }
    #expect(outcome.report.receiver?.accepted == 3 && outcome.report.reconciliationErrors.isEmpty)
  }

  @Test(arguments: transports) func alwaysFailingIsDroppedAfterSixAttempts(_ transport: TransportChoice) async throws {
    let outcome = try await Self.run(count: 2, transport: transport, timeScale: 600) {
      $0.errorRate = 1
      $0.errorStatus = 503
    }
    #expect(outcome.exit == .failure)
    #expect(outcome.report.notifications.dropped == 2 && outcome.report.attempts.total == 12)
    #expect(outcome.report.attempts.topErrors.first == RunReport.ErrorCount(error: "HTTP 503", count: 12))
    #expect(outcome.report.receiver?.answers["503"] == 12)
  }

  @Test(arguments: transports) func failEveryThirdNotification(_ transport: TransportChoice) async throws {
    let outcome = try await Self.run(count: 6, transport: transport, timeScale: 600) { $0.failEvery = 3 }
    #expect(outcome.report.notifications.delivered == 4 && outcome.report.notifications.dropped == 2)
    #expect(outcome.report.attempts.total == 4 + 12)
    #expect(outcome.report.reconciliationErrors.isEmpty)
    #expect(outcome.exit == .failure)
  }

  /// A receiver that answers after the timeout: every attempt times out, the receiver accepts
  /// each late, and sees the same calls again on every retry.
  @Test(arguments: transports) func lateAnswersAreTimeoutsAndDuplicates(_ transport: TransportChoice) async throws {
    let outcome = try await Self.run(count: 1, transport: transport, timeout: .milliseconds(300), timeScale: 600) {
      $0.delay = .seconds(0.6)
      $0.delayRate = 1
    }
    let report = outcome.report
    #expect(report.notifications.dropped == 1 && report.attempts.byClass["timeout"] == 6)
    let receiver = try #require(report.receiver)
    #expect(receiver.requests == 6 && receiver.accepted == 1)
    #expect(receiver.duplicates == 5 * receiver.uniqueCalls)
    #expect(!report.reconciliationErrors.isEmpty, "the receiver accepted what the sender counts dropped")
    #expect(outcome.stderr.contains("error: reconciliation:"))
  }

  @Test(arguments: transports) func droppedConnectionsAreRetried(_ transport: TransportChoice) async throws {
    let outcome = try await Self.run(count: 2, transport: transport, timeScale: 600) { $0.dropRate = 1 }
    #expect(outcome.report.notifications.dropped == 2 && outcome.report.attempts.total == 12)
    let failures = (outcome.report.attempts.byClass["connection_error"] ?? 0) + (outcome.report.attempts.byClass["other"] ?? 0)
    #expect(failures == 12)
    #expect(outcome.report.receiver?.answers["dropped"] == 12)
  }

  /// Connections refused while the receiver is down; retries get through once it is up.
  @Test(arguments: transports) func receiverDownAtStartComesUp(_ transport: TransportChoice) async throws {
    let outcome = try await Self.run(count: 2, transport: transport, timeScale: 60) { $0.downFor = .seconds(1.5) }
    #expect(outcome.report.notifications.delivered == 2)
    #expect((outcome.report.attempts.byClass["connection_error"] ?? 0) >= 2)
    #expect(outcome.report.attempts.topErrors.contains { $0.error == "connection refused" })
    #expect(outcome.report.notifications.deliveredOnAttempt.first == 0)
    #expect(outcome.report.reconciliationErrors.isEmpty)
  }

  @Test(arguments: transports) func reconciliationOfACleanRun(_ transport: TransportChoice) async throws {
    let outcome = try await Self.run(count: 10, transport: transport, concurrency: 4)
    #expect(outcome.exit == .success)
    let report = outcome.report
    let receiver = try #require(report.receiver)
    #expect(report.notifications.delivered == 10 && receiver.accepted == 10)
    #expect(receiver.uniqueCalls == receiver.details && receiver.duplicates == 0)
    #expect(report.reconciliationErrors.isEmpty && outcome.stderr.isEmpty)
    #expect(!outcome.stdout.contains("airudder\n"), "the KEY is never printed")
  }

  /// A KEY mismatch between sender and receiver: every attempt is a 401.
  @Test(arguments: transports) func badSignaturesAreRefused(_ transport: TransportChoice) async throws {
    let receiver = try MockReceiver.start(
      configuration: {
        var configuration = ReceiverConfiguration()
        configuration.key = "receiver-key"
        return configuration
      }())
    defer { receiver.stop() }
    let outcome = try await Self.run(count: 1, transport: transport, timeScale: 600, url: receiver.url, key: "sender-key")
    #expect(outcome.report.attempts.byClass["4xx"] == 6 && outcome.report.notifications.dropped == 1)
    #expect(receiver.counts().badSignatures == 6)
    #expect(!outcome.stdout.contains("sender-key") && !outcome.stdout.contains("receiver-key"))
  }

  @Test(arguments: transports) func unreachableReceiverIsConnectionErrorsNotACrash(_ transport: TransportChoice) async throws {
    let closed = try MockReceiver.start(configuration: ReceiverConfiguration())
    let url = closed.url
    closed.stop()
    let outcome = try await Self.run(count: 1, transport: transport, timeScale: 6000, url: url)
    #expect(outcome.report.notifications.dropped == 1)
    #expect(outcome.report.attempts.byClass["connection_error"] == 6)
  }
}
