extension UTCTime {
  /// `2024-03-11T03:20:30.125Z`: wall-clock times in the journal and the receiver's record.
  package static func iso8601Milliseconds(_ seconds: Double) -> String {
    let whole = Int64(seconds.rounded(.down))
    let millis = Int((seconds - Double(whole)) * 1000)
    let base = iso8601(whole)
    return String(base.dropLast()) + "." + String(millis + 1000).dropFirst() + "Z"
  }
}
