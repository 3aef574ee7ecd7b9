import Synchronization
import Testing

@testable import Delivery

/// The waiting tasks' queue (slot pool, feed lanes, waking lock) and the lock built on it.
@Suite struct WaiterQueueTests {
  /// First in, first out, past the point where the queue compacts its storage (over 1,024
  /// taken and more than half of what it holds), with waiters still added between takes;
  /// `removeAll` gives the rest in order.
  @Test(arguments: [1, 5, 1_500, 5_000])
  func firstComeFirstServed(count: Int) {
    var queue = WaiterQueue<Int>()
    for value in 0..<count { queue.append(value) }
    var added = count
    var expected = 0
    while expected < count {
      #expect(queue.popFirst() == expected)
      expected += 1
      if expected % 4 == 0 {
        queue.append(added)
        added += 1
      }
    }
    #expect(queue.count == added - expected)
    #expect(Array(queue.removeAll()) == Array(expected..<added))
    #expect(queue.isEmpty && queue.popFirst() == nil)
  }

  /// Tasks that wait for the lock (suspended, woken by each release) never hold it two at a
  /// time, and every one gets it.
  @Test func wakingLockExcludesAndServesEveryTask() async {
    let lock = WakingLock()
    let counts = Counts()
    await withTaskGroup(of: Void.self) { group in
      for _ in 0..<16 {
        group.addTask {
          for _ in 0..<50 {
            await lock.acquire()
            if counts.inside.add(1, ordering: .relaxed).newValue != 1 { counts.overlaps.add(1, ordering: .relaxed) }
            await Task.yield()
            counts.inside.subtract(1, ordering: .relaxed)
            counts.served.add(1, ordering: .relaxed)
            lock.release()
          }
        }
      }
    }
    #expect(counts.overlaps.load(ordering: .relaxed) == 0)
    #expect(counts.served.load(ordering: .relaxed) == 800)
  }

  private final class Counts: Sendable {
    let inside = Atomic<Int>(0)
    let overlaps = Atomic<Int>(0)
    let served = Atomic<Int>(0)
  }
}
