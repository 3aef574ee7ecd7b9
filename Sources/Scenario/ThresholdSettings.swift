import Contract
import Support

/// When `run` passes (exit 0); the flags `--max-dropped`, `--max-abandoned`, `--max-p99` and
/// `--min-success-rate` override them.
package struct ThresholdSettings: Decodable, Sendable {
  /// Notifications that may be dropped (nil: none may be).
  package var maxDropped: Int?
  /// Notifications that may be abandoned: refused, then the run ended before their retries
  /// (nil: none may be).
  package var maxAbandoned: Int?
  /// Highest acceptable p99 latency.
  package var maxP99: SettingDuration?
  /// Lowest acceptable delivered / (delivered + dropped + abandoned), 0 to 1.
  package var minSuccessRate: Double?

  package init() {}

  enum CodingKeys: String, CodingKey, CaseIterable {
    case maxDropped, maxAbandoned, maxP99, minSuccessRate
  }

  package init(from decoder: any Decoder) throws {
    let s = try SettingsContainer(decoder, keys: CodingKeys.self)
    maxDropped = try s.optional(.maxDropped, in: 0...Int.max, expected: "a whole number of 0 or more")
    maxAbandoned = try s.optional(.maxAbandoned, in: 0...Int.max, expected: "a whole number of 0 or more")
    maxP99 = try s.optional(.maxP99)
    minSuccessRate = try s.optional(.minSuccessRate, in: 0...1, expected: "a rate from 0 to 1")
  }
}
