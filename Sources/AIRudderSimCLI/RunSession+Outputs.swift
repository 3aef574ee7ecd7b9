import Foundation
import HTTP1
import Receiver
import Reporting
import Support
import Synchronization

/// The run's files at its end and after a second signal: the report is written whole or not
/// at all, and every file that failed is named, with exit 1.
extension RunSession {
  /// The parts of a running run that a second signal snapshots.
  struct LiveRun: Sendable {
    var ledger: RunLedger
    var journal: AttemptJournal?
    /// The attempts `--html` draws the retry story from.
    var story: AttemptStory?
    var receiver: MockReceiver?
    var target: URL
    var started: ContinuousClock.Instant
    /// Seconds since the Unix epoch at `started`.
    var wallStart: Double
  }

  /// Writes the report (unless a second signal got there first) and names each output file
  /// that failed; any failure makes the exit code 1.
  func finishOutputs(_ report: RunReport, story: AttemptStory?, failures: [OutputError]) -> ExitCode {
    var failures = failures
    failures += writeReports(report, story: story)
    for failure in failures { stderr.line("error: \(failure.localizedDescription)") }
    return failures.isEmpty ? ExitCode(rawValue: report.exitCode) ?? .failure : .failure
  }

  /// The second signal, just before the process exits (on the signal queue, not in a signal
  /// handler, so it may lock and write): the journal is flushed and closed on a whole line, the
  /// record closed, and the report written with the state at this moment, marked interrupted.
  package func abandon() {
    guard let live = control.withLock({ $0.live }) else { return }
    live.journal?.close()
    live.receiver?.closeRecord()
    var failures = [live.journal?.failure, live.receiver?.recordFailure].compactMap { $0 }
    if options.reportPath != nil || options.htmlPath != nil {
      let report = makeReport(
        counts: live.ledger.snapshot().closingOpenNotifications(), series: live.ledger.timeSeries(), wallStart: live.wallStart,
        elapsed: live.started.duration(to: .now), target: live.target, receiver: live.receiver?.counts())
      failures += writeReports(report, story: live.story)
    }
    for failure in failures { stderr.line("error: \(failure.localizedDescription)") }
    stderr.flush()
  }

  /// `--report` and `--html`, once: whichever of the run's end and a second signal comes
  /// first. Returns the files that failed.
  private func writeReports(_ report: RunReport, story: AttemptStory?) -> [OutputError] {
    guard options.reportPath != nil || options.htmlPath != nil else { return [] }
    return reportWritten.withLock { written in
      guard !written else { return [] }
      written = true
      var failures: [OutputError] = []
      if let path = options.reportPath {
        do throws(OutputError) {
          let data: Data
          do {
            data = try report.jsonData()
          } catch {
            throw .cannotWrite(file: path, what: ReportFile.what, reason: error.localizedDescription)
          }
          try ReportFile(path: path).write(data)
        } catch {
          failures.append(error)
        }
      }
      if let path = options.htmlPath {
        let page = HTMLReport(report: report, journal: story?.attempts()).render()
        do throws(OutputError) {
          try ReportFile(path: path, what: Self.htmlWhat).write(Data(page.utf8))
        } catch {
          failures.append(error)
        }
      }
      return failures
    }
  }

  static let htmlWhat = "the HTML report"
}
