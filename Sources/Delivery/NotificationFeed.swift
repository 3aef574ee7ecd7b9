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
final class NotificationFeed: Sendable {
  private let source: Mutex<Source>
  private let recorder: any DeliveryRecorder

  /// The sequence and its signer, under the feed's lock.
  private struct Source {
    var iterator: NotificationGenerator.Iterator
    var signer: Signer
  }

  init(scenario: Scenario, plan: DeliveryPlan, recorder: any DeliveryRecorder) {
    source = Mutex(
      Source(iterator: NotificationGenerator(scenario: scenario, limit: plan.count).makeIterator(), signer: Signer(key: plan.key))
    )
    self.recorder = recorder
  }

  /// The next notification, signed and serialised through `writer` (the caller's, reused
  /// so that a notification costs no buffer of its own), counted as generated; nil at the end.
  /// While another worker holds the sequence, this one yields instead of waiting: its
  /// thread (a connection loop) serves sockets and other workers meanwhile, where a blocked
  /// lock would spin or sleep.
  func next(writingThrough writer: inout JSONByteWriter) async -> PreparedNotification? {
    var taken: GeneratedNotification?
    while true {
      let tookTurn = source.withLockIfAvailable { source in
        taken = source.iterator.next()
        if taken != nil { source.signer.sign(&taken!.notification) }
      }
      if tookTurn != nil { break }
      await Task.yield()
    }
    guard let item = taken else { return nil }
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
