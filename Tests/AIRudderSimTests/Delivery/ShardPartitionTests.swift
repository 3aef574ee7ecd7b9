import Foundation
import Testing

@testable import Delivery
@testable import Reporting
@testable import Scenario

/// `run --shard i/n`: the shards of a run send, between them, exactly the whole run's
/// notifications, byte for byte, none twice and none missing, whatever n is.
@Suite struct ShardPartitionTests {
  /// Three workflows, a few hundred notifications: enough for every residue of every n below.
  static let scenarioText = """
    { name: "shards", seed: 7, workflows: 3, contactsPerWorkflow: 60, dialer: { lines: 5 }, aggregation: { maxBatch: 4 } }
    """

  /// The bodies one process posts (every attempt succeeds at once).
  static func bodies(shard: Shard, count: Int?) async throws -> (bodies: [Data], generated: Int) {
    let clock = ImmediateTestClock()
    let transport = ScriptedTransport(clock: clock) { _, _ in (.response(status: 200), .zero) }
    let ledger = RunLedger(maxAttempts: 6)
    var plan = DeliveryPlan(concurrency: 3, count: count)
    plan.shard = shard
    await Dispatcher(scenario: try scenario(scenarioText), plan: plan, transport: transport, clock: clock, recorder: ledger).run()
    let counts = ledger.snapshot()
    #expect(counts.delivered == counts.generated && counts.isBalanced)
    return (transport.recorded.map(\.body), counts.generated)
  }

  @Test(arguments: [2, 3, 4, 7, 16], [nil, 101] as [Int?])
  func shardsMakeTheWholeRun(shards: Int, count: Int?) async throws {
    let whole = try await Self.bodies(shard: .whole, count: count)
    #expect(whole.bodies.count > 16, "the scenario is big enough for every shard to get some")
    #expect(Set(whole.bodies).count == whole.bodies.count)
    var union: [Data] = []
    var generated = 0
    for index in 0..<shards {
      let part = try await Self.bodies(shard: Shard(index: index, count: shards), count: count)
      // Shard i's share is the numbers i + 1, i + 1 + n, …: its size is fixed by n.
      #expect(part.bodies.count == (whole.bodies.count - index + shards - 1) / shards)
      union += part.bodies
      generated += part.generated
    }
    #expect(union.count == whole.bodies.count, "none twice")
    #expect(Set(union) == Set(whole.bodies), "none missing, the same bytes")
    #expect(generated == whole.generated)
  }

  /// The rate schedule is the whole run's: notification n starts at (n − 1) / total rate on
  /// every shard, so shards started together interleave into one rate.
  @Test(arguments: 0..<3)
  func rateScheduleIsTheWholeRuns(index: Int) async throws {
    let clock = ManualTestClock()
    let transport = ScriptedTransport(clock: clock) { _, _ in (.response(status: 200), .zero) }
    var plan = DeliveryPlan(mode: .rate, concurrency: 4, rate: 10, count: 12)  // 30/s over 3 shards
    plan.shard = Shard(index: index, count: 3)
    let dispatcher = Dispatcher(
      scenario: try scenario(Self.scenarioText), plan: plan, transport: transport, clock: clock,
      recorder: RunLedger(maxAttempts: 6))
    let run = Task { await dispatcher.run() }
    let expected = stride(from: index, to: 12, by: 3).map { Duration.clamped(seconds: Double($0) / 30) }
    for (posted, due) in expected.enumerated() {
      // The schedule sleeps until the next one's time; nothing is posted before it.
      #expect(await eventually { clock.sleeperCount == 1 })
      #expect(transport.recorded.count == posted)
      clock.advance(by: clock.now.duration(to: TestInstant(offset: due)))
      #expect(await eventually { transport.recorded.count == posted + 1 })
    }
    await run.value(unstick: { clock.advance(by: .seconds(3600)) })
    #expect(transport.recorded.map(\.started.offset) == expected)
  }

  @Test(arguments: [("0/1", 0, 1), ("3/4", 3, 4), ("0/100000", 0, 100_000), ("99999/100000", 99_999, 100_000)])
  func parsesShards(text: String, index: Int, count: Int) {
    #expect(Shard(parsing: text) == Shard(index: index, count: count))
  }

  @Test(arguments: ["4/4", "1/0", "0/0", "-1/4", "a/b", "1", "1/2/3", "/4", "1/", " 1/4", "1/100001", "١/٢", "+1/4"])
  func refusesOtherShards(text: String) {
    #expect(Shard(parsing: text) == nil)
  }

  /// Totals divided: the parts add up to the total, the remainder to the first shards.
  @Test(arguments: [(16, 4), (10, 4), (3, 4), (1, 1), (10_000, 7)])
  func concurrencySharesAddUp(total: Int, shards: Int) {
    let shares = (0..<shards).map { Shard(index: $0, count: shards).share(of: total) }
    #expect(shares.reduce(0, +) == max(total, shards))
    #expect(shares.max()! - shares.min()! <= 1)
  }
}
