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
/// (and spin) for it. With `--shard i/n` every shard walks the whole sequence and signs and
/// serialises only its own notifications (`Shard.owns`); the others are skipped uncounted.
final class NotificationFeed: NotificationSource {
  private let source: Mutex<Source>
  private let recorder: any DeliveryRecorder
  private let shard: Shard

  /// The sequence and its signer, under the feed's lock.
  private struct Source {
    var iterator: NotificationGenerator.Iterator
    var signer: Signer
    /// The whole run's first simulated send time (notification 1's, whichever shard sends it).
    var firstSendTime: Int64?
  }

  init(scenario: Scenario, plan: DeliveryPlan, recorder: any DeliveryRecorder) {
    source = Mutex(
      Source(
        iterator: NotificationGenerator(scenario: scenario, limit: plan.count, contacts: plan.contacts).makeIterator(),
        signer: Signer(key: plan.key))
    )
    self.recorder = recorder
    shard = plan.shard
  }

  /// The next notification, signed and serialised through `writer` (the caller's, reused
  /// so that a notification costs no buffer of its own), counted as generated; nil at the end.
  /// While another worker holds the sequence, this one yields instead of waiting: its
  /// thread (a connection loop) serves sockets and other workers meanwhile, where a blocked
  /// lock would spin or sleep.
  func next(writingThrough writer: inout JSONByteWriter) async -> PreparedNotification? {
    var taken: (item: GeneratedNotification, firstSendTime: Int64)?
    while true {
      let tookTurn = source.withLockIfAvailable { source in
        while var item = source.iterator.next() {
          let first = source.firstSendTime ?? item.sendTime
          source.firstSendTime = first
          guard shard.owns(item.number) else { continue }
          source.signer.sign(&item.notification)
          taken = (item, first)
          return
        }
      }
      if tookTurn != nil { break }
      await Task.yield()
    }
    guard let (item, firstSendTime) = taken else { return nil }
    // Counted outside the feed's lock: the ledger's own lock would lengthen the time the
    // other workers wait for the sequence.
    recorder.notificationGenerated()
    writer.reset()
    item.notification.write(to: &writer)
    return PreparedNotification(
      number: item.number, sendTime: item.sendTime, firstSendTime: firstSendTime, taskID: item.notification.taskID,
      firstCallID: item.notification.details.first?.callID ?? "", detailCount: item.notification.details.count,
      body: writer.withBytes { Data($0) })
  }
}
