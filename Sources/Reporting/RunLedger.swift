import Delivery
import Foundation
import HTTP1
import Support

/// Every count of a run, in one place: notifications by end state and delivering attempt,
/// attempts by class with the commonest errors, the latency histogram, rate lateness, and the
/// journal. Fixed size: nothing per notification is kept after it ends. A lock rather than an
/// actor: each update is a few additions, and an actor hop per attempt cost measurable
/// throughput in thread switches.
package final class RunLedger: DeliveryRecorder, @unchecked Sendable {
  private let lock = NSLock()
  package let maxAttempts: Int
  private var generated = 0
  private var delivered = 0
  private var deliveredDetails = 0
  private var dropped = 0
  private var abandoned = 0
  private var cancelled = 0
  private var deliveredOnAttempt: [Int]
  private var firstAttemptsStarted = 0
  /// When the first and the latest first attempt started, from the run's start.
  private var firstStarts: (first: Duration, last: Duration)?
  private var inFlight = 0
  /// Attempts in flight that are retries (their notification was refused before).
  private var retriesInFlight = 0
  private var waitingRetry = 0
  private var attempts = 0
  private var attemptsByClass: [AttemptClass: Int] = [:]
  private var errors: [String: Int] = [:]
  private var histogram = LatencyHistogram()
  private var lateStarts = 0
  private let journal: AttemptJournal?
  /// Distinct error texts kept; more are counted under one line, so memory stays fixed.
  private static let errorKinds = 32

  package init(maxAttempts: Int, journal: AttemptJournal? = nil) {
    self.maxAttempts = maxAttempts
    deliveredOnAttempt = [Int](repeating: 0, count: maxAttempts)
    self.journal = journal
  }

  package func notificationGenerated() {
    lock.withLock {
      generated += 1
    }
  }

  /// `offset`: when the attempt started, from the run's start.
  package func attemptStarted(first: Bool, late: Bool, at offset: Duration = .zero) {
    lock.withLock {
      inFlight += 1
      if !first { retriesInFlight += 1 }
      if first {
        firstAttemptsStarted += 1
        firstStarts = (firstStarts?.first ?? offset, offset)
      }
      if late { lateStarts += 1 }
    }
  }

  package func attemptFinished(_ record: AttemptRecord) {
    lock.withLock {
      inFlight -= 1
      if record.attempt > 1 { retriesInFlight -= 1 }
      attempts += 1
      let attemptClass = record.outcome.attemptClass
      attemptsByClass[attemptClass, default: 0] += 1
      if attemptClass != .success {
        let label = record.outcome.label
        if errors[label] != nil || errors.count < Self.errorKinds {
          errors[label, default: 0] += 1
        } else {
          errors["(other errors)", default: 0] += 1
        }
    }
    histogram.record(record.latency)
    }
    // Outside the ledger's lock: formatting the line and the disk never hold up counting.
    journal?.write(record)
  }

  package func retryWaiting(_ change: Int) {
    lock.withLock {
      waitingRetry += change
    }
  }

  /// `details`: the Details the notification carried (counted when delivered).
  package func notificationEnded(_ end: NotificationEnd, details: Int = 0) {
    lock.withLock {
      switch end {
      case .delivered(let attempt):
        delivered += 1
        deliveredDetails += details
        deliveredOnAttempt[attempt - 1] += 1
      case .dropped: dropped += 1
      case .abandoned: abandoned += 1
      case .cancelled: cancelled += 1
    }
    }
  }

  /// Flushes and closes the journal.
  package func finish() {
    journal?.close()
  }

  /// The counts as they stand.
  package func snapshot() -> RunCounts {
    lock.withLock { makeSnapshot() }
  }

  private func makeSnapshot() -> RunCounts {
    RunCounts(
      generated: generated, delivered: delivered, deliveredDetails: deliveredDetails, dropped: dropped, abandoned: abandoned,
      cancelled: cancelled,
      deliveredOnAttempt: deliveredOnAttempt, firstAttemptsStarted: firstAttemptsStarted,
      startingSpan: firstStarts.map { $0.last - $0.first } ?? .zero, inFlight: inFlight, retriesInFlight: retriesInFlight,
      waitingRetry: waitingRetry, attempts: attempts,
      attemptsByClass: AttemptClass.allCases.map { ($0, attemptsByClass[$0] ?? 0) },
      topErrors: errors.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(5).map { ($0.key, $0.value) },
      latency: histogram, lateStarts: lateStarts)
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
