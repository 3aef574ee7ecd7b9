/// Where a token starts in a scenario file: 1-based line and column, columns counted in
/// characters (Unicode scalars), as editors show them.
package struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
  package var line: Int
  package var column: Int

  package init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  package static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
    (lhs.line, lhs.column) < (rhs.line, rhs.column)
  }

  /// `3:15`.
  package var description: String { "\(line):\(column)" }
}

/// A parsed JSON5 value that remembers where it was written, so that a decoding error can
/// point at the line and column of the value it is about.
struct JSON5Value: Sendable {
  enum Kind: Sendable {
    case null
    case bool(Bool)
    /// The literal as written (`2.5`, `0x1F`, `-Infinity`): converted only when a type asks for
    /// it, so that messages quote what the user wrote and integers never pass through a Double.
    case number(String)
    case string(String)
    case array([JSON5Value])
    case object(JSON5Object)
  }

  var kind: Kind
  var position: SourcePosition

  /// What was found, for "expected …, got …": literals for scalars, a kind for the rest.
  var found: String {
    switch kind {
    case .null: "null"
    case .bool(let value): value ? "true" : "false"
    case .number(let literal): literal
    case .string: "a string"
    case .array: "an array"
    case .object: "an object"
    }
  }
}

/// A JSON5 object: members in file order, with an index by key (keys are unique: the parser
/// reports a repeated key and keeps the first).
struct JSON5Object: Sendable {
  struct Member: Sendable {
    var key: String
    var keyPosition: SourcePosition
    var value: JSON5Value
  }

  private(set) var members: [Member] = []
  private var index: [String: Int] = [:]

  subscript(key: String) -> Member? {
    index[key].map { members[$0] }
  }

  /// Adds `member` unless its key is already present; returns the member already there.
  mutating func append(_ member: Member) -> Member? {
    if let existing = index[member.key] { return members[existing] }
    index[member.key] = members.count
    members.append(member)
    return nil
  }

  mutating func removeValue(forKey key: String) {
    guard let position = index[key] else { return }
    members.remove(at: position)
    index = Dictionary(uniqueKeysWithValues: members.enumerated().map { ($0.element.key, $0.offset) })
  }

  mutating func updateValue(_ value: JSON5Value, forKey key: String) {
    guard let position = index[key] else { return }
    members[position].value = value
  }
}
