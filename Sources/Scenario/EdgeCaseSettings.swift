import Contract

/// Switches that make payloads a receiver must also survive. Each is the fraction of calls
/// that get it; all are 0 by default.
package struct EdgeCaseSettings: Decodable, Sendable {
  /// Every optional field omitted (collection fields too).
  package var allOptionalAbsent = 0.0
  /// Every optional field present, even those a call would not have (empty transcript, 0 rounds).
  package var allOptionalPresent = 0.0
  /// Absent optional fields written as JSON `null` instead of omitted.
  package var explicitNulls = 0.0
  /// Of calls whose `RingType` is null, those that write it as the string `"null"`.
  package var ringTypeNullString = 0.0
  /// Free-text fields (`CalleeName`, `CalleeGender`, `Comments`, `Intention`, …) left empty.
  package var emptyStrings = 0.0
  /// Names `longNameLength` characters long.
  package var longNames = 0.0
  package var longNameLength = 300
  /// Names in Chinese, Arabic, Thai, Devanagari, Cyrillic or with emoji, whatever the locale.
  package var nonLatinNames = 0.0
  /// Names with quotes, backslashes and control characters that JSON must escape.
  package var escapedNames = 0.0

  package init() {}

  enum CodingKeys: String, CodingKey, CaseIterable {
    case allOptionalAbsent, allOptionalPresent, explicitNulls, ringTypeNullString, emptyStrings
    case longNames, longNameLength, nonLatinNames, escapedNames
  }

  package init(from decoder: any Decoder) throws {
    let s = try SettingsContainer(decoder, keys: CodingKeys.self)
    allOptionalAbsent = try s.rate(.allOptionalAbsent, default: 0)
    allOptionalPresent = try s.rate(.allOptionalPresent, default: 0)
    guard allOptionalAbsent + allOptionalPresent <= 1 else {
      throw s.invalid(.allOptionalPresent, "expected allOptionalAbsent + allOptionalPresent to be at most 1")
    }
    explicitNulls = try s.rate(.explicitNulls, default: 0)
    ringTypeNullString = try s.rate(.ringTypeNullString, default: 0)
    emptyStrings = try s.rate(.emptyStrings, default: 0)
    longNames = try s.rate(.longNames, default: 0)
    longNameLength = try s.value(.longNameLength, default: 300, in: 1...10_000, expected: "a whole number from 1 to 10000")
    nonLatinNames = try s.rate(.nonLatinNames, default: 0)
    escapedNames = try s.rate(.escapedNames, default: 0)
  }
}
