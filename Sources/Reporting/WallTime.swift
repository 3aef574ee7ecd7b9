import Support

/// A wall-clock time in whole milliseconds since the Unix epoch, written as
/// `2026-11-25T19:20:00.123Z`.
package struct WallTime: Codable, Sendable, Equatable, Comparable {
  package var milliseconds: Int64

  package init(milliseconds: Int64) {
    self.milliseconds = milliseconds
  }

  package init(seconds: Double) {
    milliseconds = Int64((seconds * 1000).rounded())
  }

  package var seconds: Double { Double(milliseconds) / 1000 }

  package static func < (lhs: WallTime, rhs: WallTime) -> Bool { lhs.milliseconds < rhs.milliseconds }

  package func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(UTCTime.iso8601(milliseconds: milliseconds))
  }

  package init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let milliseconds = UTCTime.parseISO8601Milliseconds(text) else {
      throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a UTC time like 2026-11-25T19:20:00.123Z")
    }
    self.milliseconds = milliseconds
  }
}
