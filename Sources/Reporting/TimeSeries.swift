import HTTP1

/// The run over time, in fixed intervals aligned on wall-clock time: interval k starts at
/// `(base + k) × width` seconds since the Unix epoch, so the series of runs on several machines
/// line up. Width starts at 1 s and doubles (pairs merged) whenever the run would need more than
/// `maxIntervals`, so any run keeps at most that many points at a fixed cost each.
package struct TimeSeries: Sendable, Equatable {
  /// Past this many intervals the width doubles, leaving half as many.
  package static let maxIntervals = 2048

  /// One interval's counts; `inFlight` and `retriesWaiting` are as they stood at its end.
  package struct Interval: Sendable, Equatable {
    /// First attempts started.
    package var started = 0
    package var delivered = 0
    package var dropped = 0
    package var abandoned = 0
    package var cancelled = 0
    /// Attempts that ended in the interval, by `AttemptClass.ordinal`.
    package var attempts = [Int](repeating: 0, count: AttemptClass.allCases.count)
    package var inFlight = 0
    package var retriesWaiting = 0
    /// Latencies of the attempts that ended in the interval.
    package var latency = LatencyHistogram(layout: .interval)

    package init() {}

    package func attempts(_ attemptClass: AttemptClass) -> Int { attempts[attemptClass.ordinal] }

    /// Adds the counts of the same interval of another run (a shard): gauges add too, since
    /// both runs' requests were in flight at that moment.
    package mutating func add(_ other: Interval) {
      let (ownInFlight, ownWaiting) = (inFlight, retriesWaiting)
      absorb(other)
      inFlight = ownInFlight + other.inFlight
      retriesWaiting = ownWaiting + other.retriesWaiting
    }

    /// Adds `later`'s counts; the gauges are the later interval's (its end is the pair's end).
    mutating func absorb(_ later: Interval) {
      started += later.started
      delivered += later.delivered
      dropped += later.dropped
      abandoned += later.abandoned
      cancelled += later.cancelled
      for index in attempts.indices { attempts[index] += later.attempts[index] }
      latency.merge(later.latency)
      inFlight = later.inFlight
      retriesWaiting = later.retriesWaiting
    }
  }

  /// Seconds per interval: 1, 2, 4, …
  package private(set) var width: Int64 = 1
  /// The first interval's start in units of `width` since the Unix epoch (nil: none yet).
  package private(set) var base: Int64?
  package internal(set) var intervals: [Interval] = []

  package init() {}

  /// Start of interval `index`, in seconds since the Unix epoch.
  package func start(of index: Int) -> Int64 { ((base ?? 0) + Int64(index)) * width }

  /// The interval holding `time` (seconds since the Unix epoch), created (and the series
  /// coarsened) as needed. New intervals start with the gauges the last one ended with. A
  /// time before the first interval (threads racing by nanoseconds) counts in the first.
  package mutating func index(at time: Double) -> Int {
    let second = Int64(time.rounded(.down))
    guard let first = base else {
      base = second
      intervals.append(Interval())
      return 0
    }
    var position = Int(max(0, second.floorDivided(by: width) - first))
    if position < intervals.count { return position }
    while position >= Self.maxIntervals {
      coarsen()
      position = Int(max(0, second.floorDivided(by: width) - (base ?? 0)))
    }
    if position >= intervals.count {
      var next = Interval()
      next.inFlight = intervals.last?.inFlight ?? 0
      next.retriesWaiting = intervals.last?.retriesWaiting ?? 0
      intervals.append(contentsOf: repeatElement(next, count: position + 1 - intervals.count))
    }
    return position
  }

  /// Doubles the width: each pair of intervals aligned on the new width becomes one (merging
  /// a finer series into a wider one starts here).
  package mutating func coarsen() {
    guard let first = base else {
      width *= 2
      return
    }
    let newBase = first.floorDivided(by: 2)
    var merged: [Interval] = []
    merged.reserveCapacity(intervals.count / 2 + 1)
    for (offset, interval) in intervals.enumerated() {
      let target = Int((first + Int64(offset)).floorDivided(by: 2) - newBase)
      if target < merged.count {
        merged[target].absorb(interval)
      } else {
        merged.append(interval)
      }
    }
    intervals = merged
    base = newBase
    width *= 2
  }

  /// Records the gauges as they stand into the latest interval (its end, so far).
  @inline(__always)
  mutating func setGauges(inFlight: Int, retriesWaiting: Int) {
    guard !intervals.isEmpty else { return }
    intervals[intervals.count - 1].inFlight = inFlight
    intervals[intervals.count - 1].retriesWaiting = retriesWaiting
  }

  /// Rebuilds a series from a report's intervals.
  package init(width: Int64, base: Int64?, intervals: [Interval]) {
    self.width = width
    self.base = base
    self.intervals = intervals
  }
}

extension Int64 {
  /// Division rounding toward minus infinity (a time before 1970 stays in its interval).
  func floorDivided(by divisor: Int64) -> Int64 {
    let quotient = self / divisor
    return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
  }
}
