/// Strings, and the words that describe what was found where something else was expected.
extension JSON5Parser {
  /// A `"…"` or `'…'` string with JSON5's escapes; the line may continue after a `\`.
  mutating func parseString() throws(JSON5SyntaxError) -> String {
    let start = position
    let quote = bytes[offset]
    advance()
    var text: [UInt8] = []
    while true {
      guard let byte = current else {
        throw fail("expected \(Self.quoted(quote)) to close the string begun at \(start), found the end of the file")
      }
      switch byte {
      case quote:
        advance()
        guard let string = String(validating: text, as: UTF8.self) else {
          throw JSON5SyntaxError(
            position: start, message: "expected UTF-8 text in the string begun here, found bytes that are not UTF-8")
        }
        return string
      case Byte.backslash:
        try parseEscape(into: &text)
      case Byte.lineFeed, Byte.carriageReturn:
        throw fail("expected \(Self.quoted(quote)) to close the string begun at \(start), found the end of the line")
      case ..<0x20:
        throw fail(
          "expected a character of the string, found control character \(Self.scalarName(UInt32(byte))) (write it as \\u\(Self.hex4(UInt32(byte))))"
        )
      default:
        text.append(byte)
        advance()
      }
    }
  }

  private mutating func parseEscape(into text: inout [UInt8]) throws(JSON5SyntaxError) {
    let start = position
    advance()
    guard let byte = current else { throw fail("expected an escape after \"\\\", found the end of the file") }
    let simple: UInt8? =
      switch byte {
      case Byte.doubleQuote, Byte.singleQuote, Byte.backslash, Byte.slash: byte
      case UInt8(ascii: "b"): 0x08
      case UInt8(ascii: "f"): 0x0C
      case UInt8(ascii: "n"): Byte.lineFeed
      case UInt8(ascii: "r"): Byte.carriageReturn
      case UInt8(ascii: "t"): Byte.tab
      default: nil
      }
    if let simple {
      advance()
      text.append(simple)
      return
    }
    switch byte {
    case Byte.lineFeed:
      advance()
    case Byte.carriageReturn:
      advance()
      if current == Byte.lineFeed { advance() }
    case UInt8(ascii: "x"):
      advance()
      append(scalar: try hexValue(digits: 2, escapeStart: start), to: &text)
    case UInt8(ascii: "u"):
      advance()
      var value = try hexValue(digits: 4, escapeStart: start)
      if (0xD800..<0xDC00).contains(value), current == Byte.backslash, peek(1) == UInt8(ascii: "u") {
        advance()
        advance()
        let low = try hexValue(digits: 4, escapeStart: start)
        guard (0xDC00..<0xE000).contains(low) else {
          throw JSON5SyntaxError(
            position: start, message: "expected a low surrogate after \\u\(Self.hex4(value)), found \\u\(Self.hex4(low))")
        }
        value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
      }
      guard let scalar = Unicode.Scalar(value) else {
        throw JSON5SyntaxError(
          position: start, message: "expected a Unicode character, found the lone surrogate \\u\(Self.hex4(value))")
      }
      append(scalar: scalar.value, to: &text)
    default:
      throw JSON5SyntaxError(
        position: start,
        message:
          "expected an escape (\\\" \\' \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX \\xXX), found \\\(found(after: 0, quoted: false))")
    }
  }

  private mutating func hexValue(digits: Int, escapeStart: SourcePosition) throws(JSON5SyntaxError) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<digits {
      guard let byte = current, let digit = Byte.hexValue(byte) else {
        throw fail("expected \(digits) hexadecimal digits in the escape at \(escapeStart), found \(found())")
      }
      value = value << 4 | digit
      advance()
    }
    return value
  }

  private func append(scalar value: UInt32, to text: inout [UInt8]) {
    guard let scalar = Unicode.Scalar(value) else { return }
    text.append(contentsOf: Array(String(Character(scalar)).utf8))
  }

  /// What is at the current position (or `ahead` bytes on), for "expected …, found …".
  func found(after ahead: Int = 0, quoted: Bool = true) -> String {
    let start = offset + ahead
    guard start < bytes.count else { return "the end of the file" }
    let byte = bytes[start]
    switch byte {
    case Byte.lineFeed, Byte.carriageReturn: return "the end of the line"
    case Byte.doubleQuote, Byte.singleQuote: return "a string"
    case ..<0x20, 0x7F: return "control character \(Self.scalarName(UInt32(byte)))"
    default: break
    }
    var end = start + 1
    if Byte.isIdentifier(byte) || byte == Byte.minus || byte == Byte.plus || byte == Byte.dot {
      while end < bytes.count, end - start < 40, Byte.isIdentifier(bytes[end]) || bytes[end] == Byte.dot { end += 1 }
    } else {
      while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
    }
    let text = String(decoding: bytes[start..<end], as: UTF8.self)
    return quoted ? "\"\(text)\"" : text
  }

  static func quoted(_ quote: UInt8) -> String {
    quote == Byte.singleQuote ? "\"'\"" : "'\"'"
  }

  static func scalarName(_ value: UInt32) -> String { "U+\(hex4(value))" }

  static func hex4(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}

extension JSON5Parser {
  /// The bytes the grammar names, and the classes it tests.
  enum Byte {
    static let tab = UInt8(ascii: "\t")
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let doubleQuote = UInt8(ascii: "\"")
    static let singleQuote = UInt8(ascii: "'")
    static let backslash = UInt8(ascii: "\\")
    static let slash = UInt8(ascii: "/")
    static let asterisk = UInt8(ascii: "*")
    static let plus = UInt8(ascii: "+")
    static let minus = UInt8(ascii: "-")
    static let dot = UInt8(ascii: ".")
    static let comma = UInt8(ascii: ",")
    static let colon = UInt8(ascii: ":")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    static func isHexDigit(_ byte: UInt8) -> Bool { hexValue(byte) != nil }

    static func hexValue(_ byte: UInt8) -> UInt32? {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
      default: nil
      }
    }

    /// Letters, digits, `_`, `$`, and every byte of a non-ASCII character (JSON5 identifiers
    /// allow Unicode letters; scenario keys are ASCII, so such a key is reported as unknown).
    static func isIdentifier(_ byte: UInt8) -> Bool {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
        UInt8(ascii: "_"), UInt8(ascii: "$"), 0x80...:
        true
      default: false
      }
    }
  }
}
