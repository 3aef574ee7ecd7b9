import Support

/// Decodes one settings object: every key optional with a default, unknown keys rejected with
/// a suggestion, out-of-range values rejected with what was expected. Errors are thrown as
/// `DecodingError`s carrying the key path, which `ScenarioLoader` turns into messages that
/// name the file and the key.
struct SettingsContainer<Key: CodingKey & CaseIterable & RawRepresentable<String>> {
  let container: KeyedDecodingContainer<Key>

  init(_ decoder: any Decoder, keys: Key.Type = Key.self) throws {
    let all = try decoder.container(keyedBy: AnyKey.self)
    let known = Key.allCases.map(\.rawValue)
    for key in all.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) where Key(rawValue: key.stringValue) == nil {
      let message = Suggestion.unknown("key", key.stringValue, among: known)
      throw DecodingError.dataCorrupted(.init(codingPath: all.codingPath + [key], debugDescription: message))
    }
    container = try decoder.container(keyedBy: Key.self)
  }

  var codingPath: [any CodingKey] { container.codingPath }

  func contains(_ key: Key) -> Bool { container.contains(key) }

  /// The value at `key`, or `defaultValue` when the key is absent or `null`.
  func value<T: Decodable>(_ key: Key, default defaultValue: @autoclosure () -> T) throws -> T {
    try container.decodeIfPresent(T.self, forKey: key) ?? defaultValue()
  }

  /// The value at `key`, nil when absent or `null`.
  func optional<T: Decodable>(_ key: Key) throws -> T? {
    try container.decodeIfPresent(T.self, forKey: key)
  }

  /// A number that must lie in `range`.
  func value<T: Decodable & Comparable>(
    _ key: Key, default defaultValue: T, in range: ClosedRange<T>, expected: String
  ) throws -> T {
    let value = try self.value(key, default: defaultValue)
    guard range.contains(value) else { throw invalid(key, "expected \(expected), got \(value)") }
    return value
  }

  /// A number that must lie in `range` when given; nil when absent or `null`.
  func optional<T: Decodable & Comparable>(_ key: Key, in range: ClosedRange<T>, expected: String) throws -> T? {
    guard let value: T = try optional(key) else { return nil }
    guard range.contains(value) else { throw invalid(key, "expected \(expected), got \(value)") }
    return value
  }

  /// A probability in 0...1.
  func rate(_ key: Key, default defaultValue: Double) throws -> Double {
    try value(key, default: defaultValue, in: 0...1, expected: "a rate from 0 to 1")
  }

  /// An error at `key` with `message`.
  func invalid(_ key: Key, _ message: String) -> DecodingError {
    DecodingError.dataCorrupted(.init(codingPath: codingPath + [key], debugDescription: message))
  }

  /// An error at this object itself.
  func invalidHere(_ message: String) -> DecodingError {
    DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: message))
  }
}

/// Any string key, to list what a JSON object holds.
struct AnyKey: CodingKey {
  var stringValue: String
  var intValue: Int?
  init(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) {
    self.stringValue = String(intValue)
    self.intValue = intValue
  }
}

/// A scenario setting with a fixed set of names; decoding names the choices when one is wrong.
protocol SettingChoice: RawRepresentable<String>, CaseIterable, Decodable {}

extension SettingChoice {
  static func decodeChoice(from decoder: any Decoder) throws -> Self {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    if let value = Self(rawValue: text) { return value }
    throw DecodingError.dataCorruptedError(
      in: container, debugDescription: Suggestion.unknown("value", text, among: allCases.map(\.rawValue)))
  }
}
