/// The one state every notification ends in; `generated = delivered + dropped + cancelled`.
public enum NotificationEnd: Sendable, Hashable {
  /// A 2xx on attempt `attempt` (1-based).
  case delivered(attempt: Int)
  /// Every attempt failed.
  case dropped
  /// The run stopped before the notification finished.
  case cancelled
}
