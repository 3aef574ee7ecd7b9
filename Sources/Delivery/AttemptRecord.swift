import HTTP1

/// One POST as the journal and the ledger see it.
package struct AttemptRecord: Sendable {
  /// Wall-clock time the attempt ended, for people reading the journal.
  package var wallTime: Double
  /// Run-clock time since the run started, in seconds.
  package var elapsed: Double
  package var notification: Int
  package var taskID: String
  package var firstCallID: String
  package var attempt: Int
  package var outcome: AttemptOutcome
  /// From the attempt's intended start (not its actual start) to its end.
  package var latency: Duration
}
