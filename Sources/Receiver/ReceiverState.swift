import Contract
import Foundation
import HTTP1
import Support
import Synchronization

/// What the mock receiver knows: per notification (by body digest) its ordinal and attempts,
/// the CallIDs it accepted, and every count. Shared by the connection threads under a lock.
final class ReceiverState: Sendable {
  private let validator: NotificationValidator
  private let plan: FaultPlan
  private let recorder: ReceiverRecorder?
  private let tally = Mutex(Tally())
  /// Wakes the threads waiting out a delay or for `--until`. It guards nothing: each change
  /// they wait for is made in `tally` first, then announced under this lock, while a waiter
  /// checks under it, so no announcement falls between a check and the wait.
  private let doorbell = NSCondition()
  private let onAnswer: (@Sendable (ReceiverEvent) -> Void)?

  private struct Tally {
    var requests = 0
    var answers: [String: Int] = [:]
    var seen: [UInt64: (ordinal: Int, attempts: Int)] = [:]
    var accepted: Set<UInt64> = []
    var acceptedDetailCount = 0
    var callIDs: Set<String> = []
    var duplicates = 0
    var badSignatures = 0
    var schemaViolations = 0
    var firstViolations: [String] = []
    var stopping = false
  }

  init(
    validator: NotificationValidator, plan: FaultPlan, recorder: ReceiverRecorder?, onAnswer: (@Sendable (ReceiverEvent) -> Void)?
  ) {
    self.validator = validator
    self.plan = plan
    self.recorder = recorder
    self.onAnswer = onAnswer
  }

  func answer(_ request: HTTPRequest) -> HTTPAnswer {
    let arrived = Date().timeIntervalSince1970
    guard request.method == "POST" else {
      count(status: 405)
      return .respond(status: 405, body: Array(#"{"error":"AIRudder notifications are POSTed"}"#.utf8))
    }
    let digest = Self.digest(request.body)
    let (ordinal, attempt): (Int, Int) = tally.withLock { tally in
      tally.requests += 1
      var entry = tally.seen[digest] ?? (ordinal: tally.seen.count + 1, attempts: 0)
      entry.attempts += 1
      tally.seen[digest] = entry
      return (entry.ordinal, entry.attempts)
    }
    let (decision, delay) = plan.decide(notification: digest, ordinal: ordinal, attempt: attempt)
    if decision == .drop {
      count(status: nil)
      recorder?.record(arrived: arrived, attempt: attempt, status: nil, request: request)
      onAnswer?(
        ReceiverEvent(
          time: arrived, notification: ordinal, attempt: attempt, status: nil, note: "connection dropped (injected fault)"))
      return .drop
    }
    if delay > .zero { pause(delay) }
    let status: Int
    var body = Array("{}".utf8)
    var note = delay > .zero ? "answered after \(SettingDuration(seconds: delay.seconds))" : ""
    switch validator.check(request.body) {
    case .schemaViolation(let problem):
      status = 400
      note = problem
      body = Array("{\"error\":\(JSONByteWriter.quoted(problem))}".utf8)
      tally.withLock { tally in
        tally.schemaViolations += 1
        if tally.firstViolations.count < 5 { tally.firstViolations.append(problem) }
      }
    case .badSignature(let taskID, _):
      status = 401
      note = "bad Sign for TaskID \(taskID)"
      body = Array("{\"error\":\(JSONByteWriter.quoted("Sign does not match md5(TaskID + KEY) for TaskID \(taskID)"))}".utf8)
      tally.withLock { $0.badSignatures += 1 }
    case .valid(_, let calls):
      if case .fail(let failure) = decision {
        status = failure
        body = Array(#"{"error":"injected fault"}"#.utf8)
        note = "injected fault" + (note.isEmpty ? "" : ", " + note)
      } else {
        status = 200
        tally.withLock { tally in
          if tally.accepted.insert(digest).inserted { tally.acceptedDetailCount += calls.count }
          for call in calls where !tally.callIDs.insert(call).inserted { tally.duplicates += 1 }
        }
        ring()
      }
    }
    count(status: status)
    recorder?.record(arrived: arrived, attempt: attempt, status: status, request: request)
    onAnswer?(ReceiverEvent(time: arrived, notification: ordinal, attempt: attempt, status: status, note: note))
    return .respond(status: status, body: body)
  }

  /// Waits out an injected delay, but not past a stop.
  private func pause(_ delay: Duration) {
    let until = Date().addingTimeInterval(delay.seconds)
    doorbell.withLock {
      while !tally.withLock({ $0.stopping }) && Date() < until { _ = doorbell.wait(until: until) }
    }
  }

  /// Wakes every waiter to check again (after a change made in `tally`).
  private func ring() {
    doorbell.withLock { doorbell.broadcast() }
  }

  private func count(status: Int?) {
    tally.withLock { $0.answers[status.map(String.init) ?? "dropped", default: 0] += 1 }
  }

  /// Ends delays and `--until` waits; the server's threads can then finish.
  func wakeUp() {
    tally.withLock { $0.stopping = true }
    ring()
  }

  /// After the server has stopped: nothing more will be recorded.
  func finish() {
    wakeUp()
    recorder?.close()
  }

  var recordFailure: OutputError? { recorder?.failure }

  func closeRecord() { recorder?.close() }

  func waitUntilAccepted(_ target: Int) {
    doorbell.withLock {
      while !tally.withLock({ $0.stopping || $0.accepted.count >= target }) { doorbell.wait() }
    }
  }

  func counts() -> ReceiverCounts {
    tally.withLock { tally in
      ReceiverCounts(
        requests: tally.requests, accepted: tally.accepted.count, details: tally.acceptedDetailCount,
        uniqueCalls: tally.callIDs.count, duplicates: tally.duplicates, badSignatures: tally.badSignatures,
        schemaViolations: tally.schemaViolations, answers: tally.answers, firstViolations: tally.firstViolations)
    }
  }

  static func digest(_ body: [UInt8]) -> UInt64 {
    MD5.digest(body).prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
  }

}
