import Support

/// The local hours in which the dialer places calls: `{ "from": "08:00", "to": "20:00" }`.
/// Outside them dialing pauses and resumes at `from` the next day; a call is placed only if it
/// ends by `to`. `"always"` (or `from` "00:00", `to` "24:00") dials round the clock.
package struct CallingHours: Decodable, Sendable, Equatable {
  /// Seconds after local midnight.
  package var from: Int
  package var to: Int

  package init(fromHour: Int, toHour: Int) {
    from = fromHour * 3600
    to = toHour * 3600
  }

  package static let always = CallingHours(fromHour: 0, toHour: 24)

  enum CodingKeys: String, CodingKey, CaseIterable {
    case from, to
  }

  package init(from decoder: any Decoder) throws {
    if let text = try? decoder.singleValueContainer().decode(String.self) {
      guard text == "always" else {
        throw DecodingError.dataCorrupted(
          .init(
            codingPath: decoder.codingPath,
            debugDescription: "expected { \"from\": \"08:00\", \"to\": \"20:00\" } or \"always\", got \"\(text)\""))
      }
      self = .always
      return
    }
    let s = try SettingsContainer(decoder, keys: CodingKeys.self)
    guard s.contains(.from), s.contains(.to) else { throw s.invalidHere("expected both \"from\" and \"to\"") }
    from = try Self.clock(s, .from)
    to = try Self.clock(s, .to)
    guard to - from >= 3600 else {
      throw s.invalid(.to, "expected \"to\" at least an hour after \"from\" (no window across midnight)")
    }
  }

  /// `HH:MM`, from 00:00 to 24:00.
  private static func clock(_ s: SettingsContainer<CodingKeys>, _ key: CodingKeys) throws -> Int {
    let text: String = try s.value(key, default: "")
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]),
      (0...24).contains(hour), (0..<60).contains(minute), hour < 24 || minute == 0
    else { throw s.invalid(key, "expected a local time from \"00:00\" to \"24:00\", got \"\(text)\"") }
    return hour * 3600 + minute * 60
  }
}
