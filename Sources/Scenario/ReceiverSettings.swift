import Contract
import Support

/// Faults the mock receiver injects, deterministic under `seed`. All off by default.
package struct ReceiverSettings: Decodable, Sendable {
  /// The first N attempts of a notification get a 5xx ...
  package var failFirst = 0
  /// ... for this fraction of notifications (1: every one).
  package var failFirstRate = 1.0
  /// Probability of answering `errorStatus`.
  package var errorRate = 0.0
  package var errorStatus = 500
  /// Answer this late, with probability `delayRate`.
  package var delay = SettingDuration.seconds(0)
  package var delayRate = 0.0
  /// Probability of closing the connection without answering.
  package var dropRate = 0.0
  /// Refuse connections for this long after start.
  package var downFor = SettingDuration.seconds(0)
  /// Every M-th notification always fails (0: none).
  package var failEvery = 0
  /// Seed of the fault draws; nil means the scenario's seed.
  package var seed: UInt64?

  package init() {}

  enum CodingKeys: String, CodingKey, CaseIterable {
    case failFirst, failFirstRate, errorRate, errorStatus, delay, delayRate, dropRate, downFor, failEvery, seed
  }

  package init(from decoder: any Decoder) throws {
    let s = try SettingsContainer(decoder, keys: CodingKeys.self)
    failFirst = try s.value(.failFirst, default: 0, in: 0...100, expected: "a whole number from 0 to 100")
    failFirstRate = try s.rate(.failFirstRate, default: 1)
    errorRate = try s.rate(.errorRate, default: 0)
    errorStatus = try s.value(
      .errorStatus, default: 500, in: 300...599, expected: "an HTTP status from 300 to 599 (not a success)")
    delay = try s.value(.delay, default: delay)
    delayRate = try s.rate(.delayRate, default: delay.seconds > 0 ? 1 : 0)
    dropRate = try s.rate(.dropRate, default: 0)
    downFor = try s.value(.downFor, default: downFor)
    failEvery = try s.value(.failEvery, default: 0, in: 0...1_000_000_000, expected: "a whole number of 0 or more")
    seed = try s.optional(.seed)
  }
}
