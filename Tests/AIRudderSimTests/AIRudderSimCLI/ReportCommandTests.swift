import Foundation
import Testing

@testable import AIRudderSimCLI
@testable import Reporting

@Suite(.serialized) struct ReportCommandTests {
  static func directory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// `run --report --journal --html`, then `report` of the same files: both pages hold every
  /// chart, the report reads back, and its text is what run printed.
  @Test func runThenReport() async throws {
    let directory = try Self.directory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let json = directory.appendingPathComponent("r.json").path
    let journal = directory.appendingPathComponent("a.jsonl").path
    let html = directory.appendingPathComponent("run.html").path
    let run = await runTool([
      "run", "Scenarios/smoke.json", "--count", "6", "--quiet", "--report", json, "--journal", journal, "--html", html,
      "--concurrency", "2",
    ])
    #expect(run.code == 0, "\(run.stderr)")
    let report = try RunReport.read(path: json)
    #expect(report.version == 2 && report.notifications.delivered == 6 && !report.timeSeries.intervals.isEmpty)
    #expect(report.startedAt <= report.endedAt)
    let fromRun = try String(contentsOfFile: html, encoding: .utf8)
    let again = directory.appendingPathComponent("again.html").path
    let rendered = await runTool(["report", json, "--journal", journal, "--html", again])
    #expect(rendered.code == 0 && rendered.stderr.isEmpty, "\(rendered.stderr)")
    let fromReport = try String(contentsOfFile: again, encoding: .utf8)
    for page in [fromRun, fromReport] {
      for id in HTMLReportTests.allCharts { #expect(page.contains("<svg id=\"\(id)\""), "\(id)") }
      #expect(page.contains("The built-in receiver"))
    }
    let text = await runTool(["report", json])
    #expect(text.code == 0 && text.stdout == report.text)
  }

  @Test(arguments: [
    (["report"], "error: missing REPORT"),
    (["report", "/nonexistent/r.json"], "error: /nonexistent/r.json: cannot read the report: No such file or directory"),
    (
      ["report", "Tests/AIRudderSimTests/Fixtures/seed-example.json"],
      "error: Tests/AIRudderSimTests/Fixtures/seed-example.json: report version (none) is not supported"
    ),
    (["report", "README.md", "--html", "x.html"], "error: README.md: not a report (JSON object expected)"),
  ])
  func badInputIsExitTwo(arguments: [String], message: String) async {
    let result = await runTool(arguments)
    #expect(result.code == 2)
    #expect(result.stderr.hasPrefix(message), "\(result.stderr)")
  }

  /// `-` reads the report from standard input; a journal that cannot be read is named as one.
  @Test func standardInputAndAMissingJournal() async throws {
    let json = String(decoding: try RunReportTests.sample().jsonData(), as: UTF8.self)
    let text = await runTool(["report", "-"], stdin: json)
    #expect(text.code == 0 && text.stdout == RunReportTests.sample().text, "\(text.stderr)")
    let broken = await runTool(["report", "-"], stdin: "{")
    #expect(broken.code == 2 && broken.stderr.hasPrefix("error: <stdin>: not a report"))
    let report = RepositoryPath.fixture("retry-demo-report.json").path
    let missing = await runTool(["report", report, "--journal", "/nonexistent/a.jsonl", "--html", "/nonexistent/x.html"])
    #expect(missing.code == 2)
    #expect(missing.stderr == "error: /nonexistent/a.jsonl: cannot read the journal: No such file or directory\n")
  }

  /// A journal of another run still gives a page (exit 0), but the warning the page holds is
  /// said on stderr too, naming --journal: a user who never opens the page learns it.
  @Test func journalOfAnotherRunIsWarnedOnStderr() async throws {
    let directory = try Self.directory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let journal = directory.appendingPathComponent("other.jsonl").path
    let run = await runTool(["run", "Scenarios/smoke.json", "--count", "2", "--quiet", "--journal", journal])
    #expect(run.code == 0, "\(run.stderr)")
    let report = RepositoryPath.fixture("retry-demo-report.json").path
    let html = directory.appendingPathComponent("x.html").path
    let result = await runTool(["report", report, "--journal", journal, "--html", html])
    #expect(result.code == 0)
    #expect(
      result.stderr.hasPrefix("warning: --journal \(journal): 2 of the journal's 2 attempts ended outside this run's time"),
      "\(result.stderr)")
    #expect(result.stderr.hasSuffix("is it this run's journal?\n") && result.stderr.split(separator: "\n").count == 1)
    #expect(FileManager.default.fileExists(atPath: html))
  }

  @Test func htmlThatCannotBeCreatedIsExitTwo() async throws {
    let directory = try Self.directory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let json = directory.appendingPathComponent("r.json").path
    try RunReportTests.sample().jsonData().write(to: URL(fileURLWithPath: json))
    let result = await runTool(["report", json, "--html", "/nonexistent/dir/x.html"])
    #expect(result.code == 2)
    #expect(result.stderr == "error: /nonexistent/dir/x.html: cannot create the HTML report: No such file or directory\n")
    let run = await runTool(["run", "Scenarios/smoke.json", "--count", "1", "--html", "/nonexistent/dir/x.html"])
    #expect(run.code == 2 && run.stderr.contains("cannot create the HTML report"))
  }
}
