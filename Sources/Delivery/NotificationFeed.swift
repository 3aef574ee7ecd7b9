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
/// for it. With `--shard i/n` every shard walks the whole sequence and signs and serialises
/// only its own notifications (`Shard.owns`); the others are skipped uncounted.
///
/// Workers of one lane (a connection loop) run on its thread. One of them at a time, the
/// lane's leader, takes turns at the sequence for the lane: it takes a few notifications at a
/// time, one for itself and one for each lane mate waiting, and hands them out. The others
/// wait for it without running, and a leader that finds another lane's leader at the
/// sequence waits until that one's release wakes it (`WakingLock`): nobody spins or blocks
/// a loop thread, which serves its sockets meanwhile.
final class NotificationFeed: NotificationSource {
  typealias Taken = (item: GeneratedNotification, firstSendTime: Int64)

  /// Under `turn`, so its lock is never contended (a contended `Mutex` asks the kernel).
  private let source: Mutex<Source>
  private let turn = WakingLock()
  private let recorder: any DeliveryRecorder
  private let shard: Shard
  private let lanes: [FeedLane]
  /// Notifications a leader takes in one turn at the least (when lanes share the sequence,
  /// so they meet at it less often) and at the most (however many mates wait).
  private let fewestAtOnce: Int
  private static var mostAtOnce: Int { 16 }

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
    self.lanes = (0..<max(1, lanes)).map { _ in FeedLane() }
    fewestAtOnce = lanes > 1 ? 4 : 1
  }

  /// The next notification, signed and serialised through `writer` (the caller's, reused
  /// so that a notification costs no buffer of its own), counted as generated; nil at the end.
  func next(writingThrough writer: inout JSONByteWriter, lane index: Int) async -> PreparedNotification? {
    let lane = lanes[index % lanes.count]
    var given = lane.state.withLock { $0.takeStashed() }
    if given == nil {
      given = await withUnsafeContinuation { continuation in
        if let now = lane.state.withLock({ $0.takeOrWait(continuation) }) { continuation.resume(returning: now) }
      }
    }
    let taken: Taken?
    switch consume given {
    case .taken(let item): taken = item
    case .lead: taken = await lead(lane)
    case .ended, nil: taken = nil
    }
    // Moved (`given` and `taken` consumed) into a `var`: writing reads the notification in
    // place (`write` says why), and while another binding held it, its calls were copied first.
    guard case (var item, let firstSendTime)? = consume taken else { return nil }
    // Counted outside the feed's lock: the ledger's own lock would lengthen the time the
    // other lanes wait for the sequence.
    recorder.notificationGenerated()
    writer.reset()
    item.notification.write(to: &writer)
    return PreparedNotification(
      number: item.number, sendTime: item.sendTime, firstSendTime: firstSendTime, taskID: item.notification.taskID,
      firstCallID: item.notification.details.first?.callID ?? "", detailCount: item.notification.details.count,
      body: writer.withBytes { Data($0) })
  }

  /// The leader's turn: waits for the sequence, takes one notification for itself and one
  /// for each mate waiting, and hands them out.
  private func lead(_ lane: FeedLane) async -> Taken? {
    await turn.acquire()
    let wanted = lane.state.withLock { min(Self.mostAtOnce, max(fewestAtOnce, 1 + $0.waiting)) }
    var batch = source.withLock { source in Self.take(wanted, from: &source, shard: shard) }
    turn.release()
    let ended = batch.count < wanted
    // Reversed in place (moves), so that each notification leaves the batch by a move.
    batch.withUnsafeMutableBufferPointer { $0.reverse() }
    let mine = batch.popLast()
    let resumes = lane.state.withLock { $0.handOut(&batch, ended: ended) }
    for (continuation, given) in resumes { continuation.resume(returning: given) }
    return mine
  }

  /// Up to `count` of this shard's next notifications, signed; fewer only at the end.
  private static func take(_ count: Int, from source: inout Source, shard: Shard) -> [Taken] {
    var batch: [Taken] = []
    batch.reserveCapacity(count)
    while batch.count < count, var item = source.iterator.next() {
      let first = source.firstSendTime ?? item.sendTime
      source.firstSendTime = first
      guard shard.owns(item.number) else { continue }
      source.signer.sign(&item.notification)
      batch.append((item, first))
    }
    return batch
  }
}
