import CLinuxEvents
import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// What the server's loop thread shares with its workers and with `HTTPServer.stop()`: the
/// answers workers finished (and the stop request) in a locked inbox, an eventfd that wakes the
/// loop, and the count of open connections.
final class HTTPServerMailbox: Sendable {
  /// How a worker left a connection it was answering.
  enum Outcome: Sendable {
    /// The whole response went out: read the next request, or close.
    case answered(keepAlive: Bool)
    /// The socket took only part of it: the loop writes the rest, then reads on or closes.
    case partlyAnswered(rest: [UInt8], keepAlive: Bool)
    /// Close without more (a dropped answer, or a failed send).
    case close
    /// All sent and kept alive; the worker already armed the socket for the next request.
    case rearmed
    /// All sent and kept alive, and these bytes of what follows were read: the loop parses them.
    case answeredThenReceived([UInt8])
  }

  struct Completion: Sendable {
    let token: UInt64
    let outcome: Outcome
  }

  private struct State {
    var completions: [Completion] = []
    var wakePending = false
    var stopRequested = false
    /// The loop has ended: nobody reads completions any more.
    var closed = false
  }

  /// Wakes the loop's `epoll_wait`.
  let wakeup: Int32
  /// The loop's epoll set, for `rearm`; the loop closes it only after `closeInbox`.
  let epoll: Int32
  private let state = Mutex(State())
  /// Read by workers: no keep-alive once the server stops.
  let stopping = Atomic<Bool>(false)
  let openConnections = Atomic<Int>(0)

  init(epoll: Int32) {
    self.epoll = epoll
    wakeup = eventfd(0, Int32(EFD_NONBLOCK | EFD_CLOEXEC))
  }

  deinit { Glibc.close(wakeup) }

  /// Hands a worker's outcome to the loop. False once the loop has ended: the worker then
  /// owns the connection's descriptor and closes it itself.
  func post(_ completion: Completion) -> Bool {
    let (accepted, wake) = state.withLock { state -> (Bool, Bool) in
      guard !state.closed else { return (false, false) }
      state.completions.append(completion)
      defer { state.wakePending = true }
      return (true, !state.wakePending)
    }
    if wake { signal() }
    return accepted
  }

  /// The common end of an answer (all sent, kept alive, nothing more buffered): the worker
  /// hands the connection back and asks epoll for its next request itself, without waking the
  /// loop, which learns of it on its next turn (at the latest with that request, since the
  /// completion is queued before the socket is armed). False once the loop has ended.
  func rearm(_ completion: Completion, fd: Int32) -> Bool {
    state.withLock { state in
      guard !state.closed else { return false }
      state.completions.append(completion)
      var event = epoll_event()
      event.events = EPOLLIN.rawValue | EPOLLONESHOT.rawValue
      event.data.u64 = completion.token
      _ = epoll_ctl(epoll, EPOLL_CTL_MOD, fd, &event)
      return true
    }
  }

  /// Asks the loop to end; true the first time.
  func requestStop() -> Bool {
    stopping.store(true, ordering: .releasing)
    let first = state.withLock { state in
      defer { state.stopRequested = true }
      return !state.stopRequested
    }
    if first { signal() }
    return first
  }

  /// For the loop, after the wakeup fired.
  func drainWakeup() {
    var value: UInt64 = 0
    _ = read(wakeup, &value, 8)
  }

  /// For the loop, on every turn: what arrived since the last call, and whether to stop.
  func take() -> (completions: [Completion], stop: Bool) {
    state.withLock { state in
      defer {
        state.completions.removeAll(keepingCapacity: true)
        state.wakePending = false
      }
      return (state.completions, state.stopRequested)
    }
  }

  /// For the loop as it ends: the completions still unread; later posts are refused.
  func closeInbox() -> [Completion] {
    state.withLock { state in
      state.closed = true
      defer { state.completions = [] }
      return state.completions
    }
  }

  private func signal() {
    var one: UInt64 = 1
    _ = write(wakeup, &one, 8)
  }
}
