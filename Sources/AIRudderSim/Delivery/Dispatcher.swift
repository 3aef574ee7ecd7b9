import Foundation

/// Stands in for AIRudder's sender: generates and signs notifications, starts them by the
/// load model, posts each through the transport, retries failures by the policy with the same
/// bytes, and records everything in the ledger. Time comes from the injected clock, so tests
/// run the whole schedule without sleeping.
///
/// Cancelling the task that runs `run()` stops it: nothing new starts, waiting retries end as
/// cancelled, attempts in flight finish (their transport returns within its timeout).
public struct Dispatcher<C: Clock>: Sendable where C.Duration == Duration {
  let scenario: Scenario
  let plan: DeliveryPlan
  let transport: any NotificationTransport
  let clock: C
  let ledger: RunLedger

  public init(scenario: Scenario, plan: DeliveryPlan, transport: any NotificationTransport, clock: C, ledger: RunLedger) {
    self.scenario = scenario
    self.plan = plan
    self.transport = transport
    self.clock = clock
    self.ledger = ledger
  }

  /// A notification ready to post: its bytes never change between attempts.
  struct Prepared: Sendable {
    var number: Int
    var taskID: String
    var firstCallID: String
    var detailCount: Int
    var body: Data
  }

  /// Runs to the end condition or cancellation; returns when every notification has ended.
  public func run() async {
    let pool = SlotPool(capacity: plan.concurrency)
    let start = clock.now
    await withTaskGroup(of: Void.self) { race in
      race.addTask { await runNotifications(pool: pool, start: start) }
      if let duration = plan.duration {
        // The deadline stops the run as a signal does: the first of the two to finish wins.
        race.addTask { [clock] in try? await clock.sleep(until: start.advanced(by: duration), tolerance: nil) }
      }
      await race.next()
      race.cancelAll()
    }
    await ledger.finish()
  }

  private func runNotifications(pool: SlotPool, start: C.Instant) async {
    await withTaskCancellationHandler {
      await withDiscardingTaskGroup { group in
        await produce(into: &group, pool: pool, start: start)
      }
    } onCancel: {
      // Wakes notifications waiting for a slot; sleeping retries are woken by cancellation.
      Task { await pool.close() }
    }
  }

  private func produce(into group: inout DiscardingTaskGroup, pool: SlotPool, start: C.Instant) async {
    var signer = Signer(key: plan.key)
    var writer = JSONByteWriter(capacity: 1 << 14)
    var firstSendTime: Int64?
    var index = 0
    for var item in NotificationGenerator(scenario: scenario, limit: plan.count) {
      if Task.isCancelled { break }
      signer.sign(&item.notification)
      writer.reset()
      item.notification.write(to: &writer)
      let prepared = Prepared(
        number: item.number, taskID: item.notification.taskID,
        firstCallID: item.notification.details.first?.callID ?? "", detailCount: item.notification.details.count,
        body: writer.withBytes { Data($0) })
      await ledger.notificationGenerated()

      var intended = clock.now
      switch plan.mode {
      case .concurrency:
        break
      case .rate:
        intended = start.advanced(by: .seconds(Double(index) / (plan.rate ?? 1)))
      case .timeline:
        let first = firstSendTime ?? item.sendTime
        firstSendTime = first
        intended = start.advanced(by: .seconds(Double(item.sendTime - first) / plan.policy.timeScale))
      }
      index += 1
      if plan.mode != .concurrency {
        do {
          try await clock.sleep(until: intended, tolerance: nil)
        } catch {
          await ledger.notificationEnded(.cancelled)
          break
        }
      }
      guard await pool.acquire() else {
        await ledger.notificationEnded(.cancelled)
        break
      }
      if Task.isCancelled {
        await pool.release()
        await ledger.notificationEnded(.cancelled)
        break
      }
      if plan.mode == .concurrency { intended = clock.now }
      group.addTask { await deliver(prepared, intended: intended, pool: pool) }
    }
  }

  /// Posts one notification until it is delivered, dropped or cancelled. The first attempt
  /// arrives holding a slot; a retry waits without one and then takes one.
  private func deliver(_ notification: Prepared, intended firstIntended: C.Instant, pool: SlotPool) async {
    var attempt = 1
    var intended = firstIntended
    var holdsSlot = true
    while true {
      if !holdsSlot {
        guard await pool.acquire() else {
          await ledger.notificationEnded(.cancelled)
          return
        }
      }
      if Task.isCancelled {
        await pool.release()
        await ledger.notificationEnded(.cancelled)
        return
      }
      let started = clock.now
      await ledger.attemptStarted(first: attempt == 1, late: attempt == 1 && plan.mode != .concurrency && intended.duration(to: started) > plan.lateThreshold)
      let outcome = await transport.post(notification.body, timeout: plan.policy.attemptTimeout)
      let ended = clock.now
      await pool.release()
      holdsSlot = false
      await ledger.attemptFinished(
        AttemptRecord(
          wallTime: Date().timeIntervalSince1970, elapsed: firstIntended.duration(to: ended).seconds,
          notification: notification.number, taskID: notification.taskID, firstCallID: notification.firstCallID,
          attempt: attempt, outcome: outcome, latency: intended.duration(to: ended)))
      if outcome.isSuccess {
        await ledger.notificationEnded(.delivered(attempt: attempt), details: notification.detailCount)
        return
      }
      guard let next = plan.policy.nextAttempt(after: attempt, failedAt: ended) else {
        await ledger.notificationEnded(.dropped)
        return
      }
      await ledger.retryWaiting(1)
      do {
        try await clock.sleep(until: next, tolerance: nil)
        await ledger.retryWaiting(-1)
      } catch {
        await ledger.retryWaiting(-1)
        await ledger.notificationEnded(.cancelled)
        return
      }
      attempt += 1
      intended = next
    }
  }
}
