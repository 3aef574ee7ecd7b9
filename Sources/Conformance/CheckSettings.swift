import Support

/// What `check` was asked for.
package struct CheckSettings: Sendable {
  /// KEY of the Sign; it never appears in any output.
  package var key = "airudder"
  /// Each request's deadline, connecting included (AIRudder's: 10 s).
  package var timeout: Duration = .seconds(10)
  /// Notifications posted at once by `delivery.burst`.
  package var burst = 50
  /// `--save-bodies DIR`: every request body is written there.
  package var saveBodies: String?
  /// Seeds every case's payloads; random per run, so a second run sends no repeats.
  package var seed: UInt64 = UInt64.random(in: 1...(1 << 40))
  /// The sustained phase of `answer.latency`: notifications a second, for how long.
  package var sustainedRate = 20
  package var sustainedDuration: Duration = .seconds(3)

  package init() {}

  /// The timeout as the tool writes durations: `10s`, `300ms`.
  package var shownTimeout: String { SettingDuration(seconds: timeout / .seconds(1)).description }
}
