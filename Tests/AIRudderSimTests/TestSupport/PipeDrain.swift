import Foundation
import Synchronization

/// Reads a pipe to its end on a thread of its own from the moment it is made, so that a child
/// that writes more than a pipe holds (64 KiB) never blocks on a full pipe while the test
/// waits for it to exit. A thread rather than a task: the read blocks, and a blocked task
/// would hold one of the few threads every test's tasks share.
final class PipeDrain: Sendable {
  private enum State {
    case reading
    case waiting(CheckedContinuation<Data, Never>)
    case done(Data)
  }

  private let state = Mutex<State>(.reading)

  init(_ handle: FileHandle) {
    Thread { [self] in
      let data = handle.readDataToEndOfFile()
      let waiter: CheckedContinuation<Data, Never>? = state.withLock { state in
        defer { state = .done(data) }
        if case .waiting(let continuation) = state { return continuation }
        return nil
      }
      waiter?.resume(returning: data)
    }.start()
  }

  /// Everything the pipe carried, once every writer has closed it (for a child's output: once
  /// the child has ended). Called once.
  func data() async -> Data {
    await withCheckedContinuation { continuation in
      let read: Data? = state.withLock { state in
        if case .done(let data) = state { return data }
        state = .waiting(continuation)
        return nil
      }
      if let read { continuation.resume(returning: read) }
    }
  }

  /// Writes `data` to `handle` and closes it, on a thread of its own, so that a child that
  /// writes before it reads everything cannot leave both sides waiting on full pipes. A
  /// child that ends without reading makes the write fail (EPIPE, with SIGPIPE ignored).
  static func feed(_ data: Data, to handle: FileHandle) {
    signal(SIGPIPE, SIG_IGN)
    Thread {
      try? handle.write(contentsOf: data)
      try? handle.close()
    }.start()
  }
}
