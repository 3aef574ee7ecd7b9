import Support
import Synchronization

/// Replayed payloads as a `NotificationSource`: each taken once, in order, up to the plan's
/// count, counted as generated. Its bytes are the payload's own (or with `Sign` replaced).
/// With `--shard i/n` it sends only its share of them (`Shard.owns`, by position).
final class ReplayFeed: NotificationSource {
  private let payloads: ReplayPayloads
  private let limit: Int
  private let taken = Mutex(0)
  private let recorder: any DeliveryRecorder
  private let shard: Shard

  init(payloads: ReplayPayloads, plan: DeliveryPlan, recorder: any DeliveryRecorder) {
    self.payloads = payloads
    limit = min(payloads.count, plan.count ?? .max)
    self.recorder = recorder
    shard = plan.shard
  }

  func next(writingThrough writer: inout JSONByteWriter, lane: Int) -> PreparedNotification? {
    let index = taken.withLock { taken -> Int? in
      while taken < limit {
        taken += 1
        if shard.owns(taken) { return taken - 1 }
      }
      return nil
    }
    guard let index else { return nil }
    recorder.notificationGenerated()
    return payloads.prepared(index, number: index + 1)
  }
}
