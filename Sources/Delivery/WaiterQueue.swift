/// Continuations of waiting tasks, first come first served (`SlotPool`, `FeedLane`,
/// `WakingLock`): a head index instead of `removeFirst`'s shift of every waiter behind it; the
/// storage is reset when the queue drains and compacted once the head passes half of it.
struct WaiterQueue<Waiter> {
  private var waiters: [Waiter] = []
  private var first = 0

  var count: Int { waiters.count - first }
  var isEmpty: Bool { first == waiters.count }

  mutating func append(_ waiter: Waiter) {
    waiters.append(waiter)
  }

  /// The longest-waiting, taken out of the queue.
  mutating func popFirst() -> Waiter? {
    guard first < waiters.count else { return nil }
    let next = waiters[first]
    first += 1
    if first == waiters.count {
      waiters.removeAll(keepingCapacity: true)
      first = 0
    } else if first > 1024 && first * 2 > waiters.count {
      waiters.removeFirst(first)
      first = 0
    }
    return next
  }

  /// Every waiter, in order, leaving the queue empty.
  mutating func removeAll() -> ArraySlice<Waiter> {
    let rest = waiters[first...]
    waiters = []
    first = 0
    return rest
  }
}
