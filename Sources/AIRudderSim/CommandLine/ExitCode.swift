/// The tool's exit codes, as the README documents them.
public enum ExitCode: Int32, Sendable {
  /// Everything worked (all Signs matched, all delivered and thresholds met).
  case success = 0
  /// The check failed (a Sign mismatch; later: drops or a missed threshold).
  case failure = 1
  /// Bad usage, a bad scenario or bad input.
  case usage = 2
  /// Stopped by SIGINT or SIGTERM.
  case interrupted = 130
}
