/// Decodes `Decodable` types straight from a `JSON5Value` tree. A decoder of our own rather
/// than strict JSON fed to `JSONDecoder`: every error carries the coding path into the very
/// tree that knows each value's line and column, and the messages say what was expected and
/// what was written (`expected a whole number, got 2.5`, `expected a number, got NaN`).
struct JSON5ValueDecoder: Decoder, SingleValueDecodingContainer {
  let value: JSON5Value
  let codingPath: [any CodingKey]

  init(value: JSON5Value, codingPath: [any CodingKey] = []) {
    self.value = value
    self.codingPath = codingPath
  }

  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    guard case .object(let object) = value.kind else { throw mismatch([String: String].self, expected: "an object") }
    return KeyedDecodingContainer(JSON5KeyedContainer<Key>(object: object, position: value.position, codingPath: codingPath))
  }

  func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
    guard case .array(let elements) = value.kind else { throw mismatch([String].self, expected: "an array") }
    return JSON5UnkeyedContainer(elements: elements, codingPath: codingPath)
  }

  func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

  func decodeNil() -> Bool {
    if case .null = value.kind { return true }
    return false
  }

  func decode(_ type: Bool.Type) throws -> Bool {
    guard case .bool(let bool) = value.kind else { throw mismatch(type, expected: "true or false") }
    return bool
  }

  func decode(_ type: String.Type) throws -> String {
    guard case .string(let string) = value.kind else { throw mismatch(type, expected: "a string") }
    return string
  }

  func decode(_ type: Double.Type) throws -> Double {
    guard case .number(let literal) = value.kind else { throw mismatch(type, expected: "a number") }
    let number = Self.double(literal)
    guard number.isFinite else {
      let nonFinite = literal.hasSuffix("NaN") || literal.hasSuffix("Infinity")
      throw mismatch(type, expected: nonFinite ? "a number" : "a number from -1.7e308 to 1.7e308")
    }
    return number
  }

  func decode(_ type: Float.Type) throws -> Float {
    let number = Float(try decode(Double.self))
    guard number.isFinite else { throw mismatch(type, expected: "a number from -3.4e38 to 3.4e38") }
    return number
  }

  func decode(_ type: Int.Type) throws -> Int { try integer(type) }
  func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
  func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
  func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
  func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
  func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
  func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
  func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
  func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
  func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }

  func decode<T: Decodable>(_ type: T.Type) throws -> T {
    try T(from: self)
  }

  /// A whole number of `type`: integer literals are converted exactly (never through a
  /// Double, which would round 2^53 + 1); `1e3` and `2.0` are whole and accepted.
  private func integer<Integer: FixedWidthInteger>(_ type: Integer.Type) throws -> Integer {
    guard case .number(let literal) = value.kind else { throw mismatch(type, expected: "a whole number") }
    if let exact = Self.integer(literal, as: type) { return exact }
    let number = Self.double(literal)
    guard number.isFinite, number == number.rounded() else { throw mismatch(type, expected: "a whole number") }
    if let whole = Integer(exactly: number) { return whole }
    throw mismatch(type, expected: "a whole number from \(Integer.min) to \(Integer.max)")
  }

  /// A typed error at this value: `expected a whole number, got 2.5`; `got null` is a
  /// missing value rather than a wrong one.
  func mismatch(_ type: Any.Type, expected: String) -> DecodingError {
    let context = DecodingError.Context(codingPath: codingPath, debugDescription: "expected \(expected), got \(value.found)")
    if case .null = value.kind { return .valueNotFound(type, context) }
    return .typeMismatch(type, context)
  }

  /// Decimal and hexadecimal integer literals, with an optional sign; nil for anything else
  /// or out of range.
  static func integer<Integer: FixedWidthInteger>(_ literal: String, as type: Integer.Type) -> Integer? {
    var digits = Substring(literal)
    let negative = digits.first == "-"
    if digits.first == "-" || digits.first == "+" { digits.removeFirst() }
    var radix = 10
    if digits.hasPrefix("0x") || digits.hasPrefix("0X") {
      digits.removeFirst(2)
      radix = 16
    }
    guard !digits.isEmpty, digits.allSatisfy({ $0.isHexDigit && (radix == 16 || $0.isNumber) }) else { return nil }
    return Integer(negative ? "-" + digits : String(digits), radix: radix)
  }

  /// Any number literal the parser accepts, as a Double (infinite when out of range). Swift's
  /// own parser reads every JSON5 form (`.5`, `5.`, `+1`, `0x1F`, `-Infinity`, `NaN`).
  static func double(_ literal: String) -> Double {
    Double(literal) ?? .nan
  }
}
