import Foundation

#if canImport(Glibc)
  import Glibc
#endif

extension Process {
  /// Waits (with `Task.sleep`, never blocking a thread other tests' tasks need) until the
  /// process ends or `deadline` passes; then sends SIGTERM, and SIGKILL if it still runs
  /// `graceSeconds` later: the tool stops gracefully on SIGTERM, and a graceful stop can itself
  /// be stuck (on a full pipe, say), which would leave `waitUntilExit` spinning for ever.
  /// Returns whether the process ended by itself before the deadline.
  func exit(by deadline: Date, graceSeconds: Double = 10) async -> Bool {
    while isRunning && Date() < deadline { try? await Task.sleep(for: .milliseconds(20)) }
    guard isRunning else {
      waitUntilExit()
      return true
    }
    terminate()
    let killBy = Date().addingTimeInterval(graceSeconds)
    while isRunning && Date() < killBy { try? await Task.sleep(for: .milliseconds(20)) }
    if isRunning { kill(processIdentifier, SIGKILL) }
    waitUntilExit()
    return false
  }
}
