import Foundation
import HTTP1
import Support
import Synchronization

/// The concurrency limit: at most `capacity` attempts in flight. A notification waiting for
/// its retry holds no slot. Closing the pool (on stop) turns every waiting and later
/// `acquire` into `false`, while attempts already holding a slot finish. Lock-based: taking a
/// free slot never suspends, which saves a thread switch per attempt.
final class SlotPool: Sendable {
  private let state: Mutex<State>

  private struct State {
    var available: Int
    var waiters = FIFOQueue<CheckedContinuation<Bool, Never>>()
    var closed = false

    /// Takes a free slot: true if one was free, false if the pool is closed, nil to wait.
    mutating func take() -> Bool? {
      if closed { return false }
      if available > 0 {
        available -= 1
        return true
      }
      return nil
    }
  }

  init(capacity: Int) {
    state = Mutex(State(available: capacity))
  }

  /// A slot, or false when the pool was closed instead.
  func acquire() async -> Bool {
    if let immediate = state.withLock({ $0.take() }) { return immediate }
    return await withCheckedContinuation { continuation in
      let resumeNow: Bool? = state.withLock { state in
        // The state may have changed between the check above and now.
        if let now = state.take() { return now }
        state.waiters.append(continuation)
        return nil
      }
      if let resumeNow { continuation.resume(returning: resumeNow) }
    }
  }

  func release() {
    let next: CheckedContinuation<Bool, Never>? = state.withLock { state in
      guard let waiter = state.waiters.popFirst() else {
        state.available += 1
        return nil
      }
      return waiter
    }
    next?.resume(returning: true)
  }

  func close() {
    let waiting: ArraySlice<CheckedContinuation<Bool, Never>> = state.withLock { state in
      state.closed = true
      return state.waiters.removeAll()
    }
    for waiter in waiting { waiter.resume(returning: false) }
  }
}
