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
    var receiver: MockReceiver?
    var target: URL
    var started: ContinuousClock.Instant
    /// Seconds since the Unix epoch at `started`.
    var wallStart: Double
  }

  /// Writes the report (unless a second signal got there first) and names each output file
  /// that failed; any failure makes the exit code 1.
  func finishOutputs(_ report: RunReport, failures: [OutputError]) -> ExitCode {
    var failures = failures
    do {
      try writeReport(report)
    } catch {
      failures.append(error)
    }
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
    if options.reportPath != nil {
      let report = makeReport(
        counts: live.ledger.snapshot().closingOpenNotifications(), series: live.ledger.timeSeries(), wallStart: live.wallStart,
        elapsed: live.started.duration(to: .now), target: live.target, receiver: live.receiver?.counts())
      do {
        try writeReport(report)
      } catch {
        failures.append(error)
      }
    }
    for failure in failures { stderr.line("error: \(failure.localizedDescription)") }
    stderr.flush()
  }

  /// Writes `--report` once: whichever of the run's end and a second signal comes first.
  private func writeReport(_ report: RunReport) throws(OutputError) {
    guard let path = options.reportPath else { return }
    try reportWritten.withLock { written throws(OutputError) in
      guard !written else { return }
      let data: Data
      do {
        data = try report.jsonData()
      } catch {
        throw .cannotWrite(file: path, what: ReportFile.what, reason: error.localizedDescription)
      }
      try ReportFile(path: path).write(data)
      written = true
    }
  }
}
