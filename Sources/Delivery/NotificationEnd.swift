/// The one state every notification ends in;
/// `generated = delivered + dropped + abandoned + cancelled`.
package enum NotificationEnd: Sendable, Hashable {
  /// A 2xx on attempt `attempt` (1-based).
  case delivered(attempt: Int)
  /// Every attempt failed.
  case dropped
  /// The receiver refused an attempt and the run stopped before the retries were used up:
  /// counted against the verdict like a drop, since the receiver never took it.
  case abandoned
  /// The run stopped before the notification's first attempt ended: nothing to judge.
  case cancelled
}
