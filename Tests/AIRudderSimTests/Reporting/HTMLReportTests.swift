import Foundation
import Testing

@testable import Delivery
@testable import HTTP1
@testable import Reporting

#if canImport(FoundationXML)
  import FoundationXML
#endif

@Suite struct HTMLReportTests {
  static let start = 1_795_000_000.0

  /// A report whose series has `seconds` of events (gaps included), made by the ledger.
  static func report(seconds: Int) -> RunReport {
    let clock = ManualWallClock(start)
    let ledger = RunLedger(maxAttempts: 6, now: clock.read)
    let outcomes: [AttemptOutcome] = [.response(status: 200), .response(status: 503), .timeout, .connectionError("refused")]
    for second in stride(from: 0, to: seconds, by: 1) where second % 7 != 3 {
      clock.set(start + Double(second) + 0.5)
      ledger.notificationGenerated()
      ledger.attemptStarted(first: true, late: false, at: .zero)
      let outcome = outcomes[second % outcomes.count]
      ledger.attemptFinished(ReportVersion2Tests.record(attempt: 1, outcome: outcome, latencyMs: 1 + second % 50))
      ledger.notificationEnded(outcome.isSuccess ? .delivered(attempt: 1) : .dropped, details: 1)
    }
    var report = RunReportTests.sample()
    report.timeSeries = ledger.timeSeries()
    report.latencyHistogram = ledger.snapshot().latency
    report.startedAt = WallTime(seconds: start)
    report.endedAt = WallTime(seconds: start + Double(seconds))
    return report
  }

  static func journal(notifications: Int) -> [JournalEntry] {
    (1...notifications).flatMap { number in
      let attempts = number % 4 == 0 ? 3 : 1
      return (1...attempts).map { attempt in
        JournalEntry(
          endedMs: Int64(start * 1000) + Int64(number * 40 + attempt * 1_000), notification: number, attempt: attempt,
          attemptClass: attempt == attempts ? "2xx" : "5xx", outcome: attempt == attempts ? "HTTP 200" : "HTTP 503", latencyMs: 2)
      }
    }
  }

  /// The SVG element with this id, whole.
  static func svg(_ id: String, in page: String) throws -> String {
    let start = try #require(page.range(of: "<svg id=\"\(id)\""), "no chart \(id)")
    let end = try #require(page.range(of: "</svg>", range: start.upperBound..<page.endIndex))
    return String(page[start.lowerBound..<end.upperBound])
  }

  static func occurrences(of needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

  static let timeCharts = ["chart-throughput", "chart-latency", "chart-gauges"]
  static let allCharts = timeCharts + ["chart-percentiles", "chart-attempts", "chart-retry-story"]

  /// Each chart is there, titled, and each chart over time has one point per interval, also
  /// once the series has been coarsened.
  @Test(arguments: [(1, 1), (45, 45), (5_000, 1_250)])
  func everyChartWithAPointPerInterval(seconds: Int, intervals: Int) throws {
    let report = Self.report(seconds: seconds)
    let page = HTMLReport(report: report, journal: Self.journal(notifications: 12)).render()
    for id in Self.allCharts {
      let chart = try Self.svg(id, in: page)
      #expect(chart.contains("class=\"chart-title\""), "\(id) has no visible title")
      #expect(chart.contains("<title id=\"\(id)-title\">"), "\(id) has no accessible title")
    }
    #expect(report.timeSeries.intervals.count == intervals)
    for id in Self.timeCharts {
      #expect(
        Self.occurrences(of: "<g class=\"pt\">", in: try Self.svg(id, in: page)) == report.timeSeries.intervals.count, "\(id)")
    }
    #expect(Self.occurrences(of: "class=\"story-row\"", in: try Self.svg("chart-retry-story", in: page)) == 12)
  }

  /// Nothing on the page points outside it: no script, style sheet, font or image, and no URL
  /// but the run's target, printed as text.
  @Test func selfContained() {
    let report = Self.report(seconds: 30)
    let page = HTMLReport(report: report, journal: Self.journal(notifications: 5)).render()
    let withoutTarget = page.replacingOccurrences(of: SVG.escape(report.target), with: "TARGET")
    for forbidden in ["://", "src=", "href=", "url(", "@import", "<script", "<link", "<img", "<iframe", "xlink"] {
      #expect(!withoutTarget.lowercased().contains(forbidden), "found \(forbidden)")
    }
    #expect(page.hasPrefix("<!DOCTYPE html>") && page.contains("<style>"))
  }

  /// With fewer than two notifications there is no rate (rate.achieved is 0): the page and the
  /// text say n/a rather than 1 / elapsed; from two on, both show generated / elapsed.
  @Test(arguments: [(1, "—", "n/a notifications/s"), (0, "—", "n/a notifications/s"), (3, "2", "2.0 notifications/s")])
  func notificationRateNeedsTwoNotifications(generated: Int, card: String, text: String) {
    var report = RunReportTests.sample()
    report.notifications.generated = generated
    report.rate.achieved = 0
    let page = HTMLReport(report: report, journal: nil).render()
    #expect(page.contains("<div class=\"value\">\(card)</div><div class=\"name\">notifications/s</div>"))
    #expect(report.text.contains("(\(text), "), "\(report.text)")
  }

  /// Printed, the text report wraps instead of being cut at the paper's edge (on screen it
  /// scrolls sideways).
  @Test func printedTextReportWraps() throws {
    let style = HTMLReport.style
    let print = try #require(style.range(of: "@media print {"))
    let rule = try #require(style[print.upperBound...].range(of: "pre {"))
    let body = String(style[rule.upperBound...].prefix { $0 != "}" })
    for declaration in ["white-space: pre-wrap", "overflow: visible", "word-break: break-word"] {
      #expect(body.contains(declaration), "@media print pre lacks \(declaration)")
    }
  }

  /// Every chart is well-formed XML (so it is also valid standalone SVG), hostile strings
  /// in the report included.
  @Test func chartsParseAsXML() throws {
    var report = Self.report(seconds: 30)
    report.scenario = "<script>alert('x')</script> & \"quotes\""
    report.attempts.topErrors = [.init(error: "HTTP <5xx> & 'more'", count: 1)]
    var journal = Self.journal(notifications: 400)
    journal[3].outcome = "<b>HTTP 503</b> & \"x\" 'y'\u{1}"
    let page = HTMLReport(report: report, journal: journal).render()
    #expect(!page.contains("<script>") && !page.contains("<b>HTTP"))
    for id in Self.allCharts {
      let chart = try Self.svg(id, in: page)
      let parser = XMLParser(data: Data(chart.utf8))
      #expect(parser.parse(), "\(id): \(parser.parserError.map { "\($0)" } ?? "")")
    }
  }

  /// Past `maxRows` notifications, the story shows those refused at least once, and says so.
  @Test func largeJournalsShowTheRefused() throws {
    let page = HTMLReport(report: Self.report(seconds: 30), journal: Self.journal(notifications: 400)).render()
    #expect(Self.occurrences(of: "class=\"story-row\"", in: try Self.svg("chart-retry-story", in: page)) == 100)
    #expect(page.contains("The journal holds 400 notifications; the story shows 100 of those refused at least once"))
    let withoutJournal = HTMLReport(report: Self.report(seconds: 30), journal: nil).render()
    #expect(!withoutJournal.contains("<svg id=\"chart-retry-story\""))
    #expect(withoutJournal.contains("Not drawn: no journal"))
  }

  /// The journal as `--journal` writes it is read back line by line; a bad line is named.
  @Test func journalLinesReadBack() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("html-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("journal.jsonl").path
    let line =
      #"{"time":"2026-11-25T19:16:06.131Z","elapsed_s":0.000652,"notification":3,"task_id":"t","call_id":"c","attempt":1,"class":"5xx","status":503,"latency_ms":0.652}"#
    try (line + "\n" + line.replacingOccurrences(of: "\"status\":503", with: "\"error\":\"timeout\"") + "\n").write(
      toFile: path, atomically: true, encoding: .utf8)
    let entries = try JournalEntry.read(path: path)
    #expect(entries.count == 2 && entries[0].outcome == "HTTP 503" && entries[1].outcome == "timeout")
    #expect(entries[0].endedMs == 1_795_634_166_131 && entries[0].latencyMs == 0.652)
    try (line + "\n{\"time\": 1}\n").write(toFile: path, atomically: true, encoding: .utf8)
    #expect(throws: ReportReadError.badJournalLine(file: path, line: 2)) { try JournalEntry.read(path: path) }
  }
}

extension HTMLReportTests {
  /// A run stopped before anything ended (no interval, no latency, no journal line) still
  /// gives a whole page: every chart, empty, and valid XML.
  @Test func emptyRunRenders() throws {
    var report = RunReportTests.sample()
    report.timeSeries = TimeSeries()
    report.latencyHistogram = LatencyHistogram()
    report.notifications = .init(
      generated: 0, delivered: 0, dropped: 0, abandoned: 0, cancelled: 0, deliveredOnAttempt: [0, 0, 0, 0, 0, 0], balanced: true)
    let page = HTMLReport(report: report, journal: []).render()
    for id in Self.allCharts.dropLast() {
      let chart = try Self.svg(id, in: page)
      #expect(XMLParser(data: Data(chart.utf8)).parse(), "\(id)")
      #expect(!chart.contains("nan") && !chart.contains("inf"), "\(id)")
    }
    #expect(page.contains("no attempt ended") && !page.contains("since 00:00:00 UTC"))
  }
}
