import Contract
import Support

/// AIRudder's retry policy (CONTRACT.md decisions 1–4): 10 s to answer, then a retry 60 s
/// after each failed attempt ends, at most 5 retries.
package struct RetrySettings: Decodable, Sendable {
  package var timeout = SettingDuration.seconds(10)
  package var interval = SettingDuration.seconds(60)
  package var maxRetries = 5
  /// Whether the time scale also divides the timeout (normally it is left alone).
  package var scaleTimeout = false

  package init() {}

  enum CodingKeys: String, CodingKey, CaseIterable {
    case timeout, interval, maxRetries, scaleTimeout
  }

  package init(from decoder: any Decoder) throws {
    let s = try SettingsContainer(decoder, keys: CodingKeys.self)
    timeout = try s.value(.timeout, default: timeout)
    guard timeout.seconds > 0 else { throw s.invalid(.timeout, "expected a timeout above 0") }
    interval = try s.value(.interval, default: interval)
    maxRetries = try s.value(.maxRetries, default: maxRetries, in: 0...100, expected: "a whole number from 0 to 100")
    scaleTimeout = try s.value(.scaleTimeout, default: scaleTimeout)
  }
}
