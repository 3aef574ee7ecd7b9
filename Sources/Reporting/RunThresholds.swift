import HTTP1
import Support

/// The limits `run` judges a run by, and the judging itself: one rule for every threshold, so
/// the exit code of a CI gate never passes what the receiver did not earn.
///
/// | fails when | limit |
/// |---|---|
/// | nothing was delivered | always |
/// | dropped > max | `--max-dropped N` / `thresholds.maxDropped` (default 0) |
/// | abandoned > max | `--max-abandoned N` / `thresholds.maxAbandoned` (default 0) |
/// | p99 > max | `--max-p99 D` / `thresholds.maxP99` (default none) |
/// | success rate < min | `--min-success-rate P` / `thresholds.minSuccessRate` (default none) |
package struct RunThresholds: Sendable, Equatable {
  /// Notifications that may be dropped (every attempt failed).
  package var maxDropped = 0
  /// Notifications that may be abandoned (refused, then the run ended before their retries).
  package var maxAbandoned = 0
  package var maxP99: Duration?
  /// Lowest acceptable success rate, 0 to 1.
  package var minSuccessRate: Double?
  /// Where each limit was set, for the messages: the flag, or the scenario's key.
  package var source = Source()

  /// The name each limit is known by where the user set it.
  package struct Source: Sendable, Equatable {
    package var maxDropped = "--max-dropped"
    package var maxAbandoned = "--max-abandoned"
    package var maxP99 = "--max-p99"
    package var minSuccessRate = "--min-success-rate"

    package init() {}
  }

  package init(maxDropped: Int = 0, maxAbandoned: Int = 0, maxP99: Duration? = nil, minSuccessRate: Double? = nil) {
    self.maxDropped = maxDropped
    self.maxAbandoned = maxAbandoned
    self.maxP99 = maxP99
    self.minSuccessRate = minSuccessRate
  }

  /// Delivered over the notifications the receiver had its chance at (delivered, dropped and
  /// abandoned; not those cancelled before their first attempt ended). 0 when there were none.
  package static func successRate(_ counts: RunCounts) -> Double {
    let judged = counts.delivered + counts.dropped + counts.abandoned
    return judged > 0 ? Double(counts.delivered) / Double(judged) : 0
  }

  /// The line of a run that delivered nothing.
  package static let nothingDelivered = "nothing was delivered"

  /// Each threshold the run missed, in words; empty when it passes them all.
  package func missed(by counts: RunCounts) -> [String] {
    var missed: [String] = []
    if counts.delivered == 0 {
      missed.append(Self.nothingDelivered)
    }
    if counts.dropped > maxDropped {
      missed.append("dropped \(counts.dropped) > \(source.maxDropped) \(maxDropped)")
    }
    if counts.abandoned > maxAbandoned {
      missed.append(
        "abandoned \(counts.abandoned) > \(source.maxAbandoned) \(maxAbandoned) (refused, then the run ended before their retries)"
      )
    }
    let p99 = Double(counts.latency.value(atPercentile: 99)) / 1000
    if let maxP99, p99 > maxP99.milliseconds {
      missed.append("p99 \(RunReport.short(p99)) ms > \(source.maxP99) \(RunReport.short(maxP99.milliseconds)) ms")
    }
    let rate = Self.successRate(counts)
    // A billionth of slack: `99.9%` is 99.9 / 100 = 0.9990000000000001, which 999 of 1,000 meets.
    if let minSuccessRate, rate < minSuccessRate - 1e-9 {
      missed.append("success rate \(Self.percent(rate)) < \(source.minSuccessRate) \(Self.percent(minSuccessRate))")
    }
    return missed
  }

  /// `99.5%`, with as many places as it takes to tell two rates apart (up to four).
  static func percent(_ rate: Double) -> String {
    var text = String(format: "%.4f", rate * 100)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text + "%"
  }
}
