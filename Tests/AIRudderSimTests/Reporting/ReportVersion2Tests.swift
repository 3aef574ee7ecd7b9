import Foundation
import Synchronization
import Testing

@testable import Delivery
@testable import HTTP1
@testable import Reporting

@Suite struct ReportVersion2Tests {
  /// Encode, decode, equal: every field of version 2 survives, the histograms bucket by bucket.
  @Test func roundTrip() throws {
    var report = RunReportTests.sample()
    var random = SystemRandomNumberGenerator()
    for _ in 0..<5_000 { report.latencyHistogram.record(microseconds: UInt64.random(in: 0...30_000_000, using: &random)) }
    let decoded = try RunReport.decode(try report.jsonData(), file: "r.json")
    #expect(decoded == report)
    #expect(decoded.timeSeries.intervals.count == 3)
    #expect(decoded.latencyHistogram.value(atPercentile: 99) == report.latencyHistogram.value(atPercentile: 99))
  }

  /// Every bucket's edges fall in it, and the next value starts the next bucket: the layout
  /// the README describes is the one the code uses.
  @Test(arguments: [HistogramLayout.run, HistogramLayout.interval])
  func layoutEdges(layout: HistogramLayout) {
    for index in 0..<(layout.bucketCount - 1) {
      #expect(layout.index(of: layout.lowerEdge(of: index)) == index)
      #expect(layout.index(of: layout.upperEdge(of: index)) == index)
      #expect(layout.index(of: layout.upperEdge(of: index) + 1) == index + 1)
    }
  }

  /// Reports of two halves, decoded and merged, give the histogram of the whole run exactly.
  @Test func histogramsMergeWithoutLoss() throws {
    var first = LatencyHistogram()
    var second = LatencyHistogram()
    var whole = LatencyHistogram()
    for value in stride(from: UInt64(0), to: 50_000_000, by: 4_999) {
      if value % 3 == 0 { first.record(microseconds: value) } else { second.record(microseconds: value) }
      whole.record(microseconds: value)
    }
    let encoder = JSONEncoder()
    var merged = try JSONDecoder().decode(LatencyHistogram.self, from: encoder.encode(first))
    merged.merge(try JSONDecoder().decode(LatencyHistogram.self, from: encoder.encode(second)))
    #expect(merged == whole)
    #expect(merged.sumMicroseconds == whole.sumMicroseconds && merged.count == whole.count)
  }

  /// A run of any length keeps at most `maxIntervals` points, on a grid of a power-of-two
  /// width aligned on the epoch, and loses no count when the width doubles.
  @Test(arguments: [1, 2_047, 2_048, 2_049, 10_000, 3_000_000])
  func coarseningBounds(seconds: Int) {
    var series = TimeSeries()
    let start = 1_795_000_000.7
    let steps = min(seconds, 20_000)
    for step in 0..<steps {
      let time = start + Double(step) * Double(seconds) / Double(steps)
      series.intervals[series.index(at: time)].started += 1
      series.setGauges(inFlight: step, retriesWaiting: 0)
    }
    #expect(series.intervals.count <= TimeSeries.maxIntervals)
    #expect(series.intervals.count >= min(seconds, TimeSeries.maxIntervals / 2))
    #expect(series.width & (series.width - 1) == 0)
    #expect(series.start(of: 0) % series.width == 0)
    #expect(series.start(of: 0) <= Int64(start) && Int64(start) < series.start(of: 0) + series.width)
    #expect(series.intervals.reduce(0) { $0 + $1.started } == steps)
    #expect(series.intervals.last?.inFlight == steps - 1)
  }

  /// The gauges of an interval are those at its end; an empty interval in between keeps them.
  @Test func gaugesAtTheIntervalsEnd() {
    let clock = ManualWallClock(1_795_000_000)
    let ledger = RunLedger(maxAttempts: 6, now: clock.read)
    ledger.attemptStarted(first: true, late: false, at: .zero)
    ledger.attemptStarted(first: true, late: false, at: .zero)
    clock.set(1_795_000_000.9)
    ledger.attemptFinished(Self.record(attempt: 1, outcome: .response(status: 503), latencyMs: 900))
    ledger.retryWaiting(1)
    clock.set(1_795_000_003.5)
    ledger.attemptFinished(Self.record(attempt: 1, outcome: .response(status: 200), latencyMs: 3_500))
    ledger.notificationEnded(.delivered(attempt: 1), details: 1)
    let series = ledger.timeSeries()
    #expect(series.intervals.count == 4)
    let first = series.intervals[0]
    #expect(first.started == 2 && first.inFlight == 1 && first.retriesWaiting == 1)
    #expect(first.attempts(.serverError) == 1 && first.latency.count == 1)
    #expect(series.intervals[1].inFlight == 1 && series.intervals[2].retriesWaiting == 1)
    let last = series.intervals[3]
    #expect(last.delivered == 1 && last.attempts(.success) == 1 && last.inFlight == 0)
    #expect(last.latency.maxMicroseconds == 3_500_000)
  }

  @Test func readErrorsNameTheFileAndKey() throws {
    var object = try #require(try JSONSerialization.jsonObject(with: RunReportTests.sample().jsonData()) as? [String: Any])
    func problem(_ object: Any) throws -> String {
      let data = try JSONSerialization.data(withJSONObject: object)
      #expect(throws: ReportReadError.self) { try RunReport.decode(data, file: "r.json") }
      do {
        _ = try RunReport.decode(data, file: "r.json")
        return ""
      } catch {
        return error.localizedDescription
      }
    }
    object["version"] = 1
    #expect(try problem(object).contains("r.json: report version 1 is not supported"))
    object["version"] = 2
    object["time_series"] = nil
    #expect(try problem(object) == "r.json: time_series: missing")
    object = try #require(try JSONSerialization.jsonObject(with: RunReportTests.sample().jsonData()) as? [String: Any])
    var histogram = try #require(object["latency_histogram"] as? [String: Any])
    histogram["count"] = 5
    object["latency_histogram"] = histogram
    #expect(try problem(object).hasPrefix("r.json: latency_histogram.buckets: buckets must ascend"))
    #expect(try problem([1, 2]).contains("not a report"))
  }

  static func record(attempt: Int, outcome: AttemptOutcome, latencyMs: Int) -> AttemptRecord {
    AttemptRecord(
      wallTime: 0, elapsed: 0, notification: 1, taskID: "t", firstCallID: "c", attempt: attempt, outcome: outcome,
      latency: .milliseconds(latencyMs))
  }
}

/// A wall clock the test sets.
final class ManualWallClock: Sendable {
  private let time: Mutex<Double>

  init(_ start: Double) {
    time = Mutex(start)
  }

  func set(_ value: Double) { time.withLock { $0 = value } }

  var read: RunLedger.WallClock { { self.time.withLock { $0 } } }
}

extension ReportVersion2Tests {
  /// Two shards' intervals add, gauges included; coarsening keeps the later gauges.
  @Test func intervalsOfShardsAdd() {
    var first = TimeSeries.Interval()
    first.started = 2
    first.inFlight = 3
    first.retriesWaiting = 1
    first.latency.record(microseconds: 900)
    var second = TimeSeries.Interval()
    second.started = 5
    second.inFlight = 4
    second.latency.record(microseconds: 90_000)
    var sum = first
    sum.add(second)
    #expect(sum.started == 7 && sum.inFlight == 7 && sum.retriesWaiting == 1 && sum.latency.count == 2)
    var later = first
    later.absorb(second)
    #expect(later.started == 7 && later.inFlight == 4 && later.retriesWaiting == 0)
  }
}
