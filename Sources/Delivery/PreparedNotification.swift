import Foundation

/// A notification ready to post: signed and serialised once, so every attempt sends the
/// same bytes (CONTRACT.md decision 4).
struct PreparedNotification: Sendable {
  /// The run's own number, 1-based, the same on every shard (`generate`'s order).
  var number: Int
  /// Simulated send time, for the timeline mode.
  var sendTime: Int64
  /// The whole run's first simulated send time: the timeline's zero on every shard.
  var firstSendTime: Int64
  var taskID: String
  var firstCallID: String
  var detailCount: Int
  var body: Data
}
