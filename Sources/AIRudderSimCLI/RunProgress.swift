import Foundation
import Reporting
import Support

/// What a user sees while `run` works: on a terminal, one live line redrawn four times a second;
/// elsewhere (a CI log) a plain line every `plainInterval`, so a long run shows it is alive.
struct RunProgress: Sendable {
  /// Redraw the live line, or write a plain line, this often.
  let interval: Duration
  /// True on a terminal: the line is redrawn in place (`\r`), in colour unless `NO_COLOR`.
  let live: Bool
  /// Notifications per second asked for, in rate mode.
  let targetRate: Double?

  init(live: Bool, targetRate: Double?, plainInterval: Duration = .seconds(10)) {
    self.live = live
    self.targetRate = targetRate
    self.interval = live ? .milliseconds(250) : plainInterval
  }

  /// Writes progress to `stderr` until cancelled.
  func show(ledger: RunLedger, since start: ContinuousClock.Instant, on stderr: OutputSink) async {
    let color = live && (ProcessInfo.processInfo.environment["NO_COLOR"].map { $0.isEmpty } ?? true)
    var previous = (time: start, started: 0)
    while !Task.isCancelled {
      try? await Task.sleep(for: interval)
      guard !Task.isCancelled else { break }
      let now = ContinuousClock.now
      let counts = ledger.snapshot()
      let window = previous.time.duration(to: now).seconds
      let rate = window > 0 ? Double(counts.firstAttemptsStarted - previous.started) / window : 0
      previous = (now, counts.firstAttemptsStarted)
      let text = line(counts, elapsed: start.duration(to: now).seconds, rate: rate, color: color)
      stderr.write(live ? "\r\u{1B}[2K" + text : "progress " + text + "\n")
      stderr.flush()
    }
    if live {
      stderr.write("\r\u{1B}[2K")
      stderr.flush()
    }
  }

  /// `12.3s  sent 120  delivered 110  in flight 4  waiting retry 6  dropped 0  abandoned 0  20.0/s of 20/s  p99 3.10 ms`
  func line(_ counts: RunCounts, elapsed: Double, rate: Double, color: Bool) -> String {
    func alarm(_ text: String, _ count: Int) -> String {
      color && count > 0 ? "\u{1B}[31m\(text)\u{1B}[0m" : text
    }
    let p99 = Double(counts.latency.value(atPercentile: 99)) / 1000
    let pace = targetRate.map { String(format: "%.1f/s of %@/s", rate, RunReport.short($0)) } ?? String(format: "%.1f/s", rate)
    return String(format: "%.1fs", elapsed) + "  sent \(counts.firstAttemptsStarted)  delivered \(counts.delivered)"
      + "  in flight \(counts.inFlight)  waiting retry \(counts.waitingRetry)  "
      + alarm("dropped \(counts.dropped)", counts.dropped) + "  " + alarm("abandoned \(counts.abandoned)", counts.abandoned)
      + "  \(pace)  p99 \(RunReport.short(p99)) ms"
  }
}
