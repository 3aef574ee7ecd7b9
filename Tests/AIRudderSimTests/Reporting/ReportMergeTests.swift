import Foundation
import Testing

@testable import HTTP1
@testable import Reporting

/// `merge`'s arithmetic: counts add, histograms and time series merge exactly, the thresholds
/// are judged on the whole, and only one run's shards, each once, are joined.
@Suite struct ReportMergeTests {
  /// Shard `index` of `count`: the sample report with its own latencies and time series, `offset`
  /// seconds after the first shard.
  static func shard(_ index: Int, of count: Int, offset: Double = 0, latencies: [UInt64] = []) -> RunReport {
    var report = RunReportTests.sample()
    report.shard = .init(index: index, count: count)
    report.scenarioMD5 = "md5"
    report.seed = 42
    report.notificationLimit = 100
    report.exitCode = 0
    var histogram = LatencyHistogram()
    var series = TimeSeries()
    let start = 1_795_000_000.0 + offset
    for (position, value) in latencies.enumerated() {
      histogram.record(microseconds: value)
      let slot = series.index(at: start + Double(position))
      series.intervals[slot].latency.record(microseconds: value)
      series.intervals[slot].started += 1
      series.setGauges(inFlight: 1, retriesWaiting: 0)
    }
    report.latencyHistogram = histogram
    report.timeSeries = series
    report.startedAt = WallTime(seconds: start)
    report.endedAt = WallTime(seconds: start + Double(latencies.count))
    return report
  }

  static func inputs(_ reports: [RunReport]) -> [(file: String, report: RunReport)] {
    reports.enumerated().map { ("r\($0.offset).json", $0.element) }
  }

  @Test func countsHistogramsAndSeriesAddUp() throws {
    let values: [[UInt64]] = [[900, 1_500, 70_000], [1_200, 3_000_000], [50, 51, 52, 10_004_000]]
    let reports = (0..<3).map { Self.shard($0, of: 3, offset: Double($0) * 1.5, latencies: values[$0]) }
    let merged = try RunReport.merge(Self.inputs(reports), allowPartial: false)
    var whole = LatencyHistogram()
    for value in values.joined() { whole.record(microseconds: value) }
    #expect(merged.latencyHistogram == whole, "merged bucket by bucket, nothing lost")
    #expect(merged.latencyMs == RunReport.Latency(whole))
    #expect(merged.notifications.generated == 9 && merged.notifications.dropped == 3)
    #expect(merged.notifications.deliveredOnAttempt == [3, 0, 3, 0, 0, 0])
    #expect(merged.attempts.total == 27 && merged.attempts.byClass["5xx"] == 21)
    #expect(merged.attempts.topErrors == [.init(error: "HTTP 503", count: 21)])
    #expect(merged.concurrency == 12 && merged.rate.target == 30)
    #expect(merged.startedAt == reports[0].startedAt && merged.endedAt == reports[2].endedAt)
    #expect(merged.elapsedS == 7)
    #expect(merged.shard == nil && merged.merged?.shards == [0, 1, 2] && merged.merged?.missing == [])
    // On wall-clock time: interval t holds every shard's value that fell in second t.
    let series = merged.timeSeries
    #expect(series.width == 1 && series.start(of: 0) == 1_795_000_000)
    var expected: [Int64: Int] = [:]
    for (shard, list) in values.enumerated() {
      for position in list.indices {
        expected[Int64((1_795_000_000.0 + Double(shard) * 1.5 + Double(position)).rounded(.down)), default: 0] += 1
      }
    }
    for index in series.intervals.indices {
      #expect(series.intervals[index].started == expected[series.start(of: index)] ?? 0, "interval \(index)")
      #expect(series.intervals[index].latency.count == UInt64(expected[series.start(of: index)] ?? 0))
    }
    #expect(series.intervals.map(\.started).reduce(0, +) == 9)
  }

  /// Series of different widths meet at the widest; their grids line up on the epoch.
  @Test func seriesOfDifferentWidthsAlign() {
    var fine = TimeSeries()
    for second in 0..<8 { fine.intervals[fine.index(at: 1_000_000 + Double(second))].started += 1 }
    var coarse = fine
    coarse.coarsen()
    coarse.coarsen()
    let merged = TimeSeries.merged([fine, coarse])
    #expect(merged.width == 4)
    #expect(merged.intervals.map(\.started) == [8, 8])
    #expect(merged.start(of: 0) == 1_000_000)
  }

  /// Each shard within its limit, the whole beyond it: the merged verdict fails.
  @Test func thresholdsAreJudgedOnTheWhole() throws {
    var reports = (0..<2).map { Self.shard($0, of: 2, latencies: [1_000]) }
    for index in reports.indices {
      reports[index].thresholds.maxDropped = 1
      reports[index].thresholds.maxAbandoned = 0
    }
    let merged = try RunReport.merge(Self.inputs(reports), allowPartial: false)
    #expect(merged.thresholds.missed == ["dropped 2 > max_dropped 1"])
    #expect(merged.exitCode == 1)
    for index in reports.indices { reports[index].thresholds.maxDropped = 2 }
    let passing = try RunReport.merge(Self.inputs(reports), allowPartial: false)
    #expect(passing.thresholds.missed == [] && passing.exitCode == 0)
  }

  @Test func interruptedShardFailsTheWhole() throws {
    var reports = (0..<2).map { Self.shard($0, of: 2, latencies: [1_000]) }
    for index in reports.indices { reports[index].thresholds.maxDropped = 5 }
    reports[1].interrupted = true
    let merged = try RunReport.merge(Self.inputs(reports), allowPartial: false)
    #expect(merged.thresholds.missed == ["shard 1/2 (r1.json) was interrupted"] && merged.exitCode == 1)
  }

  /// Each refusal names the files that disagree.
  @Test(arguments: [
    ("seed", "the reports are of different runs: seed 42 in r0.json, r2.json; 7 in r1.json"),
    ("scenario", "the reports are of different runs: scenario s in r0.json, r2.json; other in r1.json"),
    (
      "md5",
      "the reports are of different runs: scenario_md5 (the scenario file differs) md5 in r0.json, r2.json; else in r1.json"
    ),
    ("count", "the reports are of different runs: notification_limit (--count) 100 in r0.json, r2.json; none in r1.json"),
    (
      "source",
      "the reports are of different runs: source_md5 (the contact list or payload file differs) none in r0.json, r2.json; "
        + "abc in r1.json"
    ),
    ("mode", "the reports are of different runs: mode rate in r0.json, r2.json; concurrency in r1.json"),
    ("policy", "the reports are of different runs: retry policy timeout 10.0 s"),
    ("shards", "the reports are of different runs: shard count 3 in r0.json, r2.json; 4 in r1.json"),
    ("repeated", "shard 0/3 is given more than once (r0.json, r1.json): its notifications would count twice"),
    ("missing", "shard 2/3 missing: r0.json, r1.json hold 2 of 3 (--allow-partial merges what there is)"),
    ("merged", "r1.json is a merged report; merge the shards' own reports"),
    ("thresholds", "the shards were judged by different thresholds: "),
  ])
  func refusals(change: String, message: String) {
    var reports = (0..<3).map { Self.shard($0, of: 3) }
    switch change {
    case "seed": reports[1].seed = 7
    case "scenario": reports[1].scenario = "other"
    case "md5": reports[1].scenarioMD5 = "else"
    case "count": reports[1].notificationLimit = nil
    case "source": reports[1].sourceMD5 = "abc"
    case "mode": reports[1].mode = "concurrency"
    case "policy": reports[1].policy.maxRetries = 1
    case "shards": reports[1].shard = .init(index: 1, count: 4)
    case "repeated": reports[1].shard = .init(index: 0, count: 3)
    case "missing": reports.removeLast()
    case "merged": reports[1].shard = nil
    default: reports[1].thresholds.maxDropped = 3
    }
    #expect {
      try RunReport.merge(Self.inputs(reports), allowPartial: false)
    } throws: { error in
      (error as? MergeError)?.errorDescription?.hasPrefix(message) == true
    }
  }

  /// --allow-partial merges what there is and says what is missing; a repeated shard is still refused.
  @Test func partial() throws {
    let reports = [Self.shard(0, of: 4, latencies: [10]), Self.shard(2, of: 4, latencies: [20])]
    let merged = try RunReport.merge(Self.inputs(reports), allowPartial: true)
    #expect(merged.merged == MergedShards(count: 4, shards: [0, 2], files: ["r0.json", "r1.json"], missing: [1, 3]))
    #expect(throws: MergeError.self) {
      try RunReport.merge(Self.inputs(reports + [Self.shard(2, of: 4)]), allowPartial: true)
    }
  }
}
