import Foundation
import Testing

@testable import Scenario

/// Contact lists written by tests: rows with awkward fields (commas, quotes, line breaks,
/// non-Latin text), as CSV (with a byte-order mark and CRLF, as spreadsheets save them) or
/// NDJSON, and what each row should read back as.
enum ContactFixture {
  enum Format: String, Sendable, CaseIterable, CustomTestStringConvertible {
    case csv, ndjson
    var testDescription: String { rawValue }
  }

  /// Row `index`'s contact: every third gives no name (drawn), every fifth no loan fields.
  static func record(_ index: Int) -> ContactRecord {
    var record = ContactRecord(caseID: "CASE-\(index)", calleeNumber: "+62812\(String(format: "%08d", index))")
    if index % 3 != 0 {
      record.calleeName = index % 7 == 0 ? "Ñandú \"Big\" O'Neil, Jr." : "NAME \(index)"
      record.calleeGender = index % 2 == 0 ? "female" : "male"
    }
    record.comments = index % 4 == 0 ? "line one\nline two, with \"quotes\"" : nil
    record.extraA = "A\(index)"
    record.extraB = index % 2 == 0 ? "B, \(index)" : nil
    record.extraC = index % 11 == 0 ? "王\(index)" : nil
    if index % 5 != 0 {
      record.borrowedDate = "2024-01-\(String(format: "%02d", index % 28 + 1))"
      record.dueDate = "2024-02-\(String(format: "%02d", index % 28 + 1))"
      record.borrowedAmount = "\(100_000 + index)"
      record.totalOwingAmount = "\(120_000 + index).5"
      record.currencyUnit = "IDR"
    }
    record.variables = ["zeta": "z\(index)", "alpha": "a,\(index)"]
    return record
  }

  static let header = [
    "CaseID", "CalleeNumber", "CalleeName", "CalleeGender", "Comments", "ExtraA", "ExtraB", "ExtraC", "BorrowedDate",
    "DueDate", "BorrowedAmount", "TotalOwingAmount", "CurrencyUnit", "Variables.zeta", "Variables.alpha",
  ]

  static func cells(_ record: ContactRecord) -> [String?] {
    [
      record.caseID, record.calleeNumber, record.calleeName, record.calleeGender, record.comments, record.extraA,
      record.extraB, record.extraC, record.borrowedDate, record.dueDate, record.borrowedAmount, record.totalOwingAmount,
      record.currencyUnit, record.variables?["zeta"], record.variables?["alpha"],
    ]
  }

  /// RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled.
  static func csvField(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  static func text(rows: Int, format: Format) throws -> Data {
    let records = (1...rows).map(record)
    switch format {
    case .csv:
      var text = "\u{FEFF}" + header.joined(separator: ",") + "\r\n"
      for record in records { text += cells(record).map { csvField($0 ?? "") }.joined(separator: ",") + "\r\n" }
      return Data(text.utf8)
    case .ndjson:
      var text = ""
      for record in records {
        var members: [String] = []
        for (name, value) in zip(header, cells(record)) where !name.hasPrefix("Variables.") {
          if let value { members.append(try quoted(name) + ":" + quoted(value)) }
        }
        // Written in the list's order (zeta before alpha): the payload must keep it.
        let variables = try record.variables!.entries.map { try quoted($0.key) + ":" + quoted($0.value) }
        members.append(#""Variables":{"# + variables.joined(separator: ",") + "}")
        text += "{" + members.joined(separator: ", ") + "}\n"
      }
      return Data(text.utf8)
    }
  }

  static func quoted(_ text: String) throws -> String {
    String(decoding: try JSONSerialization.data(withJSONObject: text, options: .fragmentsAllowed), as: UTF8.self)
  }

  /// Writes the list into `folder` and returns its path.
  static func write(rows: Int, format: Format, in folder: URL) throws -> String {
    let url = folder.appendingPathComponent("contacts.\(format.rawValue)")
    try text(rows: rows, format: format).write(to: url)
    return url.path
  }
}
