import Dispatch

#if canImport(Glibc)
  import Glibc
#endif

/// SIGINT and SIGTERM for long-running commands: the first calls `onStop` (finish cleanly),
/// a second exits at once with 130. SIGPIPE is ignored, so a peer that hangs up cannot kill
/// the process. Handlers are restored by `release()`.
final class SignalTrap: @unchecked Sendable {
  private let queue = DispatchQueue(label: "airudder-sim.signals")
  private var sources: [any DispatchSourceSignal] = []
  private var received = 0

  init(onStop: @escaping @Sendable () -> Void) {
    signal(SIGPIPE, SIG_IGN)
    for number in [SIGINT, SIGTERM] {
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
      source.setEventHandler { [unowned self] in
        received += 1
        if received == 1 {
          onStop()
        } else {
          _exit(130)
        }
      }
      source.resume()
      sources.append(source)
    }
  }

  func release() {
    for source in sources { source.cancel() }
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
