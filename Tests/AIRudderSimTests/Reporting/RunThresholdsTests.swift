import Testing

@testable import AIRudderSimCLI
@testable import Generation
@testable import HTTP1
@testable import Receiver
@testable import Reporting
@testable import Scenario
@testable import Support

/// One rule for every threshold: the verdict table of the README and `run --help`.
@Suite struct RunThresholdsTests {
  static func counts(
    delivered: Int, dropped: Int = 0, abandoned: Int = 0, cancelled: Int = 0, p99Micros: Int64 = 1_000
  ) -> RunCounts {
    var histogram = LatencyHistogram()
    histogram.record(.microseconds(p99Micros))
    return RunCounts(
      generated: delivered + dropped + abandoned + cancelled, delivered: delivered, deliveredDetails: delivered,
      dropped: dropped, abandoned: abandoned, cancelled: cancelled, deliveredOnAttempt: [delivered, 0, 0, 0, 0, 0],
      firstAttemptsStarted: delivered + dropped + abandoned, startingSpan: .seconds(1), inFlight: 0, retriesInFlight: 0,
      waitingRetry: 0,
      attempts: delivered, attemptsByClass: [], topErrors: [], latency: histogram, lateStarts: 0)
  }

  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var counts: RunCounts
    var thresholds: RunThresholds
    /// The start of each missed line, in order; empty: the run passes.
    var missed: [String]
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(name: "all delivered", counts: counts(delivered: 10), thresholds: RunThresholds(), missed: []),
    Case(name: "nothing generated", counts: counts(delivered: 0), thresholds: RunThresholds(), missed: ["nothing was delivered"]),
    Case(
      name: "only cancelled before a first attempt", counts: counts(delivered: 0, cancelled: 5), thresholds: RunThresholds(),
      missed: ["nothing was delivered"]),
    Case(
      name: "every notification refused until the end", counts: counts(delivered: 0, abandoned: 36_844),
      thresholds: RunThresholds(), missed: ["nothing was delivered", "abandoned 36844 > --max-abandoned 0"]),
    Case(
      name: "abandoned within its limit", counts: counts(delivered: 9, abandoned: 1), thresholds: RunThresholds(maxAbandoned: 1),
      missed: []),
    Case(
      name: "one drop by default", counts: counts(delivered: 9, dropped: 1), thresholds: RunThresholds(),
      missed: ["dropped 1 > --max-dropped 0"]),
    Case(
      name: "drops within their limit", counts: counts(delivered: 9, dropped: 1), thresholds: RunThresholds(maxDropped: 1),
      missed: []),
    Case(
      name: "success rate counts abandoned like drops", counts: counts(delivered: 8, dropped: 1, abandoned: 1),
      thresholds: RunThresholds(maxDropped: 5, maxAbandoned: 5, minSuccessRate: 0.9),
      missed: ["success rate 80% < --min-success-rate 90%"]),
    Case(
      name: "cancelled before a first attempt is not judged", counts: counts(delivered: 9, cancelled: 100),
      thresholds: RunThresholds(minSuccessRate: 1), missed: []),
    Case(
      name: "p99 above its limit", counts: counts(delivered: 10, p99Micros: 600_000),
      thresholds: RunThresholds(maxP99: .milliseconds(500)),
      missed: ["p99 "]),
    Case(
      name: "a percentage met exactly (99.9 / 100 is a little above 999 / 1000 in binary)",
      counts: counts(delivered: 999, dropped: 1), thresholds: RunThresholds(maxDropped: 1, minSuccessRate: 99.9 / 100), missed: []
    ),
    Case(
      name: "p99 at its limit passes", counts: counts(delivered: 10, p99Micros: 400_000),
      thresholds: RunThresholds(maxP99: .milliseconds(500)),
      missed: []),
  ]

  @Test(arguments: cases)
  func verdict(_ example: Case) {
    let missed = example.thresholds.missed(by: example.counts)
    #expect(missed.count == example.missed.count, "\(missed)")
    for (line, start) in zip(missed, example.missed) {
      #expect(line.hasPrefix(start), "\(line) does not start with \(start)")
    }
  }

  /// A limit the scenario set is named by its key, so the message points where to change it.
  @Test func missedLimitsNameWhereTheyWereSet() {
    var thresholds = RunThresholds(minSuccessRate: 0.99)
    thresholds.source.minSuccessRate = "thresholds.minSuccessRate"
    let missed = thresholds.missed(by: Self.counts(delivered: 9, dropped: 1))
    #expect(missed == ["dropped 1 > --max-dropped 0", "success rate 90% < thresholds.minSuccessRate 99%"])
  }

  @Test func successRateOverJudgedNotifications() {
    #expect(RunThresholds.successRate(Self.counts(delivered: 3, dropped: 1, cancelled: 6)) == 0.75)
    #expect(RunThresholds.successRate(Self.counts(delivered: 0, cancelled: 6)) == 0)
  }
}

/// A second signal exits without waiting: the report then closes the notifications still open.
@Suite struct RunCountsClosingTests {
  @Test func openNotificationsCloseAsAbandonedOrCancelled() {
    var counts = RunThresholdsTests.counts(delivered: 5, dropped: 1)
    counts.generated += 7  // 2 waiting for a retry, 1 retry in flight, 4 first attempts in flight
    counts.waitingRetry = 2
    counts.inFlight = 5
    counts.retriesInFlight = 1
    #expect(!counts.isBalanced)
    let closed = counts.closingOpenNotifications()
    #expect(closed.isBalanced)
    #expect(closed.abandoned == 3 && closed.cancelled == 4)
  }
}
