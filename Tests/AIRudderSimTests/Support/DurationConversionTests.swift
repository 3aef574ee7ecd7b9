import Testing

@testable import AIRudderSimCLI
@testable import Delivery
@testable import Support

/// Durations computed from input (a duration over a tiny time scale, a schedule far ahead)
/// saturate instead of trapping when they become clock durations or nanoseconds.
struct DurationConversionTests {
  @Test(arguments: [Double.infinity, 1e300, 9e9, 2.6e12])
  func hugeSecondsSaturate(seconds: Double) {
    #expect(Duration.clamped(seconds: seconds) == .seconds(9_000_000_000))
    #expect(SettingDuration(seconds: seconds).duration == .seconds(9_000_000_000))
  }

  @Test(arguments: [-Double.infinity, -1, Double.nan, 0])
  func negativeOrNaNSecondsAreZero(seconds: Double) {
    #expect(Duration.clamped(seconds: seconds) == .zero)
    #expect(SettingDuration(seconds: seconds).duration == .zero)
  }

  @Test func ordinarySecondsAreExact() {
    #expect(Duration.clamped(seconds: 1.5) == .milliseconds(1500))
    #expect(SettingDuration(seconds: 0.25).duration == .milliseconds(250))
  }

  /// The longest timeout (30 days) over the smallest time scale: 2.6e12 s, past UInt64 in
  /// nanoseconds, which used to wrap silently.
  @Test func longestScaledTimeoutSaturatesInNanoseconds() {
    let policy = RetryPolicy(
      timeout: SettingDuration.maximum.duration, interval: SettingDuration.maximum.duration, timeScale: 0.000_001,
      scalesTimeout: true)
    #expect(policy.attemptTimeout.wholeNanoseconds == 9_000_000_000 * 1_000_000_000)
    #expect(policy.scaledInterval > .seconds(2_500_000_000_000))
    #expect(Duration.seconds(-5).wholeNanoseconds == 0)
    #expect(Duration.milliseconds(1500).wholeNanoseconds == 1_500_000_000)
  }
}
