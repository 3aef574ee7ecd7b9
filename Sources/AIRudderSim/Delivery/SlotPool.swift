/// The concurrency limit: at most `capacity` attempts in flight. A notification waiting for
/// its retry holds no slot. Closing the pool (on stop) turns every waiting and later
/// `acquire` into `false`, while attempts already holding a slot finish.
actor SlotPool {
  private var available: Int
  private var waiters: [CheckedContinuation<Bool, Never>] = []
  private var firstWaiter = 0
  private var closed = false

  init(capacity: Int) {
    available = capacity
  }

  /// Waits for a slot; false when the pool was closed instead.
  func acquire() async -> Bool {
    if closed { return false }
    if available > 0 {
      available -= 1
      return true
    }
    return await withCheckedContinuation { waiters.append($0) }
  }

  func release() {
    if firstWaiter < waiters.count {
      let next = waiters[firstWaiter]
      firstWaiter += 1
      compactWaiters()
      next.resume(returning: true)
    } else {
      available += 1
    }
  }

  func close() {
    closed = true
    let waiting = waiters[firstWaiter...]
    waiters = []
    firstWaiter = 0
    for waiter in waiting { waiter.resume(returning: false) }
  }

  private func compactWaiters() {
    if firstWaiter > 1024 && firstWaiter * 2 > waiters.count {
      waiters.removeFirst(firstWaiter)
      firstWaiter = 0
    }
  }
}
