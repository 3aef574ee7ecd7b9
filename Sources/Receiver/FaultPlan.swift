import Scenario
import Support

/// Decides, deterministically under a seed, how the mock receiver mistreats each attempt. A
/// notification is known by its body (retries resend the same bytes), so the same run gives
/// the same faults on the same notifications and attempts.
struct FaultPlan: Sendable {
  enum Decision: Equatable {
    case none
    /// Close the connection without answering.
    case drop
    /// Answer with this failure status.
    case fail(Int)
  }

  let faults: ReceiverSettings
  let seed: UInt64

  /// The draws for one attempt of one notification: whether to drop, how long to wait
  /// before answering, and whether to fail.
  func decide(notification digest: UInt64, ordinal: Int, attempt: Int) -> (decision: Decision, delay: Duration) {
    var perNotification = SeededRandom(seed: seed ^ digest, stream: 0)
    var perAttempt = SeededRandom(seed: seed ^ digest, stream: UInt64(attempt))
    let dropped = perAttempt.chance(faults.dropRate)
    let delayed = perAttempt.chance(faults.delayRate) && faults.delay.seconds > 0
    let erred = perAttempt.chance(faults.errorRate)
    let failsFirst = perNotification.chance(faults.failFirstRate)
    let delay: Duration = delayed ? faults.delay.duration : .zero
    if dropped { return (.drop, delay) }
    if faults.failEvery > 0 && ordinal % faults.failEvery == 0 { return (.fail(500), delay) }
    if failsFirst && attempt <= faults.failFirst { return (.fail(503), delay) }
    if erred { return (.fail(faults.errorStatus), delay) }
    return (.none, delay)
  }
}
