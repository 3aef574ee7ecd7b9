import Support

/// Finds the notifications in a text of them (one a line, concatenated, or the elements of
/// one JSON array: what `generate` writes or a receiver captured), checking strict JSON
/// syntax as it goes, so that a malformed object is named by line and column before any is
/// sent. It copies nothing: each object is a byte range of the text, with the ranges of the
/// few fields a sender needs (`TaskID` and `Sign` for re-signing, the first `CallID`, the
/// latest `CallEndTime` for the timeline).
package struct PayloadScanner {
  /// What a sender needs of one notification. Ranges index the scanned bytes; string ranges
  /// are the contents between the quotes.
  package struct Summary: Sendable {
    package var range: Range<Int> = 0..<0
    package var line = 1
    package var column = 1
    package var taskID: Range<Int>?
    package var sign: Range<Int>?
    package var firstCallID: Range<Int>?
    package var details = 0
    /// Latest `Details[].CallEndTime`, UTC seconds; nil when no call has a readable one.
    package var latestCallEnd: Int64?

    package init() {}
  }

  /// Where and why the text stops being JSON notifications.
  package struct SyntaxError: Error, Sendable, Equatable {
    package var line: Int
    package var column: Int
    package var message: String
  }

  private enum Context {
    case top, details, detail, other
  }

  private let bytes: UnsafeBufferPointer<UInt8>
  private var index = 0
  private var line = 1
  private var lineStart = 0
  private var depth = 0
  private var summary = Summary()

  private init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  /// Calls `body` with each top-level object of `bytes`, in order. Throws the first
  /// `SyntaxError`, or what `body` throws.
  package static func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Summary) throws -> Void) throws {
    var scanner = PayloadScanner(bytes)
    try scanner.scanAll(body)
  }

  /// The summary of one object on its own (ranges relative to `bytes`).
  package static func summarize(_ bytes: UnsafeBufferPointer<UInt8>) throws(SyntaxError) -> Summary {
    var scanner = PayloadScanner(bytes)
    scanner.skipWhitespace()
    guard scanner.index < bytes.count, bytes[scanner.index] == UInt8(ascii: "{") else {
      throw scanner.fail("expected a JSON object")
    }
    try scanner.topObject()
    return scanner.summary
  }

  private mutating func scanAll(_ body: (Summary) throws -> Void) throws {
    // A byte-order mark, as Windows tools write before captured payloads, is not content.
    if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { index = 3 }
    skipWhitespace()
    if index < bytes.count && bytes[index] == UInt8(ascii: "[") {
      index += 1
      skipWhitespace()
      if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
        index += 1
      } else {
        while true {
          skipWhitespace()
          guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else {
            throw fail(index < bytes.count ? "expected a notification (a JSON object) in the array" : "the array is not closed")
          }
          try topObject()
          try body(summary)
          skipWhitespace()
          guard index < bytes.count else { throw fail("the array is not closed (expected ',' or ']')") }
          if bytes[index] == UInt8(ascii: ",") {
            index += 1
            continue
          }
          guard bytes[index] == UInt8(ascii: "]") else { throw fail("expected ',' or ']' after a notification") }
          index += 1
          break
        }
      }
      skipWhitespace()
      guard index == bytes.count else { throw fail("unexpected text after the array") }
      return
    }
    while true {
      skipWhitespace()
      guard index < bytes.count else { return }
      guard bytes[index] == UInt8(ascii: "{") else { throw fail("expected a notification (a JSON object)") }
      try topObject()
      try body(summary)
    }
  }

  private mutating func topObject() throws(SyntaxError) {
    summary = Summary()
    summary.line = line
    summary.column = column(at: index)
    let start = index
    let startLine = line
    let startColumn = summary.column
    do {
      try object(.top)
    } catch {
      if index >= bytes.count {
        throw SyntaxError(
          line: error.line, column: error.column,
          message: "the notification starting at line \(startLine), column \(startColumn) is not complete")
      }
      throw error
    }
    summary.range = start..<index
  }

  // MARK: Values

  private mutating func value(_ context: Context) throws(SyntaxError) {
    skipWhitespace()
    guard index < bytes.count else { throw fail("unexpected end of input, expected a value") }
    switch bytes[index] {
    case UInt8(ascii: "{"): try object(context)
    case UInt8(ascii: "["): try array(context)
    case UInt8(ascii: "\""): _ = try string()
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
    case UInt8(ascii: "t"): try literal("true")
    case UInt8(ascii: "f"): try literal("false")
    case UInt8(ascii: "n"): try literal("null")
    default: throw fail("unexpected character \(shown(bytes[index])), expected a value")
    }
  }

  private mutating func object(_ context: Context) throws(SyntaxError) {
    depth += 1
    guard depth <= 256 else { throw fail("nested more than 256 levels deep") }
    index += 1
    skipWhitespace()
    if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
      index += 1
      depth -= 1
      return
    }
    while true {
      skipWhitespace()
      guard index < bytes.count else { throw fail("unexpected end of input, expected a key") }
      guard bytes[index] == UInt8(ascii: "\"") else {
        throw fail("expected a key in double quotes, found \(shown(bytes[index]))")
      }
      let key = try string()
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail("expected ':' after the key") }
      index += 1
      skipWhitespace()
      let isString = index < bytes.count && bytes[index] == UInt8(ascii: "\"")
      switch context {
      case .top where isString && matches(key, "TaskID"): summary.taskID = try string()
      case .top where isString && matches(key, "Sign"): summary.sign = try string()
      case .top where matches(key, "Details"): try value(.details)
      case .detail where isString && matches(key, "CallID"):
        let callID = try string()
        if summary.details == 1 && summary.firstCallID == nil { summary.firstCallID = callID }
      case .detail where isString && matches(key, "CallEndTime"):
        let text = try string()
        if let time = UTCTime.parseISO8601(String(decoding: UnsafeBufferPointer(rebasing: bytes[text]), as: UTF8.self)) {
          summary.latestCallEnd = max(summary.latestCallEnd ?? time, time)
        }
      default: try value(.other)
      }
      skipWhitespace()
      guard index < bytes.count else { throw fail("unexpected end of input, expected ',' or '}'") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      guard bytes[index] == UInt8(ascii: "}") else { throw fail("expected ',' or '}', found \(shown(bytes[index]))") }
      index += 1
      depth -= 1
      return
    }
  }

  private mutating func array(_ context: Context) throws(SyntaxError) {
    depth += 1
    guard depth <= 256 else { throw fail("nested more than 256 levels deep") }
    index += 1
    skipWhitespace()
    if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
      index += 1
      depth -= 1
      return
    }
    while true {
      skipWhitespace()
      if context == .details && index < bytes.count && bytes[index] == UInt8(ascii: "{") {
        summary.details += 1
        try value(.detail)
      } else {
        try value(.other)
      }
      skipWhitespace()
      guard index < bytes.count else { throw fail("unexpected end of input, expected ',' or ']'") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      guard bytes[index] == UInt8(ascii: "]") else { throw fail("expected ',' or ']', found \(shown(bytes[index]))") }
      index += 1
      depth -= 1
      return
    }
  }

  /// A string from its opening quote; returns the range of its contents.
  private mutating func string() throws(SyntaxError) -> Range<Int> {
    index += 1
    let start = index
    while index < bytes.count {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "\""):
        index += 1
        return start..<(index - 1)
      case UInt8(ascii: "\\"):
        index += 1
        guard index < bytes.count else { break }
        switch bytes[index] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"),
          UInt8(ascii: "r"), UInt8(ascii: "t"):
          index += 1
        case UInt8(ascii: "u"):
          for offset in 1...4 {
            guard index + offset < bytes.count, Self.isHex(bytes[index + offset]) else {
              throw fail("expected four hex digits after \\u")
            }
          }
          index += 5
        default: throw fail("invalid escape \\\(shown(bytes[index]))")
        }
      case 0..<0x20: throw fail("control character \(shown(byte)) in a string (write it escaped)")
      case 0x80...:
        let length: Int
        switch byte {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: throw fail("invalid UTF-8 in a string")
        }
        for offset in 1..<length {
          guard index + offset < bytes.count, bytes[index + offset] & 0xC0 == 0x80 else {
            throw fail("invalid UTF-8 in a string")
          }
        }
        index += length
      default: index += 1
      }
    }
    throw fail("the string is not closed")
  }

  private mutating func number() throws(SyntaxError) {
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    guard index < bytes.count, Self.isDigit(bytes[index]) else { throw fail("expected a digit") }
    if bytes[index] == UInt8(ascii: "0") {
      index += 1
    } else {
      while index < bytes.count && Self.isDigit(bytes[index]) { index += 1 }
    }
    if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
      index += 1
      guard index < bytes.count, Self.isDigit(bytes[index]) else { throw fail("expected a digit after '.'") }
      while index < bytes.count && Self.isDigit(bytes[index]) { index += 1 }
    }
    if index < bytes.count && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
      index += 1
      if index < bytes.count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) { index += 1 }
      guard index < bytes.count, Self.isDigit(bytes[index]) else { throw fail("expected a digit in the exponent") }
      while index < bytes.count && Self.isDigit(bytes[index]) { index += 1 }
    }
  }

  private mutating func literal(_ word: StaticString) throws(SyntaxError) {
    let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
    for (offset, byte) in expected.enumerated() {
      guard index + offset < bytes.count, bytes[index + offset] == byte else {
        throw fail("unexpected character \(shown(bytes[min(index + offset, bytes.count - 1)])), expected \(word)")
      }
    }
    index += expected.count
  }

  // MARK: Positions

  private mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0D: index += 1
      case 0x0A:
        index += 1
        line += 1
        lineStart = index
      default: return
      }
    }
  }

  private func matches(_ key: Range<Int>, _ name: StaticString) -> Bool {
    guard key.count == name.utf8CodeUnitCount else { return false }
    let expected = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
    return zip(bytes[key], expected).allSatisfy { $0 == $1 }
  }

  /// Column of `position` on the current line, counted in characters as editors show them.
  private func column(at position: Int) -> Int {
    var count = 1
    for byte in bytes[lineStart..<min(position, bytes.count)] where byte & 0xC0 != 0x80 { count += 1 }
    return count
  }

  private func fail(_ message: String) -> SyntaxError {
    SyntaxError(line: line, column: column(at: index), message: message)
  }

  private func shown(_ byte: UInt8) -> String {
    byte >= 0x20 && byte < 0x7F ? "'\(Character(Unicode.Scalar(byte)))'" : "0x" + String(byte, radix: 16, uppercase: true)
  }

  private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

  private static func isHex(_ byte: UInt8) -> Bool {
    isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "f"))
  }
}
