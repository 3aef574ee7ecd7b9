/// One POST as the journal and the ledger see it.
public struct AttemptRecord: Sendable {
  /// Wall-clock time the attempt ended, for people reading the journal.
  public var wallTime: Double
  /// Run-clock time since the run started, in seconds.
  public var elapsed: Double
  public var notification: Int
  public var taskID: String
  public var firstCallID: String
  public var attempt: Int
  public var outcome: AttemptOutcome
  /// From the attempt's intended start (not its actual start) to its end.
  public var latency: Duration
}
