import Foundation
import Testing

extension Task where Failure == Never {
  /// The task's value, waiting at most `seconds` in real time (and returning as soon as it
  /// ends). Past that the test fails, the task is cancelled and `unstick` runs (say, moving a
  /// manual clock past every sleeper), so a task stuck by a bug fails its test instead of
  /// hanging the whole run. The bound is generous for the reason `eventually` gives.
  func value(
    within seconds: Double = 60, unstick: () -> Void = {}, sourceLocation: SourceLocation = #_sourceLocation
  ) async -> Success {
    let ended = Box<Bool>()
    let watcher = Task<Success, Never> {
      let value = await self.value
      ended.value = true
      return value
    }
    if await !eventually(within: seconds, { ended.value == true }) {
      Issue.record("the task did not end within \(seconds)s; cancelling it", sourceLocation: sourceLocation)
      cancel()
      unstick()
    }
    return await watcher.value
  }
}
