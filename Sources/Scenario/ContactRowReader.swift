import Contract
import Support

/// Reads a contact list row by row, from the start (reading the CSV header and skipping a
/// byte-order mark) or from a row the validating pass marked: CSV by RFC 4180 (quoted fields
/// may hold commas, quotes doubled, line breaks; CRLF or LF) or NDJSON (one object a line).
/// A row that cannot be read is a problem naming its line and column; reading goes on at the
/// next line, so one pass finds every problem.
struct ContactRowReader {
  enum Format: Sendable, Equatable {
    case csv
    case ndjson
  }

  struct Row {
    /// Line of the row's first character.
    var line: Int
    /// File offset of the row's first byte.
    var offset: Int
    /// Given cells by column, in the row's order. An empty CSV cell is left out (not given),
    /// except in `Variables.` columns, where it is the empty string.
    var cells: [(column: ContactColumn, cell: ContactCell)]
    /// Where a missing cell is reported: the row's start.
    var start: SourcePosition
    /// Keys or values the row could not give (NDJSON), reported with the row's other problems.
    var problems: [ContactProblem] = []
    /// NDJSON: a required field may be missing from a row. (A CSV row always has every
    /// column; a required column missing from the header is reported once, there.)
    var mayLackFields = false
  }

  enum Outcome {
    case row(Row)
    case problem(ContactProblem)
  }

  let file: String
  let format: Format
  /// CSV only: the header's columns (nil where a header cell was refused).
  private(set) var columns: [ContactColumn?]
  private var bytes: ContactFileBytes
  /// Line of the next byte.
  private(set) var line: Int
  private var column = 1
  /// The bytes of the field (CSV) or line (NDJSON) being read.
  var field: [UInt8] = []

  /// A reader at a row the validating pass marked, with the header it read.
  init(file: String, bytes: ContactFileBytes, line: Int, format: Format, columns: [ContactColumn?]) {
    self.file = file
    self.bytes = bytes
    self.line = line
    self.format = format
    self.columns = columns
  }

  /// A reader at the start of the file: skips a byte-order mark, tells CSV from NDJSON by the
  /// first character (`{`), and reads the CSV header. Problems of the header are returned.
  static func atStart(file: String, bytes: ContactFileBytes) -> (reader: ContactRowReader, problems: [ContactProblem]) {
    var bytes = bytes
    var probe = bytes
    if probe.next() == 0xEF, probe.next() == 0xBB, probe.next() == 0xBF { bytes = probe }
    probe = bytes
    var format = Format.csv
    while let byte = probe.next() {
      if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == 13 || byte == 10 { continue }
      if byte == UInt8(ascii: "{") { format = .ndjson }
      break
    }
    var reader = ContactRowReader(file: file, bytes: bytes, line: 1, format: format, columns: [])
    guard format == .csv else { return (reader, []) }
    let problems = reader.readHeader()
    return (reader, problems)
  }

  /// File offset of the next byte.
  var offset: Int { bytes.offset }

  /// Failure of the file's reading (an I/O error), if any.
  var readFailure: String? { bytes.failure }
  /// The MD5 of the bytes read, when its reading digests them.
  var digest: MD5? { bytes.digest }

  mutating func next() -> Outcome? {
    switch format {
    case .csv: return nextCSV()
    case .ndjson: return nextNDJSON()
    }
  }

  // MARK: CSV

  private mutating func readHeader() -> [ContactProblem] {
    let start = SourcePosition(line: line, column: column)
    guard let outcome = csvRecord() else {
      return [
        ContactProblem(file: file, position: start, field: "", message: "empty file: expected a header row naming the columns")
      ]
    }
    guard case .success(let cells) = outcome else {
      if case .failure(let problem) = outcome { return [problem] }
      return []
    }
    var problems: [ContactProblem] = []
    var seen: Set<ContactColumn> = []
    let names = ContactColumn.named.map(\.name) + ["Variables.<name>"]
    for cell in cells {
      if let column = ContactColumn(name: cell.text) {
        if seen.insert(column).inserted {
          columns.append(column)
        } else {
          columns.append(nil)
          problems.append(
            ContactProblem(file: file, position: cell.position, field: cell.text, message: "column named twice in the header"))
        }
      } else {
        columns.append(nil)
        let message =
          cell.text.isEmpty
          ? "empty column name in the header" : Suggestion.unknown("column", cell.text, among: names)
        problems.append(ContactProblem(file: file, position: cell.position, field: "", message: message))
      }
    }
    for required in [ContactColumn.caseID, .calleeNumber] where !seen.contains(required) {
      problems.append(
        ContactProblem(file: file, position: start, field: "", message: "the header has no \(required.name) column"))
    }
    return problems
  }

  private mutating func nextCSV() -> Outcome? {
    while true {
      let offset = bytes.offset
      let start = SourcePosition(line: line, column: column)
      guard let outcome = csvRecord() else { return nil }
      let cells: [ContactCell]
      switch outcome {
      case .failure(let problem): return .problem(problem)
      case .success(let read): cells = read
      }
      // A blank line (a trailing newline, a gap) is no contact.
      if cells.count == 1 && cells[0].text.isEmpty { continue }
      guard cells.count == columns.count else {
        return .problem(
          ContactProblem(
            file: file, position: start, field: "",
            message: "expected \(columns.count) fields as in the header, found \(cells.count)"))
      }
      var row = Row(line: start.line, offset: offset, cells: [], start: start)
      row.cells.reserveCapacity(cells.count)
      for (column, cell) in zip(columns, cells) {
        guard let column else { continue }
        switch column {
        // Empty: reported at the cell as such.
        case .variable, .caseID, .calleeNumber: row.cells.append((column, cell))
        default: if !cell.text.isEmpty { row.cells.append((column, cell)) }
        }
      }
      return .row(row)
    }
  }

  @inline(__always) mutating func advance() -> UInt8? {
    guard let byte = bytes.next() else { return nil }
    if byte == 10 {
      line += 1
      column = 1
    } else if byte & 0xC0 != 0x80 {
      column += 1
    }
    return byte
  }

  /// Skips to the start of the next line, after a problem.
  private mutating func skipLine() {
    while let byte = advance(), byte != 10 {}
  }

  /// The cells of one record, or its problem; nil at the end of the file.
  private mutating func csvRecord() -> Result<[ContactCell], ContactProblem>? {
    guard bytes.peek() != nil else { return nil }
    var cells: [ContactCell] = []
    let quote = UInt8(ascii: "\"")
    let comma = UInt8(ascii: ",")
    while true {
      let position = SourcePosition(line: line, column: column)
      field.removeAll(keepingCapacity: true)
      if bytes.peek() == quote {
        _ = advance()
        var closed = false
        while let byte = advance() {
          if byte == quote {
            if bytes.peek() == quote {
              _ = advance()
              field.append(quote)
            } else {
              closed = true
              break
            }
          } else {
            field.append(byte)
          }
        }
        guard closed else {
          return .failure(problem(position, "the quoted field starting here is not closed before the end of the file"))
        }
        if let byte = bytes.peek(), byte != comma, byte != 10, byte != 13 {
          let after = SourcePosition(line: line, column: column)
          skipLine()
          return .failure(problem(after, "expected a comma or the end of the line after the closing quote"))
        }
      } else {
        while let byte = bytes.peek(), byte != comma, byte != 10, byte != 13 {
          if byte == quote {
            let at = SourcePosition(line: line, column: column)
            skipLine()
            return .failure(
              problem(at, "a quote inside an unquoted field; quote the whole field and double its quotes (\"a \"\"b\"\"\")"))
          }
          field.append(byte)
          _ = advance()
        }
      }
      guard let text = String(validating: field, as: UTF8.self) else {
        skipLine()
        return .failure(problem(position, "the field is not UTF-8 text"))
      }
      cells.append(ContactCell(text: text, position: position))
      switch advance() {
      case comma: continue
      case 13:
        if bytes.peek() == 10 { _ = advance() }
        return .success(cells)
      default: return .success(cells)
      }
    }
  }

  func problem(_ position: SourcePosition, _ message: String) -> ContactProblem {
    ContactProblem(file: file, position: position, field: "", message: message)
  }
}
