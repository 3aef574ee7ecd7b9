import Foundation

/// An instant of a test clock: an offset from the clock's zero.
struct TestInstant: InstantProtocol, CustomStringConvertible {
  var offset: Duration
  func advanced(by duration: Duration) -> TestInstant { TestInstant(offset: offset + duration) }
  func duration(to other: TestInstant) -> Duration { other.offset - offset }
  static func < (a: TestInstant, b: TestInstant) -> Bool { a.offset < b.offset }
  var description: String { "\(offset)" }
}

/// A clock whose sleeps return at once, moving time to their deadline (the idea of
/// swift-clocks' ImmediateClock). For one notification at a time, time is then exactly
/// what the schedule says, and a test of a 6-attempt, 5-minute schedule takes no time.
final class ImmediateTestClock: Clock, @unchecked Sendable {
  private let lock = NSLock()
  private var current = TestInstant(offset: .zero)

  var now: TestInstant { lock.withLock { current } }
  var minimumResolution: Duration { .zero }

  func sleep(until deadline: TestInstant, tolerance: Duration?) async throws {
    try Task.checkCancellation()
    lock.withLock { if deadline > current { current = deadline } }
    await Task.yield()
  }

  /// Time a transport "spends" on a request.
  func advance(by duration: Duration) {
    lock.withLock { current = current.advanced(by: duration) }
  }
}

/// A clock that moves only when the test says: sleepers wait until `advance` reaches them.
final class ManualTestClock: Clock, @unchecked Sendable {
  private struct Sleeper {
    var deadline: TestInstant
    var continuation: CheckedContinuation<Void, any Error>
  }

  private let lock = NSLock()
  private var current = TestInstant(offset: .zero)
  private var sleepers: [UUID: Sleeper] = [:]

  var now: TestInstant { lock.withLock { current } }
  var minimumResolution: Duration { .zero }
  var sleeperCount: Int { lock.withLock { sleepers.count } }

  /// Cancellation is checked under the lock that registers the sleeper: a task cancelled
  /// before it registers (when `onCancel` ran first and found nothing to resume) throws here
  /// instead of waiting for an `advance` that may never come.
  func sleep(until deadline: TestInstant, tolerance: Duration?) async throws {
    let id = UUID()
    try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
        let resumption: Result<Void, any Error>? = lock.withLock {
          if Task.isCancelled { return .failure(CancellationError()) }
          if deadline <= current { return .success(()) }
          sleepers[id] = Sleeper(deadline: deadline, continuation: continuation)
          return nil
        }
        if let resumption { continuation.resume(with: resumption) }
      }
    } onCancel: {
      let sleeper = lock.withLock { sleepers.removeValue(forKey: id) }
      sleeper?.continuation.resume(throwing: CancellationError())
    }
  }

  func advance(by duration: Duration) {
    let due: [Sleeper] = lock.withLock {
      current = current.advanced(by: duration)
      let ready = sleepers.filter { $0.value.deadline <= current }
      for key in ready.keys { sleepers.removeValue(forKey: key) }
      return Array(ready.values)
    }
    for sleeper in due { sleeper.continuation.resume() }
  }
}

/// Waits (in real time, at most `seconds`) until `condition` holds: for tests that must let
/// concurrent tasks reach a state before acting. Returns whether it held. The bound is generous
/// on purpose: Swift Testing runs synchronous tests on the same two-thread cooperative pool, so
/// on a loaded 2-core machine a task can wait many seconds for a thread; it returns as soon as
/// the condition holds.
func eventually(within seconds: Double = 60, _ condition: () async -> Bool) async -> Bool {
  let deadline = Date().addingTimeInterval(seconds)
  while Date() < deadline {
    if await condition() { return true }
    try? await Task.sleep(for: .milliseconds(2))
  }
  return await condition()
}
