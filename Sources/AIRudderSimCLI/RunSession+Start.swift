import Foundation
import Support

/// `--start-at`: the shards of one run wait for one wall-clock time, so they start together.
extension RunSession {
  /// Sleeps until `options.startAt` (a signal ends the wait, and the run then starts nothing).
  /// A time already past starts at once, with a warning: a shard that came up late (a pod
  /// pulled its image slowly) still sends its share, only not in step.
  func waitForStart() async {
    guard let startAt = options.startAt else { return }
    let delay = startAt.timeIntervalSinceNow
    let when = UTCTime.iso8601(milliseconds: Int64((startAt.timeIntervalSince1970 * 1000).rounded()))
    guard delay > 0 else {
      stderr.line(
        "warning: --start-at \(when) was \(SettingDuration(seconds: (-delay * 1000).rounded() / 1000)) ago; starting now")
      return
    }
    stderr.line("waiting until \(when) (\(SettingDuration(seconds: (delay * 10).rounded() / 10)) from now) to start")
    stderr.flush()
    let wait = Task { _ = try? await Task.sleep(for: .clamped(seconds: delay)) }
    let alreadyStopped = control.withLock { control in
      control.runTask = wait
      return control.interrupted
    }
    if alreadyStopped { wait.cancel() }
    await wait.value
  }
}
