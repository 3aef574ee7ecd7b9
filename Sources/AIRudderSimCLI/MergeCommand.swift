import Foundation
import Reporting
import Support

/// `airudder-sim merge`: the reports of a run's shards (`run --shard I/N`) as one report of the
/// whole run, judged again as a whole; the exit code is the merged verdict.
enum MergeCommand {
  static let spec = CommandSpec(
    name: "merge",
    summary: "Merge the reports of a run's shards (run --shard I/N) into the whole run's report and verdict.",
    discussion: """
      Every shard of one run (the same scenario file, seed, --count and shard count) is needed,
      each once; counts add up, the latency histograms and the time series (aligned on
      wall-clock time) merge exactly, and the thresholds the shards were given are judged on the
      whole. The rate target, achieved rate and concurrency are the shards' summed; elapsed is
      from the first shard's start to the last one's end.
      Exit codes: 0 the merged run passed; 1 it failed (a threshold missed, a shard interrupted
      or with reconciliation errors), or the merged report could not be written in full; 2 bad
      usage, a report that cannot be read, reports of different runs, a shard given twice, or a
      shard missing (unless --allow-partial).
      """,
    positionals: [.init("REPORT", repeats: true, help: "Report files written by run --report (version 2), one per shard.")],
    options: [
      .init("--report", value: "FILE", help: "Write the merged JSON report to FILE."),
      .init("--html", value: "FILE", help: "Write the merged report as a self-contained HTML page to FILE."),
      .init("--allow-partial", help: "Merge even with shards missing (says which); a shard given twice is still refused."),
      .init("--quiet", help: "Print nothing but errors and warnings."),
    ])

  static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> ExitCode {
    let reportFile = arguments.string("--report").map { ReportFile(path: $0) }
    var inputs: [(file: String, report: RunReport)] = []
    do {
      for path in arguments.positionals { inputs.append((path, try RunReport.read(path: path))) }
    } catch {
      context.stderr.line("error: \(error.localizedDescription)")
      return .usage
    }
    let merged: RunReport
    do {
      merged = try RunReport.merge(inputs, allowPartial: arguments.has("--allow-partial"))
    } catch {
      context.stderr.line("error: \(error.localizedDescription)")
      return .usage
    }
    let htmlFile = arguments.string("--html").map { ReportFile(path: $0, what: RunSession.htmlWhat) }
    try reportFile?.prepare()
    try htmlFile?.prepare()
    let shards = merged.merged!
    if !shards.missing.isEmpty {
      context.stderr.line(
        "warning: partial merge: shard\(shards.missing.count == 1 ? "" : "s") "
          + shards.missing.map { "\($0)/\(shards.count)" }.joined(separator: ", ")
          + " missing; the figures cover \(shards.shards.count) of \(shards.count) shards")
    }
    if !arguments.has("--quiet") {
      context.stdout.write(merged.text)
    }
    for problem in merged.reconciliationErrors { context.stderr.line("error: \(problem)") }
    if let reportFile {
      do {
        try reportFile.write(try reportData(merged, path: arguments.string("--report")!))
      } catch {
        context.stderr.line("error: \(error.localizedDescription)")
        return .failure
      }
    }
    if let htmlFile {
      do {
        // The retry story needs a journal, which shards keep apart: the page has the rest.
        try htmlFile.write(Data(HTMLReport(report: merged, journal: nil).render().utf8))
      } catch {
        context.stderr.line("error: \(error.localizedDescription)")
        return .failure
      }
    }
    return merged.exitCode == 0 ? .success : .failure
  }

  private static func reportData(_ report: RunReport, path: String) throws(OutputError) -> Data {
    do {
      return try report.jsonData()
    } catch {
      throw .cannotWrite(file: path, what: ReportFile.what, reason: error.localizedDescription)
    }
  }
}
