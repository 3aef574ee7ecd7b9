import Foundation
import HTTP1
import Scenario
import Support

/// Stands in for AIRudder's sender: generates and signs notifications, starts them by the
/// load model, posts each through the transport, retries failures by the policy with the same
/// bytes, and tells the recorder (the ledger) everything. Time comes from the injected clock, so tests
/// run the whole schedule without sleeping.
///
/// Cancelling the task that runs `run()` stops it: nothing new starts, waiting retries end as
/// cancelled, attempts in flight finish (their transport returns within its timeout).
package struct Dispatcher<C: Clock>: Sendable where C.Duration == Duration {
  let scenario: Scenario
  let plan: DeliveryPlan
  let transport: any NotificationTransport
  let clock: C
  let recorder: any DeliveryRecorder

  package init(
    scenario: Scenario, plan: DeliveryPlan, transport: any NotificationTransport, clock: C, recorder: any DeliveryRecorder
  ) {
    self.scenario = scenario
    self.plan = plan
    self.transport = transport
    self.clock = clock
    self.recorder = recorder
  }

  /// Runs to the end condition or cancellation; returns when every notification has ended.
  package func run() async {
    let pool = SlotPool(capacity: plan.concurrency)
    let start = clock.now
    await withTaskGroup(of: Void.self) { race in
      race.addTask(executorPreference: transport.taskExecutor(for: 0)) { await runNotifications(pool: pool, start: start) }
      if let duration = plan.duration {
        // The deadline stops the run as a signal does: the first of the two to finish wins.
        race.addTask { [clock] in try? await clock.sleep(until: start.advanced(by: duration), tolerance: nil) }
      }
      await race.next()
      race.cancelAll()
    }
    recorder.finish()
  }

  private func runNotifications(pool: SlotPool, start: C.Instant) async {
    if let replay = plan.replay {
      await runNotifications(from: ReplayFeed(payloads: replay, plan: plan, recorder: recorder), pool: pool, start: start)
    } else {
      await runNotifications(
        from: NotificationFeed(scenario: scenario, plan: plan, recorder: recorder, lanes: transport.taskExecutors.count),
        pool: pool, start: start)
    }
  }

  /// Generic rather than `any`, so that generated runs call their feed directly.
  private func runNotifications(from feed: some NotificationSource, pool: SlotPool, start: C.Instant) async {
    await withTaskCancellationHandler {
      await withDiscardingTaskGroup { group in
        if plan.mode == .concurrency {
          // Closed model: long-lived workers pull the next notification when they have a slot,
          // so a request costs no new task and no hand-off to a producer.
          for worker in 0..<plan.concurrency {
            group.addTask(executorPreference: transport.taskExecutor(for: worker)) {
              await work(feed: feed, lane: worker % max(1, transport.taskExecutors.count), pool: pool, start: start)
            }
          }
        } else {
          await schedule(feed: feed, into: &group, pool: pool, start: start)
        }
      }
    } onCancel: {
      // Wakes notifications waiting for a slot; sleeping retries are woken by cancellation.
      pool.close()
    }
  }

  /// A worker's serialising buffer: room for a typical notification, grown for larger ones.
  private static var writerCapacity: Int { 1 << 14 }

  /// One worker of the closed model. Its notifications' retries run beside it, holding no
  /// slot while they wait.
  private func work(feed: some NotificationSource, lane: Int, pool: SlotPool, start: C.Instant) async {
    await withDiscardingTaskGroup { retries in
      var writer = JSONByteWriter(capacity: Self.writerCapacity)
      while !Task.isCancelled {
        guard await pool.acquire() else { return }
        guard !Task.isCancelled, let notification = await feed.next(writingThrough: &writer, lane: lane) else {
          pool.release()
          return
        }
        let intended = clock.now
        if let next = await post(notification, attempt: 1, intended: intended, firstIntended: intended, pool: pool, start: start)
        {
          retries.addTask {
            await retry(notification, attempt: 2, at: next, firstIntended: intended, pool: pool, start: start)
          }
        }
      }
    }
  }

  /// The open models: each notification starts at its intended time whether or not earlier
  /// ones finished (still capped by the slots), and its latency counts from that time.
  private func schedule(
    feed: some NotificationSource, into group: inout DiscardingTaskGroup, pool: SlotPool, start: C.Instant
  ) async {
    // On the whole run's schedule: notification n is due (n − 1) / (rate × shards) after the
    // start, so shards started together (--start-at) make one cluster-wide rate; one shard
    // alone is the plain rate. The timeline counts from the run's first send time likewise.
    let runRate = (plan.rate ?? 1) * Double(plan.shard.count)
    var writer = JSONByteWriter(capacity: Self.writerCapacity)
    while let notification = await feed.next(writingThrough: &writer, lane: 0) {
      let intended: C.Instant
      if plan.mode == .rate {
        intended = start.advanced(by: .clamped(seconds: Double(notification.number - 1) / runRate))
      } else {
        intended = start.advanced(
          by: .clamped(seconds: Double(notification.sendTime - notification.firstSendTime) / plan.policy.timeScale))
      }
      guard await waitForTurn(until: intended, pool: pool, stopped: .cancelled) else { return }
      group.addTask(executorPreference: transport.taskExecutor(for: notification.number)) {
        if let next = await post(notification, attempt: 1, intended: intended, firstIntended: intended, pool: pool, start: start)
        {
          await retry(notification, attempt: 2, at: next, firstIntended: intended, pool: pool, start: start)
        }
      }
    }
  }

  /// Sleeps until `instant`, then takes a slot. False when the run stopped first: the
  /// notification then ends as `stopped` (cancelled before a first attempt, abandoned before
  /// a retry) and holds no slot.
  private func waitForTurn(until instant: C.Instant, pool: SlotPool, stopped: NotificationEnd) async -> Bool {
    do {
      try await clock.sleep(until: instant, tolerance: nil)
    } catch {
      recorder.notificationEnded(stopped, details: 0)
      return false
    }
    guard await pool.acquire() else {
      recorder.notificationEnded(stopped, details: 0)
      return false
    }
    if Task.isCancelled {
      pool.release()
      recorder.notificationEnded(stopped, details: 0)
      return false
    }
    return true
  }

  /// Posts one attempt while holding a slot (released here) and records it. Returns when the
  /// next attempt is due, or nil when the notification has ended. `start` is the run's.
  private func post(
    _ notification: PreparedNotification, attempt: Int, intended: C.Instant, firstIntended: C.Instant, pool: SlotPool,
    start: C.Instant
  ) async -> C.Instant? {
    let started = clock.now
    let late = attempt == 1 && plan.mode != .concurrency && intended.duration(to: started) > plan.lateThreshold
    recorder.attemptStarted(first: attempt == 1, late: late, at: start.duration(to: started))
    let outcome = await transport.post(notification.body, timeout: plan.policy.attemptTimeout)
    let ended = clock.now
    pool.release()
    recorder.attemptFinished(
      AttemptRecord(
        wallTime: Date().timeIntervalSince1970, elapsed: firstIntended.duration(to: ended).seconds,
        notification: notification.number, taskID: notification.taskID, firstCallID: notification.firstCallID,
        attempt: attempt, outcome: outcome, latency: intended.duration(to: ended)))
    if outcome.isSuccess {
      recorder.notificationEnded(.delivered(attempt: attempt), details: notification.detailCount)
      return nil
    }
    guard let next = plan.policy.nextAttempt(after: attempt, failedAt: ended) else {
      recorder.notificationEnded(.dropped, details: 0)
      return nil
    }
    if Task.isCancelled {
      recorder.notificationEnded(.abandoned, details: 0)
      return nil
    }
    return next
  }

  /// Waits for each retry without a slot, then takes one and posts the same bytes again.
  private func retry(
    _ notification: PreparedNotification, attempt first: Int, at firstRetry: C.Instant, firstIntended: C.Instant, pool: SlotPool,
    start: C.Instant
  ) async {
    var attempt = first
    var next = firstRetry
    while true {
      recorder.retryWaiting(1)
      let due = await waitForTurn(until: next, pool: pool, stopped: .abandoned)
      recorder.retryWaiting(-1)
      guard due else { return }
      guard
        let following = await post(
          notification, attempt: attempt, intended: next, firstIntended: firstIntended, pool: pool, start: start)
      else {
        return
      }
      attempt += 1
      next = following
    }
  }
}
