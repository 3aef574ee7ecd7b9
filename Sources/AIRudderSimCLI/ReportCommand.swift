import Foundation
import Reporting

/// `airudder-sim report`: a report written earlier by `run --report`, as text or as the
/// self-contained HTML page `run --html` writes (the retry story needs the run's journal).
enum ReportCommand {
  static let spec = CommandSpec(
    name: "report",
    summary: "Show a report written by 'run --report': as text, or as an HTML page with charts.",
    discussion: """
      Reads a version 2 report (run --report FILE). Without --html it prints the run's summary as
      run printed it. With --html FILE it writes one self-contained HTML page (no script, font or
      style from anywhere; the charts are inline SVG): the summary, verdict and thresholds,
      throughput and latency over time, the latency distribution, retries waiting, attempts per
      notification, and, given the run's --journal, the retry story.
      Exit codes: 0 written; 1 the page could not be written in full; 2 a report or journal that
      cannot be read, or a page that cannot be created.
      """,
    positionals: [.init("REPORT", help: "The JSON report, e.g. report.json; - reads standard input.")],
    options: [
      .init("--journal", value: "FILE", help: "The run's --journal, to draw the retry story."),
      .init("--html", value: "FILE", help: "Write the HTML page to FILE."),
    ])

  static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> ExitCode {
    guard let path = arguments.positional(0) else { throw CommandLineError.missingArgument("REPORT") }
    let report =
      path == "-"
      ? try RunReport.decode(context.stdin.readDataToEndOfFile(), file: "<stdin>") : try RunReport.read(path: path)
    guard let output = arguments.string("--html") else {
      if arguments.string("--journal") != nil {
        throw CommandLineError.invalidValue(
          option: "--journal", value: arguments.string("--journal")!, expected: "--html FILE as well (the journal is drawn)")
      }
      context.stdout.write(report.text)
      return .success
    }
    let html = try HTMLReport(report: report, journalPath: arguments.string("--journal"))
    try ReportFile(path: output, what: "the HTML report").write(Data(html.render().utf8))
    // The page is still useful (exit 0), but a user who never opens it must hear of this too.
    if let warning = html.journalWarning, let journal = arguments.string("--journal") {
      context.stderr.line("warning: --journal \(journal): \(warning)")
    }
    return .success
  }
}
