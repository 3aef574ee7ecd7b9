import Foundation
import Testing

@testable import AIRudderSimCLI
@testable import Contract
@testable import Generation
@testable import Scenario

@Suite struct ContactListTests {
  struct RoundTrip: Sendable, CustomTestStringConvertible {
    var format: ContactFixture.Format
    var rows: Int
    var workflows: Int
    var testDescription: String { "\(rows) \(format) rows over \(workflows) workflows" }
  }

  /// Every contact of the list is notified exactly once in the round, by the workflow whose
  /// block of the file holds it, with its own fields; what it does not give is simulated.
  @Test(arguments: [
    RoundTrip(format: .csv, rows: 300, workflows: 1), RoundTrip(format: .csv, rows: 300, workflows: 3),
    RoundTrip(format: .ndjson, rows: 301, workflows: 4), RoundTrip(format: .csv, rows: 5, workflows: 8),
    // Blocks that start past several checkpoints (every 1024th row).
    RoundTrip(format: .csv, rows: 3000, workflows: 7), RoundTrip(format: .ndjson, rows: 2049, workflows: 2),
  ])
  func everyContactOncePerRoundWithItsOwnFields(_ trip: RoundTrip) throws {
    let folder = try ChildRun.scratchFolder("contacts")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = try ContactFixture.write(rows: trip.rows, format: trip.format, in: folder)
    let scenario = try scenario(
      "{ workflows: \(trip.workflows), dialer: { lines: 7, redialLimit: 3, connectRate: 0.4 }, aggregation: { maxBatch: 5 } }")
    let list = try ContactList.open(path: path, workflows: trip.workflows)
    #expect(list.count == trip.rows)
    // Taken while checking the list, in 64 KiB reads: the file's own MD5 (a report's source_md5).
    #expect(list.md5 == hexString(MD5.digest(try Data(contentsOf: URL(fileURLWithPath: path)))))
    var seen: [String: (workflow: Int, detail: CallDetail)] = [:]
    for item in NotificationGenerator(scenario: scenario, contacts: list) {
      for detail in item.notification.details {
        #expect(seen[detail.caseID] == nil, "CaseID \(detail.caseID) notified twice in one round")
        seen[detail.caseID] = (item.workflow, detail)
      }
    }
    #expect(seen.count == trip.rows)
    // Consecutive blocks in file order, the first `rows % workflows` one longer.
    var blockOf: [Int] = []
    for workflow in 0..<trip.workflows {
      blockOf += Array(repeating: workflow, count: trip.rows / trip.workflows + (workflow < trip.rows % trip.workflows ? 1 : 0))
    }
    for index in 1...trip.rows {
      let record = ContactFixture.record(index)
      guard let (workflow, detail) = seen[record.caseID] else {
        Issue.record("row \(index) (\(record.caseID)) was never notified")
        continue
      }
      #expect(workflow == blockOf[index - 1], "row \(index)")
      #expect(detail.calleeNumber == record.calleeNumber)
      #expect(detail.redialCalls?.allSatisfy { $0.calleeNumber == record.calleeNumber } ?? true)
      #expect(detail.calleeName == record.calleeName ?? detail.calleeName)
      #expect(!detail.calleeName.isEmpty && !detail.calleeGender.isEmpty)
      #expect(detail.calleeGender == record.calleeGender ?? detail.calleeGender)
      #expect(detail.comments == record.comments ?? record.caseID)
      #expect(detail.extraA == record.extraA)
      #expect(detail.extraB == record.extraB ?? "")
      #expect(detail.extraC == record.extraC ?? "")
      #expect(detail.variables.entries.map(\.key) == ["zeta", "alpha"], "Variables keep the list's column order")
      #expect(detail.variables == record.variables)
      if record.borrowedDate != nil {
        #expect(detail.borrowedDate == record.borrowedDate && detail.dueDate == record.dueDate)
        #expect(detail.borrowedAmount == record.borrowedAmount && detail.totalOwingAmount == record.totalOwingAmount)
        #expect(detail.currencyUnit == record.currencyUnit)
      } else {
        #expect(detail.borrowedAmount != nil && detail.dueDate != nil, "loan fields not given are simulated")
      }
    }
  }

  /// The shipped scenario finds its list beside it, wherever the tool runs from.
  @Test func scenarioContactsAreRelativeToTheScenario() throws {
    let loaded = try ScenarioLoader.load(path: RepositoryPath.scenario("contacts.json"))
    #expect(loaded.contacts == RepositoryPath.scenario("contacts-sample.csv"))
    let list = try ContactList.open(path: loaded.contacts!, workflows: loaded.workflows)
    let caseIDs = NotificationGenerator(scenario: loaded, contacts: list).flatMap { $0.notification.details.map(\.caseID) }
    #expect(caseIDs.sorted() == (101...112).map { "LN-2024-000\($0)" })
  }

  /// A scenario whose contact list cannot be opened is refused at its `contacts` key.
  @Test func unreadableScenarioContactsNameTheKey() throws {
    let folder = try ChildRun.scratchFolder("contacts-key")
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("s.json")
    try Data("{\n  workflows: 2,\n  contacts: \"missing.csv\",\n}\n".utf8).write(to: url)
    let error = #expect(throws: ScenarioError.self) { try ScenarioLoader.load(path: url.path) }
    #expect(
      error?.messages == [
        "\(url.path):3:3: contacts: cannot read the contact list \"\(folder.path)/missing.csv\": no such file"
      ])
  }

  /// `run` with the shipped scenario: the built-in receiver, looking up each CaseID it
  /// receives, finds every row of the list once, and the run reconciles.
  @Test func runDeliversEveryListedContactToTheReceiver() async throws {
    let folder = try ChildRun.scratchFolder("contacts-run")
    defer { try? FileManager.default.removeItem(at: folder) }
    let record = folder.appendingPathComponent("received.jsonl")
    let result = await runTool([
      "run", RepositoryPath.scenario("contacts.json"), "--quiet", "--time-scale", "600", "--record", record.path,
    ])
    #expect(result.code == 0, "\(result.stderr)")
    let caseIDs = try String(contentsOf: record, encoding: .utf8).split(separator: "\n").flatMap { line in
      let entry = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
      let notification = entry["notification"] as! [String: Any]
      return (notification["Details"] as! [[String: Any]]).map { $0["CaseID"] as! String }
    }
    #expect(caseIDs.sorted() == (101...112).map { "LN-2024-000\($0)" })
  }

  /// A byte-order mark (as Excel saves UTF-8) is not part of the first column's name.
  @Test(arguments: ["\u{FEFF}", ""])
  func byteOrderMarkIsTolerated(_ mark: String) throws {
    let folder = try ChildRun.scratchFolder("contacts-bom")
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("bom.csv")
    try Data((mark + "CaseID,CalleeNumber\nA,+6281200000001\n").utf8).write(to: url)
    let list = try ContactList.open(path: url.path, workflows: 1)
    #expect(list.md5 == hexString(MD5.digest(try Data(contentsOf: url))), "the digest covers the mark too")
    var cursor = list.cursor(forWorkflow: 0)
    #expect(cursor.next() == ContactRecord(caseID: "A", calleeNumber: "+6281200000001"))
    #expect(cursor.next() == nil)
  }

  /// RFC 4180: quoted fields hold commas, doubled quotes and line breaks; CRLF or LF ends a row.
  @Test func quotedFieldsKeepCommasQuotesAndLineBreaks() throws {
    let folder = try ChildRun.scratchFolder("contacts-quotes")
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("quotes.csv")
    let text =
      "CaseID,CalleeNumber,Comments,CalleeName\r\n"
      + "\"A,1\",+6281200000001,\"say \"\"hi\"\"\r\nthen, bye\",\"\"\r\n"
      + "B,+6281200000002,,\"王 小明\"\n"
    try Data(text.utf8).write(to: url)
    var cursor = try ContactList.open(path: url.path, workflows: 1).cursor(forWorkflow: 0)
    var first = ContactRecord(caseID: "A,1", calleeNumber: "+6281200000001")
    first.comments = "say \"hi\"\r\nthen, bye"
    var second = ContactRecord(caseID: "B", calleeNumber: "+6281200000002")
    second.calleeName = "王 小明"
    #expect(cursor.next() == first)
    #expect(cursor.next() == second)
    #expect(cursor.next() == nil)
  }

  struct BadList: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    var messages: [String]
    var testDescription: String { messages.first ?? name }
  }

  static let badLists: [BadList] = [
    BadList(
      name: "l.csv", text: "CaseID,CalleeNumber\n,+6281200000001\n",
      messages: ["l.csv:2:1: CaseID: empty; every contact needs a CaseID"]),
    BadList(
      name: "l.ndjson", text: "{\"CaseID\": \"A\", \"CalleeNumber\": \"+6281200000001\"}\n  {\"CaseID\": \"B\"}\n",
      messages: ["l.ndjson:2:3: CalleeNumber: missing; every contact needs one"]),
    BadList(
      name: "l.csv", text: "CaseID,CalleeNumber\nA,0812345678\nB,+62 812 3456\n",
      messages: [
        "l.csv:2:3: CalleeNumber: \"0812345678\" is not an E.164 number (+, the country code and the number: 8 to 15 digits)",
        "l.csv:3:3: CalleeNumber: \"+62 812 3456\" is not an E.164 number (+, the country code and the number: 8 to 15 digits)",
      ]),
    BadList(
      name: "l.csv", text: "CaseID,CalleeNumber\nA,+6281200000001\nB,+6281200000002\nA,+6281200000003\n",
      messages: ["l.csv:4:1: CaseID: duplicate CaseID \"A\" (first at line 2)"]),
    BadList(
      name: "l.csv", text: "CaseID,CalleeNumber,BorrowedAmount,DueDate\nA,+6281200000001,\"1,500\",2024-02-30\n",
      messages: [
        "l.csv:2:18: BorrowedAmount: \"1,500\" is not an amount such as 1500000 or 20310.50 (digits, then . and at most 2 decimals)",
        "l.csv:2:26: DueDate: \"2024-02-30\" is not a date such as 2024-03-11 (yyyy-MM-dd)",
      ]),
    BadList(
      name: "l.csv", text: "CaseID,Comments,CalleeNumber\nA,\"two\nlines\",+6281200000001\nB,x,+0812\n",
      messages: [
        "l.csv:4:5: CalleeNumber: \"+0812\" is not an E.164 number (+, the country code and the number: 8 to 15 digits)"
      ]),
    BadList(
      name: "l.csv", text: "CaseID,CalleNumber\nA,+6281200000001\n",
      messages: [
        "l.csv:1:1: the header has no CalleeNumber column",
        "l.csv:1:8: unknown column \"CalleNumber\"; did you mean \"CalleeNumber\"?",
      ]),
    BadList(
      name: "l.csv", text: "CaseID,CalleeNumber\nA,+6281200000001,extra\nB,\"+6281200000002\"x\nC,\"+6281200000003\n",
      messages: [
        "l.csv:2:1: expected 2 fields as in the header, found 3",
        "l.csv:3:19: expected a comma or the end of the line after the closing quote",
        "l.csv:4:3: the quoted field starting here is not closed before the end of the file",
      ]),
    BadList(
      name: "l.ndjson", text: "{\"CaseID\": \"A\", \"CalleeNumber\": \"+6281200000001\", \"Note\": 1}\n{\"CaseID\": [1]\n",
      messages: [
        "l.ndjson:1:51: unknown key \"Note\"; expected one of: CaseID, CalleeNumber, CalleeName, CalleeGender, Comments, ExtraA, ExtraB, ExtraC, BorrowedDate, DueDate, BorrowedAmount, TotalOwingAmount, CurrencyUnit, Variables",
        "l.ndjson:2:15: expected \",\" or \"}\" after the value of \"CaseID\", found the end of the file",
      ]),
    BadList(name: "l.csv", text: "CaseID,CalleeNumber\n", messages: ["l.csv:1:1: no contacts in the list"]),
  ]

  /// Each problem names the file, the line and column and the field; all are reported.
  @Test(arguments: badLists)
  func badRowsAreNamedByLineAndColumn(_ bad: BadList) throws {
    let folder = try ChildRun.scratchFolder("contacts-bad")
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent(bad.name)
    try Data(bad.text.utf8).write(to: url)
    let error = #expect(throws: ContactListError.self) { try ContactList.open(path: url.path, workflows: 2) }
    let messages = error?.messages.map { $0.replacingOccurrences(of: folder.path + "/", with: "") }
    #expect(messages == bad.messages)
  }

  /// Bad rows stop `generate` and `run` before anything is written or sent (exit 2).
  @Test(arguments: ["generate", "run"])
  func badListStopsTheCommandBeforeItStarts(_ command: String) async throws {
    let folder = try ChildRun.scratchFolder("contacts-cli")
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("bad.csv")
    try Data("CaseID,CalleeNumber\nA,+6281200000001\nA,12345\n".utf8).write(to: url)
    let result = await runTool([command, RepositoryPath.scenario("smoke.json"), "--contacts", url.path])
    #expect(result.code == 2)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr
        == "error: \(url.path):3:1: CaseID: duplicate CaseID \"A\" (first at line 2)\n"
        + "error: \(url.path):3:3: CalleeNumber: \"12345\" is not an E.164 number (+, the country code and the number: 8 to 15 digits)\n"
    )
  }
}
