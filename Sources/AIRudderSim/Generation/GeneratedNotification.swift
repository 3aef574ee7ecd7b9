/// A notification as the generator hands it on, with the simulator's own bookkeeping (which
/// never enters the payload, CONTRACT.md decision 5).
public struct GeneratedNotification: Sendable {
  /// 1-based position in the run.
  public var number: Int
  /// Index of the workflow that sent it.
  public var workflow: Int
  /// Simulated send time, UTC seconds: the latest `CallEndTime` of its calls.
  public var sendTime: Int64
  /// Unsigned until a `Signer` signs it.
  public var notification: CallCompletionNotification
}
