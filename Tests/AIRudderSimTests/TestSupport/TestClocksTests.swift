import Foundation
import Testing

/// The manual test clock itself: the dispatcher tests rely on it never losing a sleeper,
/// above all one whose task is cancelled as it goes to sleep.
@Suite struct TestClocksTests {
  enum Ending: Equatable {
    case resumed, cancelled
    case failed(String)
  }

  static func sleep(on clock: ManualTestClock, for duration: Duration, cancelFirst: Bool = false) -> Task<Ending, Never> {
    Task {
      if cancelFirst { withUnsafeCurrentTask { $0?.cancel() } }
      do {
        try await clock.sleep(until: TestInstant(offset: duration), tolerance: nil)
        return .resumed
      } catch is CancellationError {
        return .cancelled
      } catch {
        return .failed("\(error)")
      }
    }
  }

  /// Cancelled before it sleeps: `onCancel` runs at once and finds no sleeper, so the sleep
  /// itself must see the cancellation, or it would wait for an `advance` that never comes.
  @Test func aSleepAlreadyCancelledThrowsInsteadOfWaiting() async {
    let clock = ManualTestClock()
    let sleeping = Self.sleep(on: clock, for: .seconds(1), cancelFirst: true)
    let ended = Box<Ending>()
    Task { ended.value = await sleeping.value }
    // Either it ends, or it is stuck as a registered sleeper: whichever comes first.
    #expect(await eventually { ended.value != nil || clock.sleeperCount > 0 })
    let stuck = clock.sleeperCount
    #expect(stuck == 0, "a cancelled task was left sleeping")
    if stuck > 0 { clock.advance(by: .seconds(1)) }  // Frees it, so that the test ends.
    let ending = await sleeping.value()
    #expect(ending == .cancelled)
  }

  @Test func cancellingASleeperResumesItWithCancellation() async {
    let clock = ManualTestClock()
    let sleeping = Self.sleep(on: clock, for: .seconds(1))
    #expect(await eventually { clock.sleeperCount == 1 })
    sleeping.cancel()
    #expect(await sleeping.value(unstick: { clock.advance(by: .seconds(1)) }) == .cancelled)
    #expect(clock.sleeperCount == 0 && clock.now.offset == .zero)
  }

  @Test func advanceResumesTheSleepersItReachesOnly() async {
    let clock = ManualTestClock()
    let first = Self.sleep(on: clock, for: .seconds(1))
    let second = Self.sleep(on: clock, for: .seconds(2))
    #expect(await eventually { clock.sleeperCount == 2 })
    clock.advance(by: .seconds(1))
    #expect(await first.value(unstick: { clock.advance(by: .seconds(1)) }) == .resumed)
    #expect(clock.sleeperCount == 1)
    clock.advance(by: .seconds(1))
    #expect(await second.value(unstick: { clock.advance(by: .seconds(1)) }) == .resumed)
    #expect(clock.sleeperCount == 0 && clock.now.offset == .seconds(2))
    // A deadline already reached returns at once, without registering.
    #expect(await Self.sleep(on: clock, for: .seconds(2)).value(within: 60) == .resumed)
  }
}
