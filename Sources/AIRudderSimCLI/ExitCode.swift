/// The tool's exit codes, as the README documents them.
package enum ExitCode: Int32, Sendable {
  /// Everything worked (all Signs matched, all delivered and thresholds met).
  case success = 0
  /// The check failed (a Sign mismatch; later: drops or a missed threshold), or an output file
  /// (report, journal, record, standard output) could not be written in full.
  case failure = 1
  /// Bad usage, a bad scenario or bad input, or an output file that cannot be created.
  case usage = 2
  /// Stopped by SIGINT or SIGTERM.
  case interrupted = 130
  /// The reader of standard output closed the pipe (`generate | head`): stopped quietly, with
  /// the status a tool killed by SIGPIPE leaves (128 + 13), so `set -o pipefail` sees the same.
  case closedPipe = 141
}
