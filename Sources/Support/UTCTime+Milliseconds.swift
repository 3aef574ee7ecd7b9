extension UTCTime {
  /// `2024-03-11T03:20:30.123Z`: the journal's `time`.
  package static func iso8601Milliseconds(_ seconds: Double) -> String {
    let whole = Int64(seconds.rounded(.down))
    let millis = Int((seconds - Double(whole)) * 1000)
    let base = iso8601(whole)
    return String(base.dropLast()) + "." + String(millis + 1000).dropFirst() + "Z"
  }

  /// `2024-03-11T03:20:30.123Z` for a time in whole milliseconds since the epoch: exact, so a
  /// report's times read back equal.
  package static func iso8601(milliseconds: Int64) -> String {
    let whole = milliseconds.floorDividedBy1000
    let millis = Int(milliseconds - whole * 1000)
    return String(iso8601(whole).dropLast()) + "." + String(millis + 1000).dropFirst() + "Z"
  }

  /// Parses `yyyy-MM-ddTHH:mm:ss.sssZ` (or without the fraction) to milliseconds since the
  /// epoch; nil when it is neither.
  package static func parseISO8601Milliseconds(_ text: String) -> Int64? {
    if let seconds = parseISO8601(text) { return seconds * 1000 }
    let bytes = Array(text.utf8)
    guard bytes.count == 24, bytes[19] == UInt8(ascii: "."), bytes[23] == UInt8(ascii: "Z"),
      bytes[20...22].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
      let seconds = parseISO8601(String(decoding: bytes[0..<19] + [UInt8(ascii: "Z")], as: UTF8.self))
    else { return nil }
    let millis = bytes[20...22].reduce(Int64(0)) { $0 * 10 + Int64($1 - 0x30) }
    return seconds * 1000 + millis
  }
}

extension Int64 {
  fileprivate var floorDividedBy1000: Int64 { self >= 0 ? self / 1000 : (self - 999) / 1000 }
}
