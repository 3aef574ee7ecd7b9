import Support

/// Where the dispatcher takes its notifications from: the generator (`NotificationFeed`) or a
/// file of payloads (`ReplayFeed`). Workers of both load models call `next` concurrently;
/// each passes its own writer, reused from one notification to the next.
protocol NotificationSource: Sendable {
  /// The next notification, ready to post and counted as generated; nil at the end.
  /// `lane`: which of the transport's threads the worker runs on (0 without).
  func next(writingThrough writer: inout JSONByteWriter, lane: Int) async -> PreparedNotification?
}
