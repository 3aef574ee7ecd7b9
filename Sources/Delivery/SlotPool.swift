import Foundation
import HTTP1

/// The concurrency limit: at most `capacity` attempts in flight. A notification waiting for
/// its retry holds no slot. Closing the pool (on stop) turns every waiting and later
/// `acquire` into `false`, while attempts already holding a slot finish. Lock-based: taking a
/// free slot never suspends, which saves a thread switch per attempt.
final class SlotPool: @unchecked Sendable {
  private let lock = NSLock()
  private var available: Int
  private var waiters: [CheckedContinuation<Bool, Never>] = []
  private var firstWaiter = 0
  private var closed = false

  init(capacity: Int) {
    available = capacity
  }

  /// A slot, or false when the pool was closed instead.
  func acquire() async -> Bool {
    enum Immediate { case granted, refused, wait }
    let immediate: Immediate = lock.withLock {
      if closed { return .refused }
      if available > 0 {
        available -= 1
        return .granted
      }
      return .wait
    }
    switch immediate {
    case .granted: return true
    case .refused: return false
    case .wait:
      return await withCheckedContinuation { continuation in
        let resumeNow: Bool? = lock.withLock {
          // The state may have changed between the check above and now.
          if closed { return false }
          if available > 0 {
            available -= 1
            return true
          }
          waiters.append(continuation)
          return nil
        }
        if let resumeNow { continuation.resume(returning: resumeNow) }
      }
    }
  }

  func release() {
    let next: CheckedContinuation<Bool, Never>? = lock.withLock {
      guard firstWaiter < waiters.count else {
        available += 1
        return nil
      }
      let waiter = waiters[firstWaiter]
      firstWaiter += 1
      if firstWaiter > 1024 && firstWaiter * 2 > waiters.count {
        waiters.removeFirst(firstWaiter)
        firstWaiter = 0
      }
      return waiter
    }
    next?.resume(returning: true)
  }

  func close() {
    let waiting: ArraySlice<CheckedContinuation<Bool, Never>> = lock.withLock {
      closed = true
      let rest = waiters[firstWaiter...]
      waiters = []
      firstWaiter = 0
      return rest
    }
    for waiter in waiting { waiter.resume(returning: false) }
  }
}
