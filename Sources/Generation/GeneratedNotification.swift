import Contract

/// A notification as the generator hands it on, with the simulator's own bookkeeping (which
/// never enters the payload, CONTRACT.md decision 5).
package struct GeneratedNotification: Sendable {
  /// 1-based position in the run.
  package var number: Int
  /// Index of the workflow that sent it.
  package var workflow: Int
  /// Simulated send time, UTC seconds: the latest `CallEndTime` of its calls.
  package var sendTime: Int64
  /// Unsigned until a `Signer` signs it.
  package var notification: CallCompletionNotification
}
