import Foundation
import HTTP1
import Support

/// The final summary people read: the same figures as the JSON report.
extension RunReport {
  /// Notifications generated per second of wall time; nil with fewer than two, which make no
  /// rate (as `rate.achieved` is 0 then), rather than 1 / elapsed.
  var notificationsPerSecond: Double? {
    notifications.generated >= 2 && elapsedS > 0 ? Double(notifications.generated) / elapsedS : nil
  }

  /// The header and the summary, as `run` prints them (the header before the run starts).
  package var text: String { header + "\n" + summary }

  /// What runs against what: target, mode, transport, policy. Known before the first request.
  package var header: String {
    var lines: [String] = []
    if let merged {
      let limit = notificationLimit.map { ", --count \($0)" } ?? ""
      lines.append(
        "airudder-sim merge: \(scenario) (seed \(seed)\(limit)), \(merged.shards.count) of \(merged.count) shards -> \(target)")
      lines.append(
        "from \(UTCTime.iso8601(milliseconds: startedAt.milliseconds)) to \(UTCTime.iso8601(milliseconds: endedAt.milliseconds))")
    } else {
      lines.append("airudder-sim run: \(scenario) -> \(target)")
    }
    let targetRate = rate.target.map { ", target rate \(Self.short($0))/s" } ?? ""
    lines.append("mode \(mode)\(targetRate), concurrency \(concurrency), transport \(transport)")
    if let tls { lines.append(tls.headerLine) }
    if let shard, shard.count > 1 {
      lines.append(
        "shard \(shard.index)/\(shard.count): notifications n with (n - 1) mod \(shard.count) = \(shard.index) of the run's"
          + (notificationLimit.map { " \($0)" } ?? "") + " (seed \(seed))")
    }
    let interval = SettingDuration(seconds: policy.retryIntervalS)
    let scaled = SettingDuration(seconds: policy.retryIntervalS / policy.timeScale)
    let scaling =
      policy.timeScale == 1 ? "\(interval)" : "\(interval) / time scale \(RunReport.short(policy.timeScale)) = \(scaled)"
    lines.append(
      "retry policy: timeout \(SettingDuration(seconds: policy.timeoutS)), retry \(scaling) after a failed attempt ends, at most \(policy.maxRetries) \(policy.maxRetries == 1 ? "retry" : "retries")"
    )
    return lines.joined(separator: "\n") + "\n"
  }

  /// The figures once the run has ended.
  package var summary: String {
    var lines: [String] = []
    let n = notifications
    let identity =
      n.balanced
      ? "\(n.generated) = \(n.delivered) + \(n.dropped) + \(n.abandoned) + \(n.cancelled), balanced"
      : "ERROR: \(n.generated) != \(n.delivered) + \(n.dropped) + \(n.abandoned) + \(n.cancelled): a notification was lost; this is a bug"
    lines.append(
      "notifications  generated \(n.generated)  delivered \(n.delivered)  dropped \(n.dropped)  abandoned \(n.abandoned)"
        + "  cancelled \(n.cancelled)  (\(identity))")
    if n.abandoned > 0 {
      lines.append("  abandoned     \(n.abandoned) refused and waiting for a retry when the run ended: not delivered")
    }
    let byAttempt = n.deliveredOnAttempt.enumerated().map { "#\($0.offset + 1): \($0.element)" }.joined(separator: "  ")
    lines.append("  delivered on attempt  \(byAttempt)")
    let classes = AttemptClass.allCases.map { "\($0.rawValue) \(attempts.byClass[$0.rawValue] ?? 0)" }.joined(separator: "  ")
    lines.append("attempts       total \(attempts.total)  \(classes)")
    if !attempts.topErrors.isEmpty {
      lines.append("  top errors   " + attempts.topErrors.map { "\($0.error) x\($0.count)" }.joined(separator: ", "))
    }
    let l = latencyMs
    lines.append(
      "latency ms     p50 \(Self.short(l.p50))  p90 \(Self.short(l.p90))  p99 \(Self.short(l.p99))  p99.9 \(Self.short(l.p999))  max \(Self.short(l.max))"
    )
    // Over the wall time, like the attempts beside them; the start rate is rate.achieved.
    let perSecond = elapsedS > 0 ? Double(attempts.total) / elapsedS : 0
    let notificationRate = notificationsPerSecond.map { String(format: "%.1f", $0) } ?? "n/a"
    lines.append(
      "throughput     \(n.generated) notifications, \(attempts.total) attempts in \(String(format: "%.2f", elapsedS)) s"
        + "  (\(notificationRate) notifications/s, \(String(format: "%.1f", perSecond)) attempts/s)"
    )
    if let target = rate.target {
      lines.append(
        "rate           target \(String(format: "%.1f", target))/s  achieved \(String(format: "%.1f", rate.achieved))/s  late starts \(rate.lateStarts)"
      )
    } else if mode == "timeline" {
      lines.append("timeline       late starts \(rate.lateStarts)")
    }
    if let receiver {
      lines.append(
        "receiver       requests \(receiver.requests)  accepted \(receiver.accepted)  details \(receiver.details)  unique calls \(receiver.uniqueCalls)  duplicates \(receiver.duplicates)  bad signatures \(receiver.badSignatures)  schema violations \(receiver.schemaViolations)"
      )
      let answers = receiver.answers.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "  ")
      lines.append("  answers      \(answers)")
      for violation in receiver.firstViolations { lines.append("  schema       \(violation)") }
    }
    if interrupted { lines.append("interrupted: waiting retries were abandoned") }
    for missed in thresholds.missed { lines.append("threshold missed: \(missed)") }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `3.12`, `45.1`, `10002`: three significant figures, enough to read.
  package static func short(_ value: Double) -> String {
    switch value {
    case ..<10: String(format: "%.2f", value)
    case ..<100: String(format: "%.1f", value)
    default: String(format: "%.0f", value)
    }
  }
}
