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

  // The names each check reads, from the table by level, requirement and type; in the table's
  // order, so the first problem named is the one named before the table.
  private static let calls = ContractField.fields(at: .detail)
  private static let envelopeStrings = names(ContractField.fields(at: .envelope).filter { $0.type == .string })
  private static let requiredStrings = names(calls.filter { $0.isRequired && $0.type == .string })
  private static let requiredIntegers = names(calls.filter { $0.isRequired && $0.type == .integer })
  private static let requiredObjects = names(calls.filter { $0.isRequired && $0.type == .object })
  private static let optionalStrings = names(calls.filter { !$0.isRequired && $0.type == .string })
  private static let optionalObjects = names(calls.filter { !$0.isRequired && $0.type == .object })
  private static let optionalIntegers = names(calls.filter { !$0.isRequired && $0.type == .integer })
  private static let redialStrings = names(ContractField.fields(at: .redialCall).filter { $0.type == .string })
  private static let asrEntryStrings = names(ContractField.fields(at: .asrEntry))
  private static let asrEntryShape = "{\(asrEntryStrings.joined(separator: ", "))} strings"
  /// Enums are checked in this order (required ones first), as before the table.
  private static let enumerations: [ContractField] = [.status, .hangupType, .ringType]
  private static let utcTimes = names([.callStartTime, .callEndTime])
  private static let (details, callID, taskID, sign) = (
    ContractField.details.name, ContractField.callID.name, ContractField.taskID.name, ContractField.sign.name
  )
  private static let (asrResult, redialCalls, redialRingTime) = (
    ContractField.asrResult.name, ContractField.redialCalls.name, ContractField.redialRingTime.name
  )

  private static func names(_ fields: [ContractField]) -> [String] {
    fields.map(\.name)
  }

  package func check(_ body: [UInt8]) -> Verdict {
    guard let parsed = try? JSONSerialization.jsonObject(with: Data(body)), let object = parsed as? [String: Any] else {
      return .schemaViolation("body is not a JSON object")
    }
    for key in Self.envelopeStrings {
      guard let value = object[key] else { return .schemaViolation("\(key): required field is missing") }
      guard value is String else { return .schemaViolation("\(key): expected a string") }
    }
    guard let details = object[Self.details] else { return .schemaViolation("\(Self.details): required field is missing") }
    guard let calls = details as? [Any], !calls.isEmpty else {
      return .schemaViolation("\(Self.details): expected a non-empty array")
    }
    var callIDs: [String] = []
    for (index, element) in calls.enumerated() {
      guard let call = element as? [String: Any] else { return .schemaViolation("\(Self.details)[\(index)]: expected an object") }
      if let problem = Self.problem(in: call) { return .schemaViolation("\(Self.details)[\(index)].\(problem)") }
      callIDs.append(call[Self.callID] as! String)
    }
    let taskID = object[Self.taskID] as! String
    let sign = object[Self.sign] as! String
    guard Signer.verify(taskID: taskID, sign: sign, key: key) else { return .badSignature(taskID: taskID, sign: sign) }
    return .valid(taskID: taskID, callIDs: callIDs)
  }

  private static func problem(in call: [String: Any]) -> String? {
    for key in requiredStrings {
      guard let value = call[key] else { return "\(key): required field is missing" }
      guard value is String else { return "\(key): expected a string" }
    }
    for key in requiredIntegers {
      guard let value = call[key] else { return "\(key): required field is missing" }
      guard isInteger(value) else { return "\(key): expected an integer" }
    }
    for key in requiredObjects {
      guard let value = call[key] else { return "\(key): required field is missing" }
      guard value is [String: Any] else { return "\(key): expected an object" }
    }
    for field in enumerations {
      if let problem = enumProblem(call, field) { return problem }
    }
    for key in utcTimes where UTCTime.parseISO8601(call[key] as! String) == nil {
      return "\(key): expected a UTC time such as 2024-03-11T03:20:30Z"
    }
    for key in optionalStrings where present(call[key]) && !(call[key] is String) { return "\(key): expected a string" }
    for key in optionalObjects where present(call[key]) && !(call[key] is [String: Any]) { return "\(key): expected an object" }
    for key in optionalIntegers where present(call[key]) && !isInteger(call[key]!) { return "\(key): expected an integer" }
    if present(call[asrResult]) {
      guard let lines = call[asrResult] as? [Any] else { return "\(asrResult): expected an array" }
      for (index, line) in lines.enumerated() {
        guard let entry = line as? [String: Any], asrEntryStrings.allSatisfy({ entry[$0] is String }) else {
          return "\(asrResult)[\(index)]: expected \(asrEntryShape)"
        }
      }
    }
    if present(call[redialCalls]) {
      guard let dials = call[redialCalls] as? [Any] else { return "\(redialCalls): expected an array" }
      for (index, dial) in dials.enumerated() {
        guard let entry = dial as? [String: Any] else { return "\(redialCalls)[\(index)]: expected an object" }
        for key in redialStrings where !(entry[key] is String) {
          return "\(redialCalls)[\(index)].\(key): expected a string"
        }
        guard let ringTime = entry[redialRingTime], isInteger(ringTime) else {
          return "\(redialCalls)[\(index)].\(redialRingTime): expected an integer"
        }
        for field in [ContractField.redialRingType, .redialHangupType] {
          if let problem = enumProblem(entry, field) { return "\(redialCalls)[\(index)].\(problem)" }
        }
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

  /// A required `enum<string>` field: present, a string among its allowed values, or `null`
  /// where the table allows it.
  private static func enumProblem(_ object: [String: Any], _ field: ContractField) -> String? {
    let key = field.name
    let allowed = field.allowedValues
    guard let value = object[key] else { return "\(key): required field is missing" }
    if value is NSNull { return field.isNullable ? nil : "\(key): expected one of \(allowed.joined(separator: ", ")), got null" }
    guard let text = value as? String else { return "\(key): expected a string" }
    return allowed.contains(text) ? nil : "\(key): expected one of \(allowed.joined(separator: ", ")), got \"\(text)\""
  }
}
