/// Where the dispatcher tells what happens to each notification and attempt. A protocol, so
/// that delivery does not depend on reporting: the tool's `RunLedger` records, tests may count.
package protocol DeliveryRecorder: Sendable {
  /// A notification was generated and will be posted.
  func notificationGenerated()
  /// An attempt began, `offset` after the run's start; `late` when a scheduled first attempt
  /// started behind its time.
  func attemptStarted(first: Bool, late: Bool, at offset: Duration)
  /// An attempt ended with its outcome.
  func attemptFinished(_ record: AttemptRecord)
  /// Notifications waiting for a retry went up or down by `change`.
  func retryWaiting(_ change: Int)
  /// A notification reached its end state; `details` are the calls it carried.
  func notificationEnded(_ end: NotificationEnd, details: Int)
  /// The run is over: nothing more will be recorded.
  func finish()
}
