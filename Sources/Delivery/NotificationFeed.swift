import Contract
import Foundation
import Generation
import HTTP1
import Scenario
import Support
import Synchronization

/// The generator and signer behind a lock, so that every worker takes the next notification
/// from one sequence: numbering and bytes stay exactly what `generate` gives. Serialising, the
/// larger part of the work, happens outside the lock, so workers on other threads do not wait
/// (and spin) for it.
final class NotificationFeed: NotificationSource {
  private let source: Mutex<Source>
  private let recorder: any DeliveryRecorder

  /// The sequence and its signer, under the feed's lock.
  private struct Source {
    var iterator: NotificationGenerator.Iterator
    var signer: Signer
  }

  init(scenario: Scenario, plan: DeliveryPlan, recorder: any DeliveryRecorder) {
    source = Mutex(
      Source(
        iterator: NotificationGenerator(scenario: scenario, limit: plan.count, contacts: plan.contacts).makeIterator(),
        signer: Signer(key: plan.key))
    )
    self.recorder = recorder
  }

  /// The next notification, signed and serialised through `writer` (the caller's, reused
  /// so that a notification costs no buffer of its own), counted as generated; nil at the end.
  func next(writingThrough writer: inout JSONByteWriter) -> PreparedNotification? {
    let next = source.withLock { source -> GeneratedNotification? in
      guard var item = source.iterator.next() else { return nil }
      source.signer.sign(&item.notification)
      return item
    }
    guard let item = next else { return nil }
    // Counted outside the feed's lock: the ledger's own lock would lengthen the time the
    // other workers wait for the sequence.
    recorder.notificationGenerated()
    writer.reset()
    item.notification.write(to: &writer)
    return PreparedNotification(
      number: item.number, sendTime: item.sendTime, taskID: item.notification.taskID,
      firstCallID: item.notification.details.first?.callID ?? "", detailCount: item.notification.details.count,
      body: writer.withBytes { Data($0) })
  }
}
