import Support

/// A per-contact value of `variables` or `extraA`–`extraC`: text with placeholders filled for
/// each contact. `{CaseID}`, `{CalleeName}`, `{CalleeNumber}`, `{index}` (the contact's
/// number in its list, from 1), `{digits:N}` (N random digits), `{int:MIN-MAX}`,
/// `{pick:a|b|c}`; `{{` and `}}` are literal braces. Text without placeholders is the same for
/// every contact.
package struct ValueTemplate: Decodable, Sendable, Equatable, ExpressibleByStringLiteral {
  package enum Part: Sendable, Equatable {
    case text(String)
    case caseID, calleeName, calleeNumber, index
    case digits(Int)
    case int(ClosedRange<Int>)
    case pick([String])
  }

  package let parts: [Part]
  /// The text when there is no placeholder (the value is the same for every contact).
  package var constant: String? {
    if parts.isEmpty { return "" }
    if parts.count == 1, case .text(let text) = parts[0] { return text }
    return nil
  }

  package init(stringLiteral value: String) {
    parts = value.isEmpty ? [] : [.text(value)]
  }

  package init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    switch Self.parse(text) {
    case .success(let parts): self.parts = parts
    case .failure(let problem): throw DecodingError.dataCorruptedError(in: container, debugDescription: problem.message)
    }
  }

  package struct Problem: Error {
    package var message: String
  }

  package static func parse(_ text: String) -> Result<[Part], Problem> {
    var parts: [Part] = []
    var literal = ""
    var rest = Substring(text)
    func flush() {
      if !literal.isEmpty { parts.append(.text(literal)) }
      literal = ""
    }
    while let char = rest.first {
      if rest.hasPrefix("{{") || rest.hasPrefix("}}") {
        literal.append(char)
        rest = rest.dropFirst(2)
        continue
      }
      if char == "}" { return .failure(Problem(message: "unmatched \"}\" in \"\(text)\" (write \"}}\" for a brace)")) }
      guard char == "{" else {
        literal.append(char)
        rest = rest.dropFirst()
        continue
      }
      guard let close = rest.firstIndex(of: "}") else {
        return .failure(Problem(message: "unclosed \"{\" in \"\(text)\" (write \"{{\" for a brace)"))
      }
      let name = String(rest[rest.index(after: rest.startIndex)..<close])
      guard let part = placeholder(name) else {
        let known = ["CaseID", "CalleeName", "CalleeNumber", "index", "digits:N", "int:MIN-MAX", "pick:a|b"]
        return .failure(Problem(message: Suggestion.unknown("placeholder", "{\(name)}", among: known.map { "{\($0)}" })))
      }
      flush()
      parts.append(part)
      rest = rest[rest.index(after: close)...]
    }
    flush()
    return .success(parts)
  }

  private static func placeholder(_ name: String) -> Part? {
    switch name {
    case "CaseID": return .caseID
    case "CalleeName": return .calleeName
    case "CalleeNumber": return .calleeNumber
    case "index": return .index
    default: break
    }
    if name.hasPrefix("digits:"), let count = Int(name.dropFirst(7)), (1...30).contains(count) { return .digits(count) }
    if name.hasPrefix("int:") {
      let bounds = name.dropFirst(4).split(separator: "-", maxSplits: 1)
      if bounds.count == 2, let low = Int(bounds[0]), let high = Int(bounds[1]), low <= high { return .int(low...high) }
    }
    if name.hasPrefix("pick:") {
      let choices = name.dropFirst(5).split(separator: "|", omittingEmptySubsequences: false).map(String.init)
      if !choices.isEmpty && !(choices.count == 1 && choices[0].isEmpty) { return .pick(choices) }
    }
    return nil
  }
}
