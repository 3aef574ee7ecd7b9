import Dispatch
import HTTP1

#if canImport(Glibc)
  import Glibc
#endif

/// SIGINT and SIGTERM for long-running commands: the first calls `onStop` (finish cleanly),
/// a second calls `onSecond` (save what can be saved) and exits at once with 130. The handlers
/// run on a dispatch queue, not in signal context, so they may lock and write files. SIGPIPE is
/// ignored, so a peer that hangs up cannot kill the process. Handlers are restored by
/// `release()`.
final class SignalTrap: @unchecked Sendable {
  private let queue = DispatchQueue(label: "airudder-sim.signals")
  private var sources: [any DispatchSourceSignal] = []
  private var received = 0

  init(onStop: @escaping @Sendable () -> Void, onSecond: (@Sendable () -> Void)? = nil) {
    signal(SIGPIPE, SIG_IGN)
    for number in [SIGINT, SIGTERM] {
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
      source.setEventHandler { [unowned self] in
        // Signals that arrive before the handler runs come as one event with their count.
        let before = received
        received += max(1, Int(source.data))
        if before == 0 { onStop() }
        if received >= 2 {
          onSecond?()
          _exit(130)
        }
      }
      source.resume()
      sources.append(source)
    }
  }

  func release() {
    for source in sources {
      source.setEventHandler(handler: nil)  // It holds the source (for its count).
      source.cancel()
    }
    sources = []
    signal(SIGINT, SIG_DFL)
    signal(SIGTERM, SIG_DFL)
  }
}

/// Runs async work to completion from synchronous code on a thread outside Swift's
/// cooperative pool (the main thread), which may block.
func blockingAwait<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
  let box = ResultBox<T>()
  let done = DispatchSemaphore(value: 0)
  Task.detached {
    do { box.result = .success(try await work()) } catch { box.result = .failure(error) }
    done.signal()
  }
  done.wait()
  return try box.result!.get()
}

/// Carries a result from the task to the waiting thread (the semaphore orders the accesses).
private final class ResultBox<T>: @unchecked Sendable {
  var result: Result<T, any Error>?
}
