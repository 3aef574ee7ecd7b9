import Contract
import Support

/// How hard and how long `run` sends.
package struct LoadSettings: Decodable, Sendable {
  /// The load model.
  package enum Mode: String, Decodable, Sendable, CaseIterable, SettingChoice {
    package init(from decoder: any Decoder) throws { self = try Self.decodeChoice(from: decoder) }

    /// Closed model: at most `concurrency` requests in flight, as fast as the receiver allows.
    case concurrency
    /// Open model: `rate` notifications a second on schedule, capped by `concurrency`.
    case rate
    /// Each notification at its simulated send time divided by the time scale.
    case timeline
  }

  package var mode = Mode.concurrency
  package var concurrency = 16
  /// Notifications per second in `rate` mode.
  package var rate: Double?
  /// Stop after this many notifications; nil means the scenario's end.
  package var count: Int?
  /// Stop after this long; nil means no limit.
  package var duration: SettingDuration?

  package init() {}

  enum CodingKeys: String, CodingKey, CaseIterable {
    case mode, concurrency, rate, count, duration
  }

  package init(from decoder: any Decoder) throws {
    let s = try SettingsContainer(decoder, keys: CodingKeys.self)
    mode = try s.value(.mode, default: mode)
    concurrency = try s.value(.concurrency, default: concurrency, in: 1...10_000, expected: "a whole number from 1 to 10000")
    rate = try s.optional(.rate)
    if let rate, !(0.001...1_000_000).contains(rate) {
      throw s.invalid(.rate, "expected a rate from 0.001 to 1000000 per second, got \(rate)")
    }
    if mode == .rate && rate == nil { throw s.invalid(.rate, "expected a rate when mode is \"rate\"") }
    count = try s.optional(.count)
    if let count, count < 1 { throw s.invalid(.count, "expected a whole number of 1 or more, got \(count)") }
    duration = try s.optional(.duration)
    if let duration, duration.seconds <= 0 { throw s.invalid(.duration, "expected a duration above 0") }
  }
}
