import Foundation
import Testing

@testable import AIRudderSimCLI
@testable import Contract
@testable import Delivery
@testable import HTTP1
@testable import Support

@Suite struct RetryPolicyTests {
  /// The table in `RetryPolicy`'s documentation, checked without sleeping.
  @Test(arguments: 1...5)
  func retriesSixtySecondsAfterAFailureEnds(attempt: Int) {
    let policy = RetryPolicy()
    let failedAt = ContinuousClock.Instant.now
    #expect(policy.nextAttempt(after: attempt, failedAt: failedAt) == failedAt.advanced(by: .seconds(60)))
  }

  @Test func dropsAfterTheSixthAttempt() {
    let policy = RetryPolicy()
    #expect(policy.maxAttempts == 6)
    #expect(policy.nextAttempt(after: 6, failedAt: ContinuousClock.Instant.now) == nil)
    let noRetries = RetryPolicy(maxRetries: 0)
    #expect(noRetries.nextAttempt(after: 1, failedAt: ContinuousClock.Instant.now) == nil)
  }

  @Test(arguments: [(1.0, 60.0, 10.0, false), (60.0, 1.0, 10.0, false), (60.0, 1.0, 10.0 / 60, true), (2.0, 30.0, 10.0, false)])
  func timeScaleDividesTheIntervalAndOnlyOptionallyTheTimeout(
    scale: Double, interval: Double, timeout: Double, scalesTimeout: Bool
  ) {
    let policy = RetryPolicy(timeScale: scale, scalesTimeout: scalesTimeout)
    #expect(abs(policy.scaledInterval.seconds - interval) < 1e-9)
    #expect(abs(policy.attemptTimeout.seconds - timeout) < 1e-9)
  }

  @Test func fromScenarioSettings() throws {
    let decoded = try scenario(#"{ retry: { timeout: "5s", interval: "30s", maxRetries: 2 }, timeScale: 10 }"#)
    let policy = RetryPolicy(decoded.retry, timeScale: decoded.timeScale)
    #expect(policy.maxAttempts == 3 && policy.scaledInterval == .seconds(3) && policy.attemptTimeout == .seconds(5))
  }
}

@Suite struct TransportErrorMappingTests {
  @Test(arguments: [
    (URLError(.cannotConnectToHost), AttemptOutcome.connectionError("connection refused")),
    (URLError(.timedOut), AttemptOutcome.timeout),
    (URLError(.badServerResponse), AttemptOutcome.other("malformed response")),
    (
      URLError(.unknown, userInfo: [NSLocalizedDescriptionKey: "SSL certificate problem: self-signed certificate"]),
      AttemptOutcome.connectionError("TLS certificate error: SSL certificate problem: self-signed certificate")
    ),
  ])
  func urlErrorsBecomeAttemptClasses(error: URLError, outcome: AttemptOutcome) {
    #expect(URLSessionTransport.outcome(for: error) == outcome)
  }
}
