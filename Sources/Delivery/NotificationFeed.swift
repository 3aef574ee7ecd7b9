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
  /// Per lane (a connection loop's workers), notifications taken from the sequence ahead, next
  /// last. A worker takes a few at a time when other lanes share the sequence, so the lanes meet
  /// at its lock a few times less often; a lane's workers run on one thread, so its own lock
  /// never waits. Nothing stashed is counted until it is handed out.
  private let stashes: [Stash]
  private let takeAtOnce: Int

  /// The sequence and its signer, under the feed's lock.
  private struct Source {
    var iterator: NotificationGenerator.Iterator
    var signer: Signer
    /// The whole run's first simulated send time (notification 1's, whichever shard sends it).
    var firstSendTime: Int64?
  }

  init(scenario: Scenario, plan: DeliveryPlan, recorder: any DeliveryRecorder, lanes: Int = 1) {
    source = Mutex(
      Source(
        iterator: NotificationGenerator(scenario: scenario, limit: plan.count, contacts: plan.contacts).makeIterator(),
        signer: Signer(key: plan.key))
    )
    self.recorder = recorder
    shard = plan.shard
    stashes = (0..<max(1, lanes)).map { _ in Stash() }
    takeAtOnce = lanes > 1 ? 4 : 1
  }

  /// The next notification, signed and serialised through `writer` (the caller's, reused
  /// so that a notification costs no buffer of its own), counted as generated; nil at the end.
  /// While another worker holds the sequence, this one yields instead of waiting: its
  /// thread (a connection loop) serves sockets and other workers meanwhile, where a blocked
  /// lock would spin or sleep.
  func next(writingThrough writer: inout JSONByteWriter, lane: Int) async -> PreparedNotification? {
    let stash = stashes[lane % stashes.count]
    var taken = stash.taken.withLock { $0.popLast() }
    while taken == nil {
      let tookTurn = source.withLockIfAvailable { source in
        var batch: [(item: GeneratedNotification, firstSendTime: Int64)] = []
        while batch.count < takeAtOnce, var item = source.iterator.next() {
          let first = source.firstSendTime ?? item.sendTime
          source.firstSendTime = first
          guard shard.owns(item.number) else { continue }
          source.signer.sign(&item.notification)
          batch.append((item, first))
        }
        return batch
      }
      guard var batch = tookTurn else {
        await Task.yield()
        // A lane mate may have filled the stash meanwhile.
        taken = stash.taken.withLock { $0.popLast() }
        continue
      }
      if batch.isEmpty { break }
      batch.reverse()
      taken = batch.popLast()
      if !batch.isEmpty { stash.taken.withLock { $0 = batch + $0 } }
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

/// One lane's notifications taken ahead (a class: a `Mutex` cannot sit in an array).
private final class Stash: Sendable {
  let taken = Mutex<[(item: GeneratedNotification, firstSendTime: Int64)]>([])
}
