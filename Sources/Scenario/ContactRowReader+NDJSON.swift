import Support

/// NDJSON contact lists: one JSON object a line, keys named as CSV columns are, `Variables`
/// as an object or as `Variables.<name>` keys.
extension ContactRowReader {
  /// The next row: the next line that is not blank, as one JSON object.
  mutating func nextNDJSON() -> Outcome? {
    while true {
      let offset = self.offset
      let lineNumber = line
      field.removeAll(keepingCapacity: true)
      var sawByte = false
      while let byte = advance() {
        sawByte = true
        if byte == 10 { break }
        field.append(byte)
      }
      guard sawByte else { return nil }
      if field.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { continue }
      return ndjsonRow(line: lineNumber, offset: offset)
    }
  }

  private func ndjsonRow(line lineNumber: Int, offset: Int) -> Outcome {
    func at(_ position: SourcePosition) -> SourcePosition {
      SourcePosition(line: lineNumber + position.line - 1, column: position.column)
    }
    let document: JSON5Parser.Document
    do {
      document = try JSON5Parser.parse(field)
    } catch {
      return .problem(problem(at(error.position), error.message))
    }
    if let duplicate = document.duplicates.first {
      return .problem(
        ContactProblem(file: file, position: at(duplicate.position), field: duplicate.path, message: "key written twice"))
    }
    guard case .object(let object) = document.root.kind else {
      return .problem(problem(at(document.root.position), "expected one JSON object per line, got \(document.root.found)"))
    }
    let start = at(document.root.position)
    var row = Row(line: lineNumber, offset: offset, cells: [], start: start)
    row.mayLackFields = true
    let names = ContactColumn.named.map(\.name) + ["Variables"]
    for member in object.members {
      if member.key == "Variables", case .object(let variables) = member.value.kind {
        for entry in variables.members {
          switch cellText(entry.value, name: "Variables." + entry.key, at: at) {
          case .failure(let problem): row.problems.append(problem)
          case .success(let text):
            row.cells.append((.variable(entry.key), ContactCell(text: text ?? "", position: at(entry.value.position))))
          }
        }
        continue
      }
      if member.key == "Variables" {
        row.problems.append(
          ContactProblem(
            file: file, position: at(member.value.position), field: "Variables",
            message: "expected an object of strings, got \(member.value.found)"))
        continue
      }
      guard let column = ContactColumn(name: member.key) else {
        row.problems.append(
          ContactProblem(
            file: file, position: at(member.keyPosition), field: "", message: Suggestion.unknown("key", member.key, among: names))
        )
        continue
      }
      switch cellText(member.value, name: member.key, at: at) {
      case .failure(let problem): row.problems.append(problem)
      case .success(let text):
        if let text { row.cells.append((column, ContactCell(text: text, position: at(member.value.position)))) }
      }
    }
    return .row(row)
  }

  /// A string as it is, a number as written (CaseIDs and amounts are often numbers); nil for
  /// `null` (not given).
  private func cellText(
    _ value: JSON5Value, name: String, at: (SourcePosition) -> SourcePosition
  ) -> Result<String?, ContactProblem> {
    switch value.kind {
    case .string(let text): return .success(text)
    case .number(let literal): return .success(literal)
    case .null: return .success(nil)
    default:
      return .failure(
        ContactProblem(file: file, position: at(value.position), field: name, message: "expected a string, got \(value.found)"))
    }
  }
}
