import Foundation
import Testing

@testable import AIRudderSimCLI
@testable import Delivery
@testable import HTTP1
@testable import Receiver
@testable import Reporting
@testable import Scenario

@Suite struct RunReportTests {
  static func sample() -> RunReport {
    var histogram = LatencyHistogram()
    for micros in [800, 1_200, 2_500, 10_004_000] as [UInt64] { histogram.record(microseconds: micros) }
    var series = TimeSeries()
    let at = 1_795_000_000.25
    series.intervals[series.index(at: at)].started += 3
    series.intervals[series.index(at: at + 2)].attempts[AttemptClass.serverError.ordinal] += 7
    series.intervals[series.index(at: at + 2)].latency.record(microseconds: 2_500)
    series.setGauges(inFlight: 1, retriesWaiting: 2)
    return RunReport(
      startedAt: WallTime(milliseconds: 1_795_000_000_250), endedAt: WallTime(milliseconds: 1_795_000_001_750),
      scenario: "s", target: "http://127.0.0.1:1/", transport: "sockets", mode: "rate", concurrency: 4,
      policy: .init(timeoutS: 10, retryIntervalS: 60, timeScale: 60, maxRetries: 5),
      notifications: .init(
        generated: 3, delivered: 2, dropped: 1, abandoned: 0, cancelled: 0, deliveredOnAttempt: [1, 0, 1, 0, 0, 0], balanced: true
      ),
      attempts: .init(total: 9, byClass: ["2xx": 2, "5xx": 7], topErrors: [.init(error: "HTTP 503", count: 7)]),
      latencyMs: .init(p50: 1, p90: 2, p99: 3, p999: 4, max: 5), latencyHistogram: histogram, timeSeries: series,
      rate: .init(target: 10, achieved: 9.5, lateStarts: 1),
      elapsedS: 1.5, interrupted: false,
      thresholds: .init(maxDropped: nil, maxAbandoned: nil, maxP99Ms: nil, minSuccessRate: nil, missed: []),
      exitCode: 1, receiver: ReceiverCounts(requests: 9, accepted: 2))
  }

  /// A target or limit that is not set is written as null, not left out.
  @Test func unsetValuesAreNull() throws {
    let data = try Self.sample().jsonData()
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    var sample = Self.sample()
    sample.rate.target = nil
    let unset = try #require(try JSONSerialization.jsonObject(with: sample.jsonData()) as? [String: Any])
    let rate = try #require(unset["rate"] as? [String: Any])
    #expect(rate["target"] is NSNull)
    let thresholds = try #require(object["thresholds"] as? [String: Any])
    for key in ["max_dropped", "max_abandoned", "max_p99_ms", "min_success_rate"] {
      #expect(thresholds[key] is NSNull, "\(key) missing or not null")
    }
  }

  /// The keys the README documents and the issue names.
  @Test func jsonShape() throws {
    let object = try #require(try JSONSerialization.jsonObject(with: Self.sample().jsonData()) as? [String: Any])
    #expect(object["version"] as? Int == 2)
    #expect(object["started_at"] as? String == "2026-11-18T11:06:40.250Z")
    #expect(object["ended_at"] as? String == "2026-11-18T11:06:41.750Z")
    let notifications = try #require(object["notifications"] as? [String: Any])
    #expect(
      Set(notifications.keys) == [
        "generated", "delivered", "dropped", "abandoned", "cancelled", "delivered_on_attempt", "balanced",
      ])
    #expect(notifications["delivered_on_attempt"] as? [Int] == [1, 0, 1, 0, 0, 0])
    let attempts = try #require(object["attempts"] as? [String: Any])
    #expect(Set(attempts.keys) == ["total", "by_class", "top_errors"])
    #expect(Set(try #require(object["latency_ms"] as? [String: Any]).keys) == ["p50", "p90", "p99", "p999", "max"])
    #expect(Set(try #require(object["rate"] as? [String: Any]).keys) == ["target", "achieved", "late_starts"])
    #expect(object["elapsed_s"] as? Double == 1.5)
    #expect(object["transport"] as? String == "sockets")
    let receiver = try #require(object["receiver"] as? [String: Any])
    #expect(
      Set(receiver.keys).isSuperset(of: [
        "requests", "accepted", "details", "unique_calls", "duplicates", "bad_signatures", "schema_violations",
      ]))
    let decoded = try JSONDecoder().decode(RunReport.self, from: Self.sample().jsonData())
    #expect(decoded == Self.sample())
  }

  @Test func textNamesEveryFigure() {
    let text = Self.sample().text
    for fragment in [
      "generated 3", "delivered 2", "dropped 1", "#3: 1", "5xx 7", "HTTP 503 x7", "p99 3.00", "late starts 1",
      "transport sockets", "balanced", "retry 60s / time scale 60.0 = 1s", "(2.0 notifications/s, 6.0 attempts/s)",
    ] {
      #expect(text.contains(fragment), "missing \(fragment)")
    }
    var unbalanced = Self.sample()
    unbalanced.notifications.balanced = false
    #expect(unbalanced.text.contains("a notification was lost; this is a bug"))
  }
}
