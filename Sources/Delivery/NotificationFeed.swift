import Contract
import Foundation
import Generation
import HTTP1
import Scenario
import Support

/// The generator, signer and serialiser behind a lock, so that every worker takes the next
/// notification from one sequence: numbering and bytes stay exactly what `generate` gives.
final class NotificationFeed: @unchecked Sendable {
  private let lock = NSLock()
  private var iterator: NotificationGenerator.Iterator
  private var signer: Signer
  private var writer = JSONByteWriter(capacity: 1 << 14)
  private let recorder: any DeliveryRecorder

  init(scenario: Scenario, plan: DeliveryPlan, recorder: any DeliveryRecorder) {
    iterator = NotificationGenerator(scenario: scenario, limit: plan.count).makeIterator()
    signer = Signer(key: plan.key)
    self.recorder = recorder
  }

  /// The next notification, signed and serialised, counted as generated; nil at the end.
  func next() -> PreparedNotification? {
    lock.withLock {
      guard var item = iterator.next() else { return nil }
      signer.sign(&item.notification)
      writer.reset()
      item.notification.write(to: &writer)
      recorder.notificationGenerated()
      return PreparedNotification(
        number: item.number, sendTime: item.sendTime, taskID: item.notification.taskID,
        firstCallID: item.notification.details.first?.callID ?? "", detailCount: item.notification.details.count,
        body: writer.withBytes { Data($0) })
    }
  }
}
