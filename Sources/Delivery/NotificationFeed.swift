import Contract
import Foundation
import Generation
import HTTP1
import Scenario
import Support
import Synchronization

/// The generator, signer and serialiser behind a lock, so that every worker takes the next
/// notification from one sequence: numbering and bytes stay exactly what `generate` gives.
final class NotificationFeed: Sendable {
  private let source: Mutex<Source>
  private let recorder: any DeliveryRecorder

  /// The sequence and the tools that turn its next item into bytes, under the feed's lock.
  private struct Source: ~Copyable {
    var iterator: NotificationGenerator.Iterator
    var signer: Signer
    var writer = JSONByteWriter(capacity: 1 << 14)
  }

  init(scenario: Scenario, plan: DeliveryPlan, recorder: any DeliveryRecorder) {
    source = Mutex(
      Source(iterator: NotificationGenerator(scenario: scenario, limit: plan.count).makeIterator(), signer: Signer(key: plan.key))
    )
    self.recorder = recorder
  }

  /// The next notification, signed and serialised, counted as generated; nil at the end.
  func next() -> PreparedNotification? {
    source.withLock { source in
      guard var item = source.iterator.next() else { return nil }
      source.signer.sign(&item.notification)
      source.writer.reset()
      item.notification.write(to: &source.writer)
      recorder.notificationGenerated()
      return PreparedNotification(
        number: item.number, sendTime: item.sendTime, taskID: item.notification.taskID,
        firstCallID: item.notification.details.first?.callID ?? "", detailCount: item.notification.details.count,
        body: source.writer.withBytes { Data($0) })
    }
  }
}
