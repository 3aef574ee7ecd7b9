import Foundation
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
}
