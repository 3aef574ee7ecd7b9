/// Reads the JSON5 that scenario files are written in into a `JSON5Value` tree whose every
/// value knows its line and column. Accepts what Foundation's JSON5 decoder accepted
/// (comments, unquoted keys, single quotes, trailing commas, hex, `.5`, `+1`, `\x41`) and
/// parses `NaN` and `Infinity` as numbers so that decoding can refuse them at their key.
/// Ours rather than Foundation's because that one says neither where a syntax error is nor
/// that a key was written twice.
struct JSON5Parser {
  /// Scenarios nest four levels; the bound keeps a hostile file from exhausting the stack.
  static let maximumDepth = 128

  /// The tree, and the keys that were written a second time in the same object (the first
  /// value is kept; the caller reports each repeat).
  struct Document: Sendable {
    var root: JSON5Value
    var duplicates: [Duplicate]
  }

  struct Duplicate: Sendable {
    /// `dialer.lines`.
    var path: String
    var position: SourcePosition
    var first: SourcePosition
  }

  let bytes: [UInt8]
  var offset = 0
  var line = 1
  var column = 1
  /// Key path of the value being parsed, as `.key` and `[i]` steps, for naming duplicates.
  private var path: [String] = []
  private var duplicates: [Duplicate] = []

  static func parse(_ bytes: [UInt8]) throws(JSON5SyntaxError) -> Document {
    var parser = JSON5Parser(bytes: bytes)
    return try parser.parseDocument()
  }

  private init(bytes: [UInt8]) {
    self.bytes = bytes
  }

  var position: SourcePosition { SourcePosition(line: line, column: column) }

  var current: UInt8? { offset < bytes.count ? bytes[offset] : nil }

  func peek(_ ahead: Int) -> UInt8? { offset + ahead < bytes.count ? bytes[offset + ahead] : nil }

  /// Consumes one byte, keeping line and column: LF, CR LF and a lone CR end a line; UTF-8
  /// continuation bytes do not start a column.
  mutating func advance() {
    let byte = bytes[offset]
    offset += 1
    if byte == Byte.lineFeed || (byte == Byte.carriageReturn && current != Byte.lineFeed) {
      line += 1
      column = 1
    } else if byte & 0xC0 != 0x80 {
      column += 1
    }
  }

  private mutating func parseDocument() throws(JSON5SyntaxError) -> Document {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3 }
    try skipTrivia()
    let root = try parseValue(depth: 0)
    try skipTrivia()
    if current != nil { throw fail("expected the end of the file after the value, found \(found())") }
    return Document(root: root, duplicates: duplicates)
  }

  /// Whitespace and comments.
  mutating func skipTrivia() throws(JSON5SyntaxError) {
    while let byte = current {
      switch byte {
      case Byte.space, Byte.tab, Byte.lineFeed, Byte.carriageReturn, 0x0B, 0x0C:
        advance()
      case Byte.slash where peek(1) == Byte.slash:
        while let next = current, next != Byte.lineFeed, next != Byte.carriageReturn { advance() }
      case Byte.slash where peek(1) == Byte.asterisk:
        let start = position
        advance()
        advance()
        while !(current == Byte.asterisk && peek(1) == Byte.slash) {
          guard current != nil else {
            throw fail("expected \"*/\" to close the comment begun at \(start), found the end of the file")
          }
          advance()
        }
        advance()
        advance()
      case Byte.slash:
        throw fail("expected \"//\" or \"/*\" to start a comment, found \(found(after: 1))")
      default:
        return
      }
    }
  }

  private mutating func parseValue(depth: Int) throws(JSON5SyntaxError) -> JSON5Value {
    let start = position
    guard let byte = current else { throw fail("expected a value, found the end of the file") }
    switch byte {
    case Byte.openBrace, Byte.openBracket:
      guard depth < Self.maximumDepth else { throw fail("expected at most \(Self.maximumDepth) levels of nesting, found more") }
      return byte == Byte.openBrace ? try parseObject(depth: depth + 1) : try parseArray(depth: depth + 1)
    case Byte.doubleQuote, Byte.singleQuote:
      return JSON5Value(kind: .string(try parseString()), position: start)
    case Byte.minus, Byte.plus, Byte.dot, UInt8(ascii: "0")...UInt8(ascii: "9"):
      return JSON5Value(kind: .number(try parseNumber()), position: start)
    default:
      guard Byte.isIdentifier(byte) else { throw fail("expected a value, found \(found())") }
      let word = readWord()
      switch word {
      case "true": return JSON5Value(kind: .bool(true), position: start)
      case "false": return JSON5Value(kind: .bool(false), position: start)
      case "null": return JSON5Value(kind: .null, position: start)
      case "NaN", "Infinity": return JSON5Value(kind: .number(word), position: start)
      default: throw JSON5SyntaxError(position: start, message: "expected a value, found \"\(word)\" (a string needs quotes)")
      }
    }
  }

  private mutating func parseObject(depth: Int) throws(JSON5SyntaxError) -> JSON5Value {
    let start = position
    advance()
    var object = JSON5Object()
    while true {
      try skipTrivia()
      if current == Byte.closeBrace {
        advance()
        return JSON5Value(kind: .object(object), position: start)
      }
      let keyPosition = position
      let key: String
      if current == Byte.doubleQuote || current == Byte.singleQuote {
        key = try parseString()
      } else if let byte = current, Byte.isIdentifier(byte), !Byte.isDigit(byte) {
        key = readWord()
      } else {
        throw fail("expected a key or \"}\", found \(found())")
      }
      try skipTrivia()
      guard current == Byte.colon else { throw fail("expected \":\" after the key \"\(key)\", found \(found())") }
      advance()
      try skipTrivia()
      path.append("." + key)
      let value = try parseValue(depth: depth)
      if let first = object.append(.init(key: key, keyPosition: keyPosition, value: value)) {
        duplicates.append(Duplicate(path: renderedPath, position: keyPosition, first: first.keyPosition))
      }
      path.removeLast()
      try skipTrivia()
      switch current {
      case Byte.comma: advance()
      case Byte.closeBrace: continue
      default: throw fail("expected \",\" or \"}\" after the value of \"\(key)\", found \(found())")
      }
    }
  }

  private mutating func parseArray(depth: Int) throws(JSON5SyntaxError) -> JSON5Value {
    let start = position
    advance()
    var elements: [JSON5Value] = []
    while true {
      try skipTrivia()
      if current == Byte.closeBracket {
        advance()
        return JSON5Value(kind: .array(elements), position: start)
      }
      path.append("[\(elements.count)]")
      elements.append(try parseValue(depth: depth))
      path.removeLast()
      try skipTrivia()
      switch current {
      case Byte.comma: advance()
      case Byte.closeBracket: continue
      default: throw fail("expected \",\" or \"]\" after an array element, found \(found())")
      }
    }
  }

  /// `[+-]? (NaN | Infinity | 0x hex | int [. digits] [exp] | . digits [exp])`, as written.
  private mutating func parseNumber() throws(JSON5SyntaxError) -> String {
    let start = offset
    let startPosition = position
    if current == Byte.minus || current == Byte.plus { advance() }
    if let byte = current, Byte.isIdentifier(byte), !Byte.isDigit(byte) {
      let word = readWord()
      guard word == "NaN" || word == "Infinity" else {
        throw JSON5SyntaxError(position: startPosition, message: "expected a number, found \"\(text(from: start))\"")
      }
    } else if current == UInt8(ascii: "0"), peek(1) == UInt8(ascii: "x") || peek(1) == UInt8(ascii: "X") {
      advance()
      advance()
      guard skipDigits(where: Byte.isHexDigit) else {
        throw fail("expected hexadecimal digits after \"\(text(from: start))\", found \(found())")
      }
    } else {
      let digitsStart = offset
      let integerDigits = skipDigits(where: Byte.isDigit)
      if offset - digitsStart > 1, bytes[digitsStart] == UInt8(ascii: "0") {
        throw JSON5SyntaxError(
          position: startPosition, message: "expected a number without leading zeros, found \"\(text(from: start))\"")
      }
      var fractionDigits = false
      if current == Byte.dot {
        advance()
        fractionDigits = skipDigits(where: Byte.isDigit)
      }
      guard integerDigits || fractionDigits else {
        throw fail("expected digits in the number \"\(text(from: start))\", found \(found())")
      }
      if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
        advance()
        if current == Byte.minus || current == Byte.plus { advance() }
        guard skipDigits(where: Byte.isDigit) else {
          throw fail("expected digits in the exponent of \"\(text(from: start))\", found \(found())")
        }
      }
    }
    if let byte = current, Byte.isIdentifier(byte) || byte == Byte.dot {
      throw fail("expected the end of the number \"\(text(from: start))\", found \(found())")
    }
    return text(from: start)
  }

  private mutating func skipDigits(where isDigit: (UInt8) -> Bool) -> Bool {
    let start = offset
    while let byte = current, isDigit(byte) { advance() }
    return offset > start
  }

  /// An unquoted key or a literal: letters, digits, `_`, `$` and any non-ASCII character.
  private mutating func readWord() -> String {
    let start = offset
    while let byte = current, Byte.isIdentifier(byte) { advance() }
    return text(from: start)
  }

  func text(from start: Int) -> String {
    String(decoding: bytes[start..<offset], as: UTF8.self)
  }

  private var renderedPath: String {
    var text = path.joined()
    if text.hasPrefix(".") { text.removeFirst() }
    return text
  }

  /// An error at the current position.
  func fail(_ message: String) -> JSON5SyntaxError {
    JSON5SyntaxError(position: position, message: message)
  }
}

/// Where a scenario stops being JSON5, and what was expected there.
struct JSON5SyntaxError: Error, Sendable, Equatable {
  var position: SourcePosition
  var message: String
}
