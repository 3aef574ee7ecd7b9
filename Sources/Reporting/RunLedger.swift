import Delivery
import Foundation
import HTTP1
import Support
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Every count of a run, in one place: notifications by end state and delivering attempt,
/// attempts by class with the commonest errors, the latency histogram, rate lateness, and the
/// journal, and the same over time (`TimeSeries`). Fixed size: nothing per notification is kept
/// after it ends. A lock rather than an actor: each update is a few additions, and an actor hop
/// per attempt cost measurable throughput in thread switches. The clock is read before the
/// lock is taken, so the lock is held no longer for the time series than for its additions.
package final class RunLedger: DeliveryRecorder, Sendable {
  /// Seconds since the Unix epoch, as the time series places events.
  package typealias WallClock = @Sendable () -> Double

  package let maxAttempts: Int
  private let tally: Mutex<Tally>
  private let journal: AttemptJournal?
  private let story: AttemptStory?
  private let now: WallClock
  /// Distinct error texts kept; more are counted under one line, so memory stays fixed.
  private static let errorKinds = 32

  /// The counts the ledger's lock guards.
  private struct Tally {
    var generated = 0
    var delivered = 0
    var deliveredDetails = 0
    var dropped = 0
    var abandoned = 0
    var cancelled = 0
    var deliveredOnAttempt: [Int]
    var firstAttemptsStarted = 0
    /// When the first and the latest first attempt started, from the run's start.
    var firstStarts: (first: Duration, last: Duration)?
    var inFlight = 0
    /// Attempts in flight that are retries (their notification was refused before).
    var retriesInFlight = 0
    var waitingRetry = 0
    var attempts = 0
    /// By `AttemptClass.ordinal` (an array: no hashing per attempt).
    var attemptsByClass = [Int](repeating: 0, count: AttemptClass.allCases.count)
    var errors: [String: Int] = [:]
    var histogram = LatencyHistogram()
    var lateStarts = 0
    var series = TimeSeries()

    /// The interval of `time`, ready for an event's counts.
    @inline(__always)
    mutating func interval(at time: Double) -> Int { series.index(at: time) }

    /// After an event: the latest interval ends, so far, with the gauges as they now stand.
    @inline(__always)
    mutating func noteGauges() { series.setGauges(inFlight: inFlight, retriesWaiting: waitingRetry) }

    /// The counts as a snapshot.
    var counts: RunCounts {
      RunCounts(
        generated: generated, delivered: delivered, deliveredDetails: deliveredDetails, dropped: dropped, abandoned: abandoned,
        cancelled: cancelled,
        deliveredOnAttempt: deliveredOnAttempt, firstAttemptsStarted: firstAttemptsStarted,
        startingSpan: firstStarts.map { $0.last - $0.first } ?? .zero, inFlight: inFlight, retriesInFlight: retriesInFlight,
        waitingRetry: waitingRetry, attempts: attempts,
        attemptsByClass: AttemptClass.allCases.map { ($0, attemptsByClass[$0.ordinal]) },
        topErrors: errors.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(5).map {
          ($0.key, $0.value)
        },
        latency: histogram, lateStarts: lateStarts)
    }
  }

  /// `story`: keeps the attempts for `run --html`. `now`: the wall clock of the time series
  /// (tests pass their own).
  package init(
    maxAttempts: Int, journal: AttemptJournal? = nil, story: AttemptStory? = nil, now: @escaping WallClock = RunLedger.wallClock()
  ) {
    self.maxAttempts = maxAttempts
    tally = Mutex(Tally(deliveredOnAttempt: [Int](repeating: 0, count: maxAttempts)))
    self.journal = journal
    self.story = story
    self.now = now
  }

  /// Wall-clock time read as the start's wall time plus the monotonic time since: a clock
  /// step during the run does not tear the series. The coarse monotonic clock (a few
  /// milliseconds' resolution, read without a system call) is plenty for one-second intervals
  /// and costs less than a precise read on every event.
  package static func wallClock() -> WallClock {
    let wallStart = Date().timeIntervalSince1970
    let start = coarseMonotonic()
    return { wallStart + (coarseMonotonic() - start) }
  }

  private static func coarseMonotonic() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC_COARSE, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }

  package func notificationGenerated() {
    tally.withLock { $0.generated += 1 }
  }

  /// `offset`: when the attempt started, from the run's start.
  package func attemptStarted(first: Bool, late: Bool, at offset: Duration = .zero) {
    let time = now()
    tally.withLock { tally in
      let interval = tally.interval(at: time)
      tally.inFlight += 1
      if !first { tally.retriesInFlight += 1 }
      if first {
        tally.firstAttemptsStarted += 1
        tally.firstStarts = (tally.firstStarts?.first ?? offset, offset)
        tally.series.intervals[interval].started += 1
      }
      if late { tally.lateStarts += 1 }
      tally.noteGauges()
    }
  }

  package func attemptFinished(_ record: AttemptRecord) {
    let time = now()
    tally.withLock { tally in
      let interval = tally.interval(at: time)
      tally.inFlight -= 1
      if record.attempt > 1 { tally.retriesInFlight -= 1 }
      tally.attempts += 1
      let attemptClass = record.outcome.attemptClass
      tally.attemptsByClass[attemptClass.ordinal] += 1
      if attemptClass != .success {
        let label = record.outcome.label
        if tally.errors[label] != nil || tally.errors.count < Self.errorKinds {
          tally.errors[label, default: 0] += 1
        } else {
          tally.errors["(other errors)", default: 0] += 1
        }
      }
      tally.histogram.record(record.latency)
      tally.series.intervals[interval].attempts[attemptClass.ordinal] += 1
      tally.series.intervals[interval].latency.record(record.latency)
      tally.noteGauges()
    }
    // Outside the ledger's lock: formatting the line and the disk never hold up counting.
    journal?.write(record)
    story?.add(record)
  }

  package func retryWaiting(_ change: Int) {
    let time = now()
    tally.withLock { tally in
      _ = tally.interval(at: time)
      tally.waitingRetry += change
      tally.noteGauges()
    }
  }

  /// `details`: the Details the notification carried (counted when delivered).
  package func notificationEnded(_ end: NotificationEnd, details: Int = 0) {
    let time = now()
    tally.withLock { tally in
      let interval = tally.interval(at: time)
      switch end {
      case .delivered(let attempt):
        tally.delivered += 1
        tally.deliveredDetails += details
        tally.deliveredOnAttempt[attempt - 1] += 1
        tally.series.intervals[interval].delivered += 1
      case .dropped:
        tally.dropped += 1
        tally.series.intervals[interval].dropped += 1
      case .abandoned:
        tally.abandoned += 1
        tally.series.intervals[interval].abandoned += 1
      case .cancelled:
        tally.cancelled += 1
        tally.series.intervals[interval].cancelled += 1
      }
      tally.noteGauges()
    }
  }

  /// Flushes and closes the journal.
  package func finish() {
    journal?.close()
  }

  /// The counts as they stand.
  package func snapshot() -> RunCounts {
    tally.withLock { $0.counts }
  }

  /// The time series as it stands (a copy; not part of `snapshot`, which progress takes four
  /// times a second).
  package func timeSeries() -> TimeSeries {
    tally.withLock { $0.series }
  }
}

/// A snapshot of a run's counts.
package struct RunCounts: Sendable {
  package var generated: Int
  package var delivered: Int
  /// Details carried by the delivered notifications.
  package var deliveredDetails: Int
  package var dropped: Int
  /// Refused at least once; the run stopped before the retries were used up.
  package var abandoned: Int
  /// The run stopped before the first attempt ended.
  package var cancelled: Int
  package var deliveredOnAttempt: [Int]
  package var firstAttemptsStarted: Int
  /// From the first first-attempt start to the latest one.
  package var startingSpan: Duration
  package var inFlight: Int
  /// Of those in flight, the retries.
  package var retriesInFlight: Int
  package var waitingRetry: Int
  package var attempts: Int
  package var attemptsByClass: [(AttemptClass, Int)]
  package var topErrors: [(String, Int)]
  package var latency: LatencyHistogram
  package var lateStarts: Int

  /// The accounting identity that must hold once a run has ended.
  package var isBalanced: Bool { generated == delivered + dropped + abandoned + cancelled }

  /// The counts as if the run ended now (a second signal exits without waiting): a notification
  /// still waiting for its retry, or with a retry in flight, is abandoned; one whose first
  /// attempt is in flight, or not yet started, is cancelled. So the account balances.
  package func closingOpenNotifications() -> RunCounts {
    var closed = self
    let open = generated - (delivered + dropped + abandoned + cancelled)
    let refused = min(open, waitingRetry + retriesInFlight)
    closed.abandoned += refused
    closed.cancelled += open - refused
    return closed
  }

  /// Notifications started per second while the run was starting them: the n − 1 gaps between
  /// n first attempts over the span they took, so a run that then waits a minute for its last
  /// retries still reports the rate it sent at. 0 with fewer than two starts.
  package var achievedRate: Double {
    let span = startingSpan.seconds
    return firstAttemptsStarted > 1 && span > 0 ? Double(firstAttemptsStarted - 1) / span : 0
  }

  package func attempts(_ attemptClass: AttemptClass) -> Int {
    attemptsByClass.first { $0.0 == attemptClass }?.1 ?? 0
  }
}
