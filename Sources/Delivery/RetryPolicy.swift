import Scenario
import Support

/// AIRudder's retry policy (CONTRACT.md decisions 1–4) as a pure function of the attempt that
/// just failed, so it can be tested without sleeping.
///
/// With the defaults (timeout 10 s, interval 60 s, 5 retries, time scale 1), a notification
/// whose every attempt fails within the timeout is posted at:
///
/// | attempt | starts                              | if it fails              |
/// |---------|-------------------------------------|--------------------------|
/// | 1       | when generated                      | retry 60 s after it ends |
/// | 2       | end of attempt 1 + 60 s             | retry 60 s after it ends |
/// | 3       | end of attempt 2 + 60 s             | retry 60 s after it ends |
/// | 4       | end of attempt 3 + 60 s             | retry 60 s after it ends |
/// | 5       | end of attempt 4 + 60 s             | retry 60 s after it ends |
/// | 6       | end of attempt 5 + 60 s             | dropped                  |
///
/// The interval runs from the *end* of the failed attempt, so an attempt that timed out
/// after 10 s is retried 70 s after it started. `timeScale` divides the interval (60 turns
/// 60 s into 1 s); it divides the timeout only when `scalesTimeout` is set.
package struct RetryPolicy: Sendable, Hashable {
  package var timeout: Duration
  package var interval: Duration
  package var maxRetries: Int
  package var timeScale: Double
  package var scalesTimeout: Bool

  package init(
    timeout: Duration = .seconds(10), interval: Duration = .seconds(60), maxRetries: Int = 5,
    timeScale: Double = 1, scalesTimeout: Bool = false
  ) {
    self.timeout = timeout
    self.interval = interval
    self.maxRetries = maxRetries
    self.timeScale = timeScale
    self.scalesTimeout = scalesTimeout
  }

  package init(_ settings: RetrySettings, timeScale: Double) {
    self.init(
      timeout: settings.timeout.duration, interval: settings.interval.duration, maxRetries: settings.maxRetries,
      timeScale: timeScale, scalesTimeout: settings.scaleTimeout)
  }

  /// At most this many POSTs of one notification.
  package var maxAttempts: Int { maxRetries + 1 }

  /// How long one attempt may take before it counts as timed out.
  package var attemptTimeout: Duration { scalesTimeout ? timeout / timeScale : timeout }

  /// The wait between a failed attempt's end and the next attempt's start.
  package var scaledInterval: Duration { interval / timeScale }

  /// What follows the failure of attempt `attempt` (1-based) that ended at `failedAt`: the
  /// instant of the next attempt, or nil when the notification is dropped.
  package func nextAttempt<I: InstantProtocol>(after attempt: Int, failedAt: I) -> I? where I.Duration == Duration {
    guard attempt < maxAttempts else { return nil }
    return failedAt.advanced(by: scaledInterval)
  }
}
