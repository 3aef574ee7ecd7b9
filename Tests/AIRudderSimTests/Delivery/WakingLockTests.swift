import Synchronization
import Testing

@testable import Delivery

/// The async lock the feed's lane leaders wait on.
@Suite struct WakingLockTests {
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
