import Foundation
import HTTP1
import Receiver

/// `airudder-sim merge`: the reports of a run's shards (`run --shard I/N`) as the one report of
/// the whole run. Counts add up, the latency histograms and time series merge exactly, and
/// the thresholds are judged again on the whole, so the merged verdict is the run's.
extension RunReport {
  /// Joins `inputs` (each report with the file it came from). The reports must be of one run
  /// (scenario, its file's md5, seed, `--count` and shard count alike), judged by the same
  /// thresholds, each shard at most once and, unless `allowPartial`, all of them there.
  package static func merge(_ inputs: [(file: String, report: RunReport)], allowPartial: Bool) throws(MergeError) -> RunReport {
    guard let first = inputs.first?.report else { throw .noReports }
    for input in inputs where input.report.merged != nil || input.report.shard == nil {
      throw .alreadyMerged(file: input.file)
    }
    try requireOne("scenario", inputs) { $0.scenario }
    try requireOne("scenario_md5 (the scenario file differs)", inputs) { $0.scenarioMD5 }
    try requireOne("source_md5 (the contact list or payload file differs)", inputs) { $0.sourceMD5 ?? "none" }
    try requireOne("seed", inputs) { String($0.seed) }
    try requireOne("mode", inputs) { $0.mode }
    try requireOne("retry policy", inputs) { report in
      let p = report.policy
      return "timeout \(p.timeoutS) s, retry \(p.retryIntervalS) s, time scale \(p.timeScale), max retries \(p.maxRetries)"
    }
    try requireOne("notification_limit (--count)", inputs) { $0.notificationLimit.map(String.init) ?? "none" }
    try requireOne("shard count", inputs) { String($0.shard!.count) }
    let count = first.shard!.count
    let byIndex = Dictionary(grouping: inputs) { $0.report.shard!.index }
    if let repeated = byIndex.filter({ $0.value.count > 1 }).min(by: { $0.key < $1.key }) {
      throw .repeatedShard(index: repeated.key, count: count, files: repeated.value.map(\.file))
    }
    let missing = (0..<count).filter { byIndex[$0] == nil }
    if !missing.isEmpty && !allowPartial {
      throw .missingShards(missing, count: count, files: inputs.map(\.file))
    }
    let limits = groups(inputs) { report in
      let t = report.thresholds
      return
        "max_dropped \(t.maxDropped.map(String.init) ?? "null"), max_abandoned \(t.maxAbandoned.map(String.init) ?? "null"), "
        + "max_p99_ms \(t.maxP99Ms.map { "\($0)" } ?? "null"), min_success_rate \(t.minSuccessRate.map { "\($0)" } ?? "null")"
    }
    if limits.count > 1 { throw .differentThresholds(values: limits) }

    let shards = inputs.sorted { $0.report.shard!.index < $1.report.shard!.index }
    var merged = combine(shards.map(\.report))
    merged.merged = MergedShards(
      count: count, shards: shards.map { $0.report.shard!.index }, files: shards.map(\.file), missing: missing)
    judge(&merged, shards: shards)
    return merged
  }

  /// The shards' figures added up (every report is of the same run).
  private static func combine(_ reports: [RunReport]) -> RunReport {
    let first = reports[0]
    var histogram = LatencyHistogram(layout: first.latencyHistogram.layout)
    for report in reports { histogram.merge(report.latencyHistogram) }
    let n = reports.map(\.notifications)
    let attemptSlots = reports.map(\.notifications.deliveredOnAttempt.count).max() ?? 0
    var onAttempt = [Int](repeating: 0, count: attemptSlots)
    for report in reports {
      for (index, value) in report.notifications.deliveredOnAttempt.enumerated() { onAttempt[index] += value }
    }
    let generated = n.map(\.generated).reduce(0, +)
    let delivered = n.map(\.delivered).reduce(0, +)
    let dropped = n.map(\.dropped).reduce(0, +)
    let abandoned = n.map(\.abandoned).reduce(0, +)
    let cancelled = n.map(\.cancelled).reduce(0, +)
    var byClass: [String: Int] = [:]
    var errors: [String: Int] = [:]
    for report in reports {
      for (key, value) in report.attempts.byClass { byClass[key, default: 0] += value }
      for error in report.attempts.topErrors { errors[error.error, default: 0] += error.count }
    }
    let topErrors = errors.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(5).map {
      ErrorCount(error: $0.key, count: $0.value)
    }
    let startedAt = reports.map(\.startedAt).min()!
    let endedAt = reports.map(\.endedAt).max()!
    let targets = reports.map(\.rate.target)
    return RunReport(
      startedAt: startedAt, endedAt: endedAt, scenario: first.scenario, target: distinct(reports.map(\.target)),
      transport: distinct(reports.map(\.transport)), mode: distinct(reports.map(\.mode)),
      concurrency: reports.map(\.concurrency).reduce(0, +), policy: first.policy,
      notifications: Notifications(
        generated: generated, delivered: delivered, dropped: dropped, abandoned: abandoned, cancelled: cancelled,
        deliveredOnAttempt: onAttempt, balanced: generated == delivered + dropped + abandoned + cancelled),
      attempts: Attempts(total: reports.map(\.attempts.total).reduce(0, +), byClass: byClass, topErrors: Array(topErrors)),
      latencyMs: Latency(histogram), latencyHistogram: histogram, timeSeries: TimeSeries.merged(reports.map(\.timeSeries)),
      rate: Rate(
        target: targets.contains(nil) ? nil : targets.map { $0! }.reduce(0, +),
        achieved: reports.map(\.rate.achieved).reduce(0, +), lateStarts: reports.map(\.rate.lateStarts).reduce(0, +)),
      elapsedS: Double(endedAt.milliseconds - startedAt.milliseconds) / 1000,
      interrupted: reports.contains { $0.interrupted }, thresholds: first.thresholds, exitCode: 0,
      receiver: receivers(reports), scenarioMD5: first.scenarioMD5, sourceMD5: first.sourceMD5, seed: first.seed,
      notificationLimit: first.notificationLimit, shard: nil)
  }

  /// The verdict of the whole: the thresholds on the merged counts, the account, each shard's
  /// reconciliation, and whether a shard was interrupted.
  private static func judge(_ merged: inout RunReport, shards: [(file: String, report: RunReport)]) {
    let t = merged.thresholds
    var limits = RunThresholds(
      maxDropped: t.maxDropped ?? 0, maxAbandoned: t.maxAbandoned ?? 0,
      maxP99: t.maxP99Ms.map { Duration.clamped(seconds: $0 / 1000) }, minSuccessRate: t.minSuccessRate)
    limits.source = .reportKeys
    let n = merged.notifications
    let counts = RunCounts(
      generated: n.generated, delivered: n.delivered, deliveredDetails: 0, dropped: n.dropped, abandoned: n.abandoned,
      cancelled: n.cancelled, deliveredOnAttempt: n.deliveredOnAttempt, firstAttemptsStarted: 0, startingSpan: .zero,
      inFlight: 0, retriesInFlight: 0, waitingRetry: 0, attempts: merged.attempts.total, attemptsByClass: [], topErrors: [],
      latency: merged.latencyHistogram, lateStarts: merged.rate.lateStarts)
    var missed = limits.missed(by: counts)
    var reconciliation: [String] = []
    for (file, report) in shards {
      let name = "shard \(report.shard!.index)/\(report.shard!.count) (\(file))"
      if report.interrupted { missed.append("\(name) was interrupted") }
      reconciliation += report.reconciliationErrors.map { "\(name): \($0)" }
    }
    merged.thresholds.missed = missed
    merged.reconciliationErrors = reconciliation
    merged.exitCode = n.balanced && missed.isEmpty && reconciliation.isEmpty ? 0 : 1
  }

  /// The shards' built-in receivers added up (each saw only its shard's calls), when all had one.
  private static func receivers(_ reports: [RunReport]) -> ReceiverCounts? {
    let all = reports.compactMap(\.receiver)
    guard all.count == reports.count else { return nil }
    var sum = ReceiverCounts()
    for counts in all {
      sum.requests += counts.requests
      sum.accepted += counts.accepted
      sum.details += counts.details
      sum.uniqueCalls += counts.uniqueCalls
      sum.duplicates += counts.duplicates
      sum.badSignatures += counts.badSignatures
      sum.schemaViolations += counts.schemaViolations
      for (status, count) in counts.answers { sum.answers[status, default: 0] += count }
      sum.firstViolations += counts.firstViolations.prefix(max(0, 5 - sum.firstViolations.count))
    }
    return sum
  }

  /// Throws `differentRuns` unless `value` is the same for every report.
  private static func requireOne(
    _ key: String, _ inputs: [(file: String, report: RunReport)], _ value: (RunReport) -> String
  ) throws(MergeError) {
    let values = groups(inputs, value)
    if values.count > 1 { throw .differentRuns(key: key, values: values) }
  }

  /// Each value with the files that hold it, in the order first met.
  private static func groups(
    _ inputs: [(file: String, report: RunReport)], _ value: (RunReport) -> String
  ) -> [(value: String, files: [String])] {
    var order: [(value: String, files: [String])] = []
    for input in inputs {
      let text = value(input.report)
      if let index = order.firstIndex(where: { $0.value == text }) {
        order[index].files.append(input.file)
      } else {
        order.append((text, [input.file]))
      }
    }
    return order
  }

  /// The one value, or the distinct ones joined.
  private static func distinct(_ values: [String]) -> String {
    var seen: [String] = []
    for value in values where !seen.contains(value) { seen.append(value) }
    return seen.joined(separator: ", ")
  }
}

extension RunThresholds.Source {
  /// In a merged report the limits came from the shards' reports (their flags or scenario).
  static var reportKeys: Self {
    var source = Self()
    source.maxDropped = "max_dropped"
    source.maxAbandoned = "max_abandoned"
    source.maxP99 = "max_p99"
    source.minSuccessRate = "min_success_rate"
    return source
  }
}
