import Foundation

/// A notification ready to post: signed and serialised once, so every attempt sends the
/// same bytes (CONTRACT.md decision 4).
struct PreparedNotification: Sendable {
  var number: Int
  /// Simulated send time, for the timeline mode.
  var sendTime: Int64
  var taskID: String
  var firstCallID: String
  var detailCount: Int
  var body: Data
}
