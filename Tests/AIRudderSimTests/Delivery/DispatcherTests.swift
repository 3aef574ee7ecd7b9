import Foundation
import Testing

@testable import AIRudderSimCLI
@testable import Contract
@testable import Delivery
@testable import Generation
@testable import HTTP1
@testable import Receiver
@testable import Reporting
@testable import Scenario
@testable import Support

@Suite struct DispatcherTests {
  static func smoke() throws -> Scenario {
    try ScenarioLoader.load(path: RepositoryPath.scenario("smoke.json"))
  }

  /// Runs one notification against a script on the immediate clock.
  static func runOne(
    policy: RetryPolicy = RetryPolicy(), respond: @escaping @Sendable (Int, Data) -> (AttemptOutcome, Duration)
  ) async throws -> (RunCounts, [ScriptedTransport<ImmediateTestClock>.Post]) {
    let clock = ImmediateTestClock()
    let transport = ScriptedTransport(clock: clock, advance: { clock.advance(by: $0) }, respond: respond)
    let ledger = RunLedger(maxAttempts: policy.maxAttempts)
    let plan = DeliveryPlan(concurrency: 1, count: 1, policy: policy)
    await Dispatcher(scenario: try smoke(), plan: plan, transport: transport, clock: clock, recorder: ledger).run()
    return (ledger.snapshot(), transport.recorded)
  }

  /// Delivered on attempt k after k-1 failures; each retry starts exactly 60 s after the
  /// failed attempt ended, with the same bytes.
  @Test(arguments: 1...6)
  func deliveredOnAttempt(k: Int) async throws {
    let (counts, posts) = try await Self.runOne { attempt, _ in
      (attempt < k ? .response(status: 503) : .response(status: 200), .milliseconds(250))
    }
    #expect(counts.delivered == 1 && counts.dropped == 0 && counts.cancelled == 0)
    #expect(counts.deliveredOnAttempt == (1...6).map { $0 == k ? 1 : 0 })
    #expect(counts.attempts == k)
    #expect(posts.count == k)
    #expect(Set(posts.map(\.body)).count == 1, "every retry sends identical bytes")
    for index in posts.indices.dropFirst() {
      let previousEnd = posts[index - 1].started.advanced(by: .milliseconds(250))
      #expect(previousEnd.duration(to: posts[index].started) == .seconds(60))
    }
    #expect(counts.isBalanced)
  }

  @Test func droppedAfterSixAttempts() async throws {
    let (counts, posts) = try await Self.runOne { _, _ in (.response(status: 500), .milliseconds(10)) }
    #expect(counts.dropped == 1 && counts.delivered == 0)
    #expect(posts.count == 6 && counts.attempts(.serverError) == 6)
    #expect(counts.topErrors.first?.0 == "HTTP 500" && counts.topErrors.first?.1 == 6)
  }

  /// A receiver that never answers: each attempt ends at the 10 s timeout, the next starts
  /// 60 s later, so attempts start 70 s apart.
  @Test func timeoutsAreRetriedSeventySecondsApart() async throws {
    let (counts, posts) = try await Self.runOne { _, _ in (.response(status: 200), .seconds(30)) }
    #expect(counts.dropped == 1 && counts.attempts(.timeout) == 6)
    let starts = posts.map { $0.started.offset }
    #expect(starts == (0..<6).map { Duration.seconds(70 * $0) })
    #expect(counts.latency.maxMicroseconds == 10_000_000)
  }

  @Test func timeScaleShortensTheInterval() async throws {
    let policy = RetryPolicy(timeScale: 60)
    let (_, posts) = try await Self.runOne(policy: policy) { attempt, _ in
      (attempt < 3 ? .connectionError("connection refused") : .response(status: 204), .zero)
    }
    #expect(posts.map { $0.started.offset } == [.zero, .seconds(1), .seconds(2)])
  }

  /// Stopping while a notification waits for its retry: the receiver refused it, so it ends
  /// abandoned (judged like a drop), not cancelled; nothing else runs.
  @Test func cancellationWhileWaitingForARetry() async throws {
    let clock = ManualTestClock()
    let transport = ScriptedTransport(clock: clock) { _, _ in (.response(status: 502), .zero) }
    let ledger = RunLedger(maxAttempts: 6)
    let dispatcher = Dispatcher(
      scenario: try Self.smoke(), plan: DeliveryPlan(concurrency: 2, count: 2), transport: transport, clock: clock,
      recorder: ledger)
    let run = Task { await dispatcher.run() }
    #expect(await eventually { ledger.snapshot().waitingRetry == 2 })
    run.cancel()
    await run.value(unstick: { clock.advance(by: .seconds(3600)) })
    let counts = ledger.snapshot()
    #expect(counts.generated == 2 && counts.abandoned == 2 && counts.cancelled == 0)
    #expect(counts.attempts == 2 && counts.waitingRetry == 0)
    #expect(counts.isBalanced)
  }

  /// Many notifications with random outcomes: every one ends in exactly one state.
  @Test(arguments: [1, 4, 32])
  func accountingUnderRandomOutcomes(concurrency: Int) async throws {
    let clock = ImmediateTestClock()
    let transport = ScriptedTransport(clock: clock) { attempt, body in
      let digest = MD5.digest(body).prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
      var rng = SeededRandom(seed: digest &+ UInt64(attempt))
      let outcomes: [AttemptOutcome] = [
        .response(status: 200), .response(status: 500), .response(status: 404), .timeout, .connectionError("connection refused"),
        .other("malformed response"),
      ]
      return (outcomes[rng.int(in: 0...5)], .milliseconds(Int64(rng.int(in: 0...50))))
    }
    let ledger = RunLedger(maxAttempts: 6)
    let plan = DeliveryPlan(concurrency: concurrency, count: 300)
    var collection = try ScenarioLoader.load(path: RepositoryPath.scenario("collection.json"))
    collection.seed = 5
    await Dispatcher(scenario: collection, plan: plan, transport: transport, clock: clock, recorder: ledger).run()
    let counts = ledger.snapshot()
    #expect(counts.generated == 300)
    #expect(counts.isBalanced && counts.cancelled == 0)
    #expect(counts.delivered == counts.deliveredOnAttempt.reduce(0, +))
    #expect(counts.attempts == transport.recorded.count)
    #expect(counts.attempts == counts.attemptsByClass.map(\.1).reduce(0, +))
    #expect(counts.dropped > 0 && counts.delivered > 0)
    #expect(counts.inFlight == 0 && counts.waitingRetry == 0)
  }

  /// Rate mode starts notification i at i / rate on the run's clock, whether or not earlier
  /// ones finished.
  @Test func rateModeStartsOnSchedule() async throws {
    let clock = ManualTestClock()
    let transport = ScriptedTransport(clock: clock) { _, _ in (.response(status: 200), .zero) }
    let ledger = RunLedger(maxAttempts: 6)
    let plan = DeliveryPlan(mode: .rate, concurrency: 4, rate: 10, count: 5)
    let dispatcher = Dispatcher(scenario: try Self.smoke(), plan: plan, transport: transport, clock: clock, recorder: ledger)
    let run = Task { await dispatcher.run() }
    for index in 0..<5 {
      #expect(await eventually { transport.recorded.count == index + 1 })
      if index < 4 {
        #expect(await eventually { clock.sleeperCount == 1 })
        clock.advance(by: .milliseconds(100))
      }
    }
    await run.value(unstick: { clock.advance(by: .seconds(3600)) })
    #expect(transport.recorded.map { $0.started.offset } == (0..<5).map { Duration.milliseconds(100 * $0) })
    let counts = ledger.snapshot()
    #expect(counts.delivered == 5 && counts.lateStarts == 0)
  }

  /// Stopped while the next notification waits for its scheduled start: that one never had an
  /// attempt, so it is cancelled, not abandoned.
  @Test func stopBeforeTheFirstAttemptIsCancelled() async throws {
    let clock = ManualTestClock()
    let transport = ScriptedTransport(clock: clock) { _, _ in (.response(status: 200), .zero) }
    let ledger = RunLedger(maxAttempts: 6)
    let plan = DeliveryPlan(mode: .rate, concurrency: 4, rate: 1, count: 5)
    let dispatcher = Dispatcher(scenario: try Self.smoke(), plan: plan, transport: transport, clock: clock, recorder: ledger)
    let run = Task { await dispatcher.run() }
    #expect(await eventually { transport.recorded.count == 1 && clock.sleeperCount == 1 })
    run.cancel()
    await run.value(unstick: { clock.advance(by: .seconds(3600)) })
    let counts = ledger.snapshot()
    #expect(counts.delivered == 1 && counts.cancelled == 1 && counts.abandoned == 0 && counts.isBalanced)
  }

  /// The achieved rate counts the time the run spent starting notifications, not the minute it
  /// then waits for their retries: 5 starts 100 ms apart are 10 a second.
  @Test func achievedRateIsOverTheStartingSpan() async throws {
    let clock = ManualTestClock()
    let transport = ScriptedTransport(clock: clock) { attempt, _ in
      (attempt == 1 ? .response(status: 503) : .response(status: 200), .zero)
    }
    let ledger = RunLedger(maxAttempts: 6)
    let plan = DeliveryPlan(mode: .rate, concurrency: 8, rate: 10, count: 5)
    let dispatcher = Dispatcher(scenario: try Self.smoke(), plan: plan, transport: transport, clock: clock, recorder: ledger)
    let run = Task { await dispatcher.run() }
    for index in 0..<5 {
      // The schedule waits for the next start, and every refused notification for its retry.
      #expect(await eventually { transport.recorded.count == index + 1 && clock.sleeperCount == index + (index < 4 ? 2 : 1) })
      clock.advance(by: index < 4 ? .milliseconds(100) : .seconds(60))
    }
    await run.value(unstick: { clock.advance(by: .seconds(3600)) })
    let counts = ledger.snapshot()
    #expect(counts.deliveredOnAttempt == [0, 5, 0, 0, 0, 0])
    #expect(counts.startingSpan == .milliseconds(400))
    #expect(abs(counts.achievedRate - 10) < 1e-9)
  }

  /// A receiver slower than the rate: starts become late, and latency counts from the
  /// intended start, so the slowness shows (no coordinated omission).
  @Test func lateStartsAreCountedAndLatencyIncludesTheWait() async throws {
    let clock = ImmediateTestClock()
    let transport = ScriptedTransport(
      clock: clock, advance: { clock.advance(by: $0) }, respond: { _, _ in (.response(status: 200), .seconds(1)) })
    let ledger = RunLedger(maxAttempts: 6)
    let plan = DeliveryPlan(mode: .rate, concurrency: 1, rate: 10, count: 5)
    await Dispatcher(scenario: try Self.smoke(), plan: plan, transport: transport, clock: clock, recorder: ledger).run()
    let counts = ledger.snapshot()
    #expect(counts.delivered == 5)
    #expect(counts.lateStarts >= 3)
    #expect(counts.latency.maxMicroseconds > 1_500_000)
  }
}
