import Contract
import Foundation
import HTTP1
import Support

/// What the mock receiver knows: per notification (by body digest) its ordinal and attempts,
/// the CallIDs it accepted, and every count. Shared by the connection threads under a lock.
final class ReceiverState: @unchecked Sendable {
  private let validator: NotificationValidator
  private let plan: FaultPlan
  private let recorder: ReceiverRecorder?
  private let condition = NSCondition()
  private var requests = 0
  private var answers: [String: Int] = [:]
  private var seen: [UInt64: (ordinal: Int, attempts: Int)] = [:]
  private var accepted: Set<UInt64> = []
  private var acceptedDetailCount = 0
  private var callIDs: Set<String> = []
  private var duplicates = 0
  private var badSignatures = 0
  private var schemaViolations = 0
  private var firstViolations: [String] = []
  private var stopping = false
  private let onAnswer: (@Sendable (ReceiverEvent) -> Void)?

  init(validator: NotificationValidator, plan: FaultPlan, recorder: ReceiverRecorder?, onAnswer: (@Sendable (ReceiverEvent) -> Void)?) {
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
    let (ordinal, attempt): (Int, Int) = condition.withLock {
      requests += 1
      var entry = seen[digest] ?? (ordinal: seen.count + 1, attempts: 0)
      entry.attempts += 1
      seen[digest] = entry
      return (entry.ordinal, entry.attempts)
    }
    let (decision, delay) = plan.decide(notification: digest, ordinal: ordinal, attempt: attempt)
    if decision == .drop {
      count(status: nil)
      recorder?.record(arrived: arrived, attempt: attempt, status: nil, request: request)
      onAnswer?(ReceiverEvent(time: arrived, notification: ordinal, attempt: attempt, status: nil, note: "connection dropped (injected fault)"))
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
      condition.withLock {
        schemaViolations += 1
        if firstViolations.count < 5 { firstViolations.append(problem) }
      }
    case .badSignature(let taskID, _):
      status = 401
      note = "bad Sign for TaskID \(taskID)"
      body = Array("{\"error\":\(JSONByteWriter.quoted("Sign does not match md5(TaskID + KEY) for TaskID \(taskID)"))}".utf8)
      condition.withLock { badSignatures += 1 }
    case .valid(_, let calls):
      if case .fail(let failure) = decision {
        status = failure
        body = Array(#"{"error":"injected fault"}"#.utf8)
        note = "injected fault" + (note.isEmpty ? "" : ", " + note)
      } else {
        status = 200
        condition.withLock {
          if accepted.insert(digest).inserted { acceptedDetailCount += calls.count }
          for call in calls where !callIDs.insert(call).inserted { duplicates += 1 }
          condition.broadcast()
        }
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
    condition.withLock {
      while !stopping && Date() < until { _ = condition.wait(until: until) }
    }
  }

  private func count(status: Int?) {
    condition.withLock { answers[status.map(String.init) ?? "dropped", default: 0] += 1 }
  }

  /// Ends delays and `--until` waits; the server's threads can then finish.
  func wakeUp() {
    condition.withLock {
      stopping = true
      condition.broadcast()
    }
  }

  /// After the server has stopped: nothing more will be recorded.
  func finish() {
    wakeUp()
    recorder?.close()
  }

  var recordFailure: OutputError? { recorder?.failure }

  func closeRecord() { recorder?.close() }

  func waitUntilAccepted(_ target: Int) {
    condition.withLock {
      while !stopping && accepted.count < target { condition.wait() }
    }
  }

  func counts() -> ReceiverCounts {
    condition.withLock {
      ReceiverCounts(
        requests: requests, accepted: accepted.count, details: acceptedDetailCount, uniqueCalls: callIDs.count,
        duplicates: duplicates, badSignatures: badSignatures, schemaViolations: schemaViolations, answers: answers,
        firstViolations: firstViolations)
    }
  }

  static func digest(_ body: [UInt8]) -> UInt64 {
    MD5.digest(body).prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
  }

}
