import Dispatch
import HTTP1
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// SIGINT and SIGTERM for long-running commands: the first calls `onStop` (finish cleanly),
/// a second calls `onSecond` (save what can be saved) and exits at once with 130. The handlers
/// run on a dispatch queue, not in signal context, so they may lock and write files. SIGPIPE is
/// ignored, so a peer that hangs up cannot kill the process. Handlers are restored by
/// `release()`.
final class SignalTrap: Sendable {
  private let queue = DispatchQueue(label: "airudder-sim.signals")
  private let state = Mutex(State())

  private struct State {
    /// Kept under the lock because a dispatch source is not Sendable.
    var sources: [any DispatchSourceSignal] = []
    var received = 0
  }

  init(onStop: @escaping @Sendable () -> Void, onSecond: (@Sendable () -> Void)? = nil) {
    signal(SIGPIPE, SIG_IGN)
    for number in [SIGINT, SIGTERM] {
      signal(number, SIG_IGN)
      state.withLock { state in
        let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
        source.setEventHandler { [unowned self] in
          // Signals that arrive before the handler runs come as one event with their count.
          let (before, received) = count(max(1, Int(source.data)))
          if before == 0 { onStop() }
          if received >= 2 {
            onSecond?()
            _exit(130)
          }
        }
        source.resume()
        state.sources.append(source)
      }
    }
  }

  /// Adds `signals` to the count; the counts before and after.
  private func count(_ signals: Int) -> (before: Int, after: Int) {
    state.withLock { state in
      let before = state.received
      state.received += signals
      return (before, state.received)
    }
  }

  func release() {
    state.withLock { state in
      for source in state.sources {
        source.setEventHandler(handler: nil)  // It holds the source (for its count).
        source.cancel()
      }
      state.sources = []
    }
    signal(SIGINT, SIG_DFL)
    signal(SIGTERM, SIG_DFL)
  }
}
