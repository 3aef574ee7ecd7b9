import Foundation
import Support

/// Checks a received body against the contract: the envelope's fields, each call's required
/// fields, types and enums, the shape of `RedailCall` and `AsrResult` entries, and the Sign.
/// Unknown keys are allowed (a receiver must not break when AIRudder adds a field).
package struct NotificationValidator: Sendable {
  package enum Verdict: Equatable {
    case valid(taskID: String, callIDs: [String])
    /// The body breaks the contract; the message names the first problem and where.
    case schemaViolation(String)
    /// Well-formed, but `Sign` is not md5(TaskID + KEY).
    case badSignature(taskID: String, sign: String)
  }

  package let key: String

  package init(key: String) {
    self.key = key
  }

  private static let envelope = ["workflow_id", "workflow_name", "nodetask_id", "nodetask_name", "TaskID", "TaskName", "Sign"]
  private static let requiredStrings = [
    "RobotID", "CalleeName", "CalleeGender", "CalleeNumber", "CallStartTime", "CallEndTime", "Intention", "CallID",
    "Comments", "PlatformName", "CaseID",
  ]
  private static let optionalStrings = [
    "intention_description", "BorrowedDate", "DueDate", "BorrowedAmount", "TotalOwingAmount", "CurrencyUnit", "ExtraA",
    "ExtraB", "ExtraC", "AskWhatsAPP", "AsrPTP", "caller_number",
  ]
  private static let optionalObjects = ["NerSlots", "Multi_intention", "EventLabel"]

  package func check(_ body: [UInt8]) -> Verdict {
    guard let parsed = try? JSONSerialization.jsonObject(with: Data(body)), let object = parsed as? [String: Any] else {
      return .schemaViolation("body is not a JSON object")
    }
    for key in Self.envelope {
      guard let value = object[key] else { return .schemaViolation("\(key): required field is missing") }
      guard value is String else { return .schemaViolation("\(key): expected a string") }
    }
    guard let details = object["Details"] else { return .schemaViolation("Details: required field is missing") }
    guard let calls = details as? [Any], !calls.isEmpty else { return .schemaViolation("Details: expected a non-empty array") }
    var callIDs: [String] = []
    for (index, element) in calls.enumerated() {
      guard let call = element as? [String: Any] else { return .schemaViolation("Details[\(index)]: expected an object") }
      if let problem = Self.problem(in: call) { return .schemaViolation("Details[\(index)].\(problem)") }
      callIDs.append(call["CallID"] as! String)
    }
    let taskID = object["TaskID"] as! String
    let sign = object["Sign"] as! String
    guard Signer.verify(taskID: taskID, sign: sign, key: key) else { return .badSignature(taskID: taskID, sign: sign) }
    return .valid(taskID: taskID, callIDs: callIDs)
  }

  private static func problem(in call: [String: Any]) -> String? {
    for key in requiredStrings {
      guard let value = call[key] else { return "\(key): required field is missing" }
      guard value is String else { return "\(key): expected a string" }
    }
    for key in ["id", "CallTimes"] {
      guard let value = call[key] else { return "\(key): required field is missing" }
      guard isInteger(value) else { return "\(key): expected an integer" }
    }
    guard let variables = call["Variables"] else { return "Variables: required field is missing" }
    guard variables is [String: Any] else { return "Variables: expected an object" }
    if let problem = enumProblem(call, "Status", CallStatus.allCases.map(\.rawValue), nullable: false) { return problem }
    if let problem = enumProblem(call, "HangupType", HangupType.allCases.map(\.rawValue), nullable: false) { return problem }
    guard call.keys.contains("RingType") else { return "RingType: required field is missing" }
    if let problem = enumProblem(call, "RingType", RingType.allCases.map(\.rawValue), nullable: true) { return problem }
    for key in ["CallStartTime", "CallEndTime"] where UTCTime.parseISO8601(call[key] as! String) == nil {
      return "\(key): expected a UTC time such as 2024-03-11T03:20:30Z"
    }
    for key in optionalStrings where present(call[key]) && !(call[key] is String) { return "\(key): expected a string" }
    for key in optionalObjects where present(call[key]) && !(call[key] is [String: Any]) { return "\(key): expected an object" }
    for key in ["RingTime", "TalkRound"] where present(call[key]) && !isInteger(call[key]!) { return "\(key): expected an integer" }
    if present(call["AsrResult"]) {
      guard let lines = call["AsrResult"] as? [Any] else { return "AsrResult: expected an array" }
      for (index, line) in lines.enumerated() {
        guard let entry = line as? [String: Any], entry["time"] is String, entry["robottext"] is String, entry["text"] is String else {
          return "AsrResult[\(index)]: expected {time, robottext, text} strings"
        }
      }
    }
    if present(call["RedailCall"]) {
      guard let dials = call["RedailCall"] as? [Any] else { return "RedailCall: expected an array" }
      for (index, dial) in dials.enumerated() {
        guard let entry = dial as? [String: Any] else { return "RedailCall[\(index)]: expected an object" }
        for key in ["CallID", "CallStartTime", "ResultLabel", "callee_number", "caller_number"] where !(entry[key] is String) {
          return "RedailCall[\(index)].\(key): expected a string"
        }
        guard let ringTime = entry["RingTime"], isInteger(ringTime) else { return "RedailCall[\(index)].RingTime: expected an integer" }
        if let problem = enumProblem(entry, "RingType", RingType.allCases.map(\.rawValue), nullable: true) { return "RedailCall[\(index)].\(problem)" }
        if let problem = enumProblem(entry, "HangupType", HangupType.allCases.map(\.rawValue), nullable: false) { return "RedailCall[\(index)].\(problem)" }
      }
    }
    return nil
  }

  private static func present(_ value: Any?) -> Bool {
    guard let value else { return false }
    return !(value is NSNull)
  }

  private static func isInteger(_ value: Any) -> Bool {
    guard let number = value as? NSNumber else { return false }
    return Double(number.int64Value) == number.doubleValue && !number.stringValue.contains(".")
  }

  private static func enumProblem(_ object: [String: Any], _ key: String, _ allowed: [String], nullable: Bool) -> String? {
    guard let value = object[key] else { return "\(key): required field is missing" }
    if value is NSNull { return nullable ? nil : "\(key): expected one of \(allowed.joined(separator: ", ")), got null" }
    guard let text = value as? String else { return "\(key): expected a string" }
    return allowed.contains(text) ? nil : "\(key): expected one of \(allowed.joined(separator: ", ")), got \"\(text)\""
  }
}
