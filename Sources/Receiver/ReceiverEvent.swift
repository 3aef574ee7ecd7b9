import Support

/// One answered (or dropped) notification request, for the receiver's live log.
package struct ReceiverEvent: Sendable {
  /// Arrival, seconds since 1970.
  package var time: Double
  /// The notification's number in order of first arrival.
  package var notification: Int
  package var attempt: Int
  /// nil when the connection was dropped.
  package var status: Int?
  package var note: String

  package var line: String {
    let answer = status.map { "-> \($0)" } ?? "-> no answer"
    let clock = UTCTime.iso8601Milliseconds(time).dropFirst(11).dropLast()
    return "\(clock)  notification \(notification)  attempt \(attempt)  \(answer)" + (note.isEmpty ? "" : "  (\(note))")
  }
}
