import Support
import Synchronization

/// Replayed payloads as a `NotificationSource`: each taken once, in order, up to the plan's
/// count, counted as generated. Its bytes are the payload's own (or with `Sign` replaced).
final class ReplayFeed: NotificationSource {
  private let payloads: ReplayPayloads
  private let limit: Int
  private let taken = Mutex(0)
  private let recorder: any DeliveryRecorder

  init(payloads: ReplayPayloads, plan: DeliveryPlan, recorder: any DeliveryRecorder) {
    self.payloads = payloads
    limit = min(payloads.count, plan.count ?? .max)
    self.recorder = recorder
  }

  func next(writingThrough writer: inout JSONByteWriter) -> PreparedNotification? {
    let index = taken.withLock { taken -> Int? in
      guard taken < limit else { return nil }
      taken += 1
      return taken - 1
    }
    guard let index else { return nil }
    recorder.notificationGenerated()
    return payloads.prepared(index, number: index + 1)
  }
}
