import Foundation
import Synchronization
import Testing

@testable import Delivery
@testable import Reporting
@testable import Scenario
@testable import Support

/// The generator's feed over several lanes (connection loops): a lane takes a few
/// notifications at a time, yet every notification is handed out once, each lane's in
/// sequence order, and only what was handed out counts as generated.
@Suite struct NotificationFeedTests {
  @Test(arguments: [1, 2, 3])
  func everyNotificationOnceOverLanes(lanes: Int) async throws {
    let scenario = try ScenarioLoader.load(path: RepositoryPath.scenario("smoke.json"))
    var plan = DeliveryPlan(mode: .concurrency, concurrency: 4, policy: RetryPolicy())
    plan.count = 9  // of smoke.json's 10: the limit, not the scenario, ends the sequence
    let ledger = RunLedger(maxAttempts: 6)
    let feed = NotificationFeed(scenario: scenario, plan: plan, recorder: ledger, lanes: lanes)
    var writer = JSONByteWriter()
    var byLane = Array(repeating: [Int](), count: lanes)
    var ended = Set<Int>()
    var handedOut = 0
    // Lanes take turns unevenly (lane 0 twice as often), as busy loops do, until each has
    // seen the end: a lane ends when the sequence does and its own stash is empty.
    var turn = 0
    while ended.count < lanes {
      let lane = [0, 0, 1, 2][turn % 4] % lanes
      turn += 1
      guard !ended.contains(lane) else { continue }
      guard let notification = await feed.next(writingThrough: &writer, lane: lane) else {
        ended.insert(lane)
        continue
      }
      byLane[lane].append(notification.number)
      handedOut += 1
      #expect(ledger.snapshot().generated == handedOut, "counted before it was handed out")
    }
    #expect(byLane.flatMap { $0 }.sorted() == Array(1...9))
    for numbers in byLane { #expect(numbers == numbers.sorted(), "a lane's notifications out of order: \(numbers)") }
  }

  /// Many workers per lane at once, as a run has them: while one lane's leader holds the
  /// sequence, the others' workers wait for their leaders to hand out. Every notification is
  /// still handed out exactly once, and every worker sees the end.
  @Test(arguments: [1, 2, 3])
  func concurrentWorkersShareEachLanesTurns(lanes: Int) async throws {
    let scenario = try ScenarioLoader.load(path: RepositoryPath.scenario("load.json"))
    var plan = DeliveryPlan(mode: .concurrency, concurrency: 24, policy: RetryPolicy())
    plan.count = 600
    let ledger = RunLedger(maxAttempts: 6)
    let feed = NotificationFeed(scenario: scenario, plan: plan, recorder: ledger, lanes: lanes)
    let result = Mutex<[Int]?>(nil)
    // Not awaited: a worker a leader failed to wake never ends, and the test must fail, not hang.
    Task {
      let numbers = await withTaskGroup(of: [Int].self) { group in
        for worker in 0..<24 {
          group.addTask {
            var writer = JSONByteWriter()
            var mine: [Int] = []
            while let notification = await feed.next(writingThrough: &writer, lane: worker % lanes) {
              mine.append(notification.number)
              if notification.number % 7 == 0 { await Task.yield() }
            }
            return mine
          }
        }
        var all: [Int] = []
        for await mine in group { all += mine }
        return all
      }
      result.withLock { $0 = numbers }
    }
    let ended = await eventually { result.withLock { $0 != nil } }
    let numbers = try #require(
      result.withLock { $0 }, "workers still waiting: a lane's leader did not hand out (ended: \(ended))")
    #expect(numbers.sorted() == Array(1...600))
    #expect(ledger.snapshot().generated == 600)
  }
}
