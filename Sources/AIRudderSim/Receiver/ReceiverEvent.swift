/// One answered (or dropped) notification request, for the receiver's live log.
public struct ReceiverEvent: Sendable {
  /// Arrival, seconds since 1970.
  public var time: Double
  /// The notification's number in order of first arrival.
  public var notification: Int
  public var attempt: Int
  /// nil when the connection was dropped.
  public var status: Int?
  public var note: String

  public var line: String {
    let answer = status.map { "-> \($0)" } ?? "-> no answer"
    let clock = AttemptJournal.timestamp(time).dropFirst(11).dropLast()
    return "\(clock)  notification \(notification)  attempt \(attempt)  \(answer)" + (note.isEmpty ? "" : "  (\(note))")
  }
}
