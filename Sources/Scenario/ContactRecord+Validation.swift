import Contract
import Support

extension ContactRecord {
  /// The contact a row describes, or nil with its problems appended: a missing `CaseID` or
  /// `CalleeNumber`, a number not in E.164, a malformed amount or date.
  static func make(from row: ContactRowReader.Row, file: String, problems: inout [ContactProblem]) -> ContactRecord? {
    var record = ContactRecord(caseID: "", calleeNumber: "")
    var variables: [(key: String, value: String)] = []
    var bad = !row.problems.isEmpty
    problems += row.problems
    func refuse(_ cell: ContactCell, _ column: ContactColumn, _ message: String) {
      problems.append(ContactProblem(file: file, position: cell.position, field: column.name, message: message))
      bad = true
    }
    for (column, cell) in row.cells {
      let text = cell.text
      switch column {
      case .caseID:
        if text.isEmpty { refuse(cell, column, "empty; every contact needs a CaseID") }
        record.caseID = text
      case .calleeNumber:
        if !E164.isValid(text) {
          refuse(cell, column, "\"\(text)\" is not an E.164 number (+, the country code and the number: 8 to 15 digits)")
        }
        record.calleeNumber = text
      case .calleeName: record.calleeName = text
      case .calleeGender: record.calleeGender = text
      case .comments: record.comments = text
      case .extraA: record.extraA = text
      case .extraB: record.extraB = text
      case .extraC: record.extraC = text
      case .currencyUnit: record.currencyUnit = text
      case .borrowedDate, .dueDate:
        if !Self.isDate(text) { refuse(cell, column, "\"\(text)\" is not a date such as 2024-03-11 (yyyy-MM-dd)") }
        if column == .borrowedDate { record.borrowedDate = text } else { record.dueDate = text }
      case .borrowedAmount, .totalOwingAmount:
        if !Self.isAmount(text) {
          refuse(cell, column, "\"\(text)\" is not an amount such as 1500000 or 20310.50 (digits, then . and at most 2 decimals)")
        }
        if column == .borrowedAmount { record.borrowedAmount = text } else { record.totalOwingAmount = text }
      case .variable(let key): variables.append((key, text))
      }
    }
    for (column, value) in [(ContactColumn.caseID, record.caseID), (.calleeNumber, record.calleeNumber)] where value.isEmpty {
      // An empty cell was reported above when it was given; a cell not given at all is here.
      if row.mayLackFields && !row.cells.contains(where: { $0.column == column }) {
        problems.append(
          ContactProblem(file: file, position: row.start, field: column.name, message: "missing; every contact needs one"))
        bad = true
      }
    }
    if !variables.isEmpty { record.variables = OrderedStringMap(variables) }
    return bad ? nil : record
  }

  /// `2024-03-11`: a real day of the Gregorian calendar.
  static func isDate(_ text: String) -> Bool {
    text.utf8.count == 10 && UTCTime.parseISO8601(text + "T00:00:00Z") != nil
  }

  /// Digits, then optionally `.` and one or two digits: how the page writes amounts.
  static func isAmount(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    let dot = bytes.firstIndex(of: UInt8(ascii: "."))
    let whole = bytes[..<(dot ?? bytes.count)]
    guard !whole.isEmpty, whole.count <= 15, whole.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
    guard let dot else { return true }
    let fraction = bytes[(dot + 1)...]
    return (1...2).contains(fraction.count) && fraction.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
  }
}
