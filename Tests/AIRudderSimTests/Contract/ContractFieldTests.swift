import Foundation
import Testing

@testable import AIRudderSimCLI
@testable import Contract
@testable import Generation
@testable import Receiver
@testable import Reporting
@testable import Scenario
@testable import Support

/// The table of field names against the page's example, and the writer, Codable, the validator
/// and the scenario's `fields` settings against the table.
@Suite struct ContractFieldTests {
  private static let levels: [ContractField.Level] = [.envelope, .detail, .redialCall, .asrEntry]

  private static func names(_ level: ContractField.Level, required: Bool? = nil) -> Set<String> {
    Set(ContractField.fields(at: level).filter { required == nil || $0.isRequired == required }.map(\.name))
  }

  /// Every key of the page's example is a field of the table at its level, every required field
  /// of the table is in the example, and the table has as many fields as the page counts
  /// (`Details` objects of 36 fields, `RedailCall` of 8, `AsrResult` of 3).
  @Test func tableCoversThePageExample() throws {
    let example = try SeedExample()
    for level in Self.levels {
      let keys = example.keys(at: level)
      #expect(keys.subtracting(Self.names(level)).isEmpty, "example keys missing from the table at \(level)")
      #expect(Self.names(level, required: true).subtracting(keys).isEmpty, "required fields missing from the example at \(level)")
      #expect(ContractField.fields(at: level).count == Self.names(level).count, "a name twice at \(level)")
    }
    #expect(Self.names(.envelope) == example.keys(at: .envelope))
    #expect(ContractField.fields(at: .detail).count == 36)
    #expect(Self.names(.redialCall) == example.keys(at: .redialCall))
    #expect(Self.names(.asrEntry) == example.keys(at: .asrEntry))
    // The page's own spellings.
    for name in ["RedailCall", "AskWhatsAPP", "intention_description", "Multi_intention", "caller_number"] {
      #expect(Self.names(.detail).contains(name))
    }
    let collectionOnly = Set(ContractField.allCases.filter(\.isCollectionOnly).map(\.name))
    #expect(collectionOnly == ["BorrowedDate", "DueDate", "BorrowedAmount", "TotalOwingAmount", "CurrencyUnit"])
  }

  /// A call with every field written by the byte writer and by `JSONEncoder` has exactly the
  /// table's keys at every level, and decodes back to the same value.
  @Test func writerAndCodableWriteExactlyTheTable() throws {
    let notification = try SeedExample().full().notification()
    for bytes in [
      Data(notification.jsonBytes()), Data(notification.jsonBytes(pretty: true)), try JSONEncoder().encode(notification),
    ] {
      let written = try SeedExample(data: bytes)
      for level in Self.levels {
        #expect(written.keys(at: level) == Self.names(level), "keys at \(level)")
      }
      #expect(try JSONDecoder().decode(CallCompletionNotification.self, from: bytes) == notification)
    }
  }

  /// A call without its optional fields has the table's required keys only, or every key when
  /// it asks for nulls (then exactly the optional ones are null).
  @Test func absentOptionalsAreTheTablesOptionalFields() throws {
    let optional = ContractField.fields(at: .detail).filter { !$0.isRequired }
    var notification = try SeedExample().removing(optional).notification()
    #expect(notification.details[0].hasAbsentOptionalField)
    let omitted = try SeedExample(data: Data(notification.jsonBytes()))
    #expect(omitted.keys(at: .detail) == Self.names(.detail, required: true))
    notification.details[0].style = [.explicitNulls]
    let nulls = try SeedExample(data: Data(notification.jsonBytes()))
    #expect(nulls.keys(at: .detail) == Self.names(.detail))
    #expect(Set(nulls.firstCall.filter { $0.value is NSNull }.keys) == Self.names(.detail, required: false))
  }

  /// Removing a field from a valid body: a violation naming it when the table requires it, still
  /// valid when the table makes it optional; decoding agrees.
  @Test(arguments: ContractField.allCases)
  func validatorAndDecoderRequireWhatTheTableRequires(field: ContractField) throws {
    let body = try SeedExample().full().signed().removing([field]).data
    let verdict = NotificationValidator(key: "airudder").check(Array(body))
    let decoded = try? JSONDecoder().decode(CallCompletionNotification.self, from: body)
    if field.isRequired {
      guard case .schemaViolation(let message) = verdict else {
        Issue.record("\(field.name) removed: expected a schema violation, got \(verdict)")
        return
      }
      #expect(message.contains(field.name))
      #expect(decoded == nil)
    } else {
      #expect(verdict.isValid, "\(field.name) removed: \(verdict)")
      #expect(decoded != nil)
    }
  }

  /// A value of the wrong JSON type is a violation naming the field, as the table types it.
  @Test(arguments: ContractField.allCases)
  func validatorChecksTheTablesTypes(field: ContractField) throws {
    let wrong: Any =
      switch field.type {
      case .string: 1
      case .integer: "1"
      case .enumeration: "none of these"
      case .object, .array: "text"
      }
    let body = try SeedExample().full().signed().replacing(field, with: wrong).data
    guard case .schemaViolation(let message) = NotificationValidator(key: "airudder").check(Array(body)) else {
      Issue.record("\(field.name) of the wrong type was accepted")
      return
    }
    #expect(message.contains(field.name))
  }

  /// The scenario's `fields` settings are exactly the table's optional call fields that are not
  /// collection-only, each with a default rate.
  @Test func optionalFieldSettingsAreTheTablesOptionalFields() throws {
    let settable = ContractField.fields(at: .detail).filter { !$0.isRequired && !$0.isCollectionOnly }
    #expect(FieldPresence.fields == settable)
    #expect(Set(FieldPresence().rates.keys) == Set(settable))
    let settings = try scenario(#"{ "fields": { "RedailCall": 0.5, "AskWhatsAPP": 0, "intention_description": 0.25 } }"#)
    #expect(settings.fields[.redialCalls] == 0.5)
    #expect(settings.fields[.askWhatsAPP] == 0)
    #expect(settings.fields[.intentionDescription] == 0.25)
    #expect(throws: (any Error).self) {
      try scenario(#"{ "fields": { "RedialCall": 1 } }"#)
    }
    #expect(throws: (any Error).self) {
      try scenario(#"{ "fields": { "BorrowedDate": 1 } }"#)
    }
  }

  /// The table's keys as the writer's literals: `key` and `name` agree for every row.
  @Test func keysAndNamesAgree() {
    for field in ContractField.allCases {
      #expect(field.key.description == field.name)
      #expect(ContractField(stringValue: field.name)?.name == field.name)
      #expect(field.intValue == nil)
    }
  }
}

/// Arguments named with their level: `CallID` is a call's and a redial's.
extension ContractField: CustomTestStringConvertible {
  public var testDescription: String { "\(level).\(name)" }
}

extension NotificationValidator.Verdict {
  fileprivate var isValid: Bool {
    if case .valid = self { return true }
    return false
  }
}
