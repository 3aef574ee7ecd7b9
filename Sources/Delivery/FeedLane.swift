import Support
import Synchronization

/// One lane of `NotificationFeed`: the notifications its leader took ahead, and the workers
/// waiting for one. A class, because a `Mutex` cannot sit in an array. Its workers run on the
/// lane's thread, so its lock is seldom contended.
final class FeedLane: Sendable {
  /// What a worker gets: a notification, the lead (take the next turn at the sequence for the
  /// lane), or the end.
  enum Turn {
    case taken(NotificationFeed.Taken)
    case lead
    case ended
  }

  let state = Mutex(State())

  struct State: ~Copyable {
    /// Taken ahead, next last.
    var stashed: [NotificationFeed.Taken] = []
    var waiters = FIFOQueue<UnsafeContinuation<Turn, Never>>()
    var leading = false
    var ended = false

    var waiting: Int { waiters.count }

    /// A stashed notification or the end; nil when the caller must lead or wait.
    mutating func takeStashed() -> Turn? {
      if let next = stashed.popLast() { return .taken(next) }
      return ended ? .ended : nil
    }

    /// What the caller gets now (a notification, the end, or the lead); nil when it was
    /// queued behind the leader, which resumes it.
    mutating func takeOrWait(_ continuation: UnsafeContinuation<Turn, Never>) -> Turn? {
      if let now = takeStashed() { return now }
      if !leading {
        leading = true
        return .lead
      }
      waiters.append(continuation)
      return nil
    }

    /// The rest of the leader's batch, reversed (next last): the next for the waiters in the
    /// order they came, the rest stashed. Waiters left over get the lead (the first of them)
    /// or, at the end, the end. Each is moved out, not copied: a copy retains every string of
    /// the envelope.
    mutating func handOut(
      _ rest: inout [NotificationFeed.Taken], ended sequenceEnded: Bool
    ) -> [(UnsafeContinuation<Turn, Never>, Turn)] {
      if sequenceEnded { ended = true }
      var resumes: [(UnsafeContinuation<Turn, Never>, Turn)] = []
      while !rest.isEmpty, let waiter = waiters.popFirst() {
        resumes.append((waiter, .taken(rest.removeLast())))
      }
      // The stash is empty while a leader leads (the lead goes only to a worker that found
      // it empty), so this hands it the rest whole.
      if !rest.isEmpty { swap(&stashed, &rest) }
      if ended {
        for waiter in waiters.removeAll() { resumes.append((waiter, .ended)) }
        leading = false
      } else if let successor = waiters.popFirst() {
        // The leader's role passes on; `leading` stays set.
        resumes.append((successor, .lead))
      } else {
        leading = false
      }
      return resumes
    }
  }
}
