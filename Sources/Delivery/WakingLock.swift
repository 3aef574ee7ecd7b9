import Support
import Synchronization

/// An async lock for tasks on connection loops: a task that finds it held suspends (its
/// thread serves other work meanwhile) until the holder's release wakes it to try again.
/// Nothing spins or blocks a thread. Release frees the lock before it wakes the next waiter
/// (no hand-over): handed to a task still queued behind its loop's other work, the lock would
/// sit idle, held by nobody running, and the sequence behind it would stall.
final class WakingLock: Sendable {
  private let state = Mutex(State())

  private struct State: ~Copyable {
    var held = false
    var waiters = FIFOQueue<UnsafeContinuation<Void, Never>>()

    mutating func take() -> Bool {
      if held { return false }
      held = true
      return true
    }
  }

  /// Returns holding the lock.
  func acquire() async {
    while !state.withLock({ $0.take() }) {
      await withUnsafeContinuation { continuation in
        // It may have been released between the try above and now: then try again at once.
        let wait = state.withLock { state in
          if state.held { state.waiters.append(continuation) }
          return state.held
        }
        if !wait { continuation.resume() }
      }
    }
  }

  /// Frees the lock and wakes the first waiter to try again.
  func release() {
    let next: UnsafeContinuation<Void, Never>? = state.withLock { state in
      state.held = false
      return state.waiters.popFirst()
    }
    next?.resume()
  }
}
