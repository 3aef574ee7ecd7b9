import Delivery
import Support
import Synchronization

/// `run --html`: the attempts the retry story is drawn from, kept in memory as the journal
/// would have them (so the page needs no `--journal` file). Capped, so a long run's memory
/// stays fixed; the story draws at most a few hundred notifications anyway.
package final class AttemptStory: Sendable {
  /// Attempts kept at most (about 100 bytes each).
  package static let capacity = 20_000
  private let entries = Mutex<[JournalEntry]>([])

  package init() {}

  func add(_ record: AttemptRecord) {
    let entry = JournalEntry(
      endedMs: Int64((record.wallTime * 1000).rounded()), notification: record.notification, attempt: record.attempt,
      attemptClass: record.outcome.attemptClass.rawValue, outcome: record.outcome.label,
      latencyMs: record.latency.milliseconds)
    entries.withLock { entries in
      if entries.count < Self.capacity { entries.append(entry) }
    }
  }

  /// The attempts kept, in the order they ended.
  package func attempts() -> [JournalEntry] { entries.withLock { $0 } }
}
