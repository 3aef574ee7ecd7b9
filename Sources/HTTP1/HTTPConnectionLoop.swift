import CLinuxEvents
import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// The socket transport's engine: one thread and one epoll set carry every connection to one
/// target. Requests come in through a locked inbox and an eventfd; each goes on an idle
/// keep-alive connection, or a new one while fewer than `maxConnections` are open (sized to
/// the concurrency, so none waits and loses part of its timeout), or else waits in line.
/// An idle connection is reused as `KeepAlivePolicy` allows, checked just before reuse, so a
/// server's idle close does not take a request with it.
/// The deadline covers the whole request, connecting and waiting included; the loop sleeps
/// exactly until the nearest one, so an idle or a waiting run costs no CPU.
// Unchecked but safe: every `var` here is the loop thread's alone; other threads touch only `inbox` (a Mutex) and the eventfd.
package final class HTTPConnectionLoop: @unchecked Sendable {
  package struct Request: Sendable {
    /// The head, through the blank line, ready for the socket.
    let head: [UInt8]
    /// The body, sent after the head in the same `writev` (it is not copied behind the head:
    /// at a load tester's rate that copy and its buffer cost more than the call).
    let body: Data
    /// `CLOCK_MONOTONIC` nanoseconds.
    let deadline: UInt64
    /// Unchecked: the loop resumes each exactly once (on its answer, its deadline, a failure, or
    /// shutdown), and a checked continuation costs an allocation per request.
    let continuation: UnsafeContinuation<AttemptOutcome, Never>

    package init(head: [UInt8], body: Data, deadline: UInt64, continuation: UnsafeContinuation<AttemptOutcome, Never>) {
      self.head = head
      self.body = body
      self.deadline = deadline
      self.continuation = continuation
    }

    /// Head and body together.
    var count: Int { head.count + body.count }
  }

  let target: HTTPTarget
  /// https: the TLS every connection shares (trust, verification, client certificate).
  let tls: TLSContext?
  /// The last resumable TLS session (`SSL_SESSION`), offered by the next connection; the loop
  /// thread's, freed on replacement and at the end.
  var keptSession: OpaquePointer?
  /// TLS handshakes completed, and those that resumed a session (for tests and figures).
  package let tlsHandshakes = Atomic<Int>(0)
  package let tlsResumed = Atomic<Int>(0)
  let maxConnections: Int
  var keepAlive: KeepAlivePolicy
  private let epoll: Int32
  private let wakeup: Int32

  /// Shared with the submitting threads.
  let inbox = Mutex(Inbox())
  private let exited = DispatchSemaphore(value: 0)
  /// The loop thread's `pthread_self()`, so that work handed in from the loop itself (a task
  /// it runs, a continuation it resumes) costs no eventfd write.
  let loopThread = Atomic<UInt>(0)

  struct Inbox {
    var requests: [Request] = []
    /// Tasks that prefer this loop as their executor, in the order they became ready.
    var jobs: [UnownedJob] = []
    var wakePending = false
    var stopping = false

    var isEmpty: Bool { requests.isEmpty && jobs.isEmpty }
  }

  // The loop thread's own (hence `@unchecked`): only `runLoop` and what it calls use these.
  var connections: [Int32: HTTPConnection] = [:]
  /// Oldest first; the most recent goes next (its server is least likely to close it).
  var idle: [HTTPConnection] = []
  /// No idle connection expires, nor may a waiting request be placed, before this (a lower
  /// bound: it may be stale, never late).
  var nextIdleCheck = UInt64.max
  private var waiting: [Request] = []
  private var waitingStart = 0
  private var nextDeadline = UInt64.max
  var generation: UInt32 = 0
  var addresses: [SocketAddress]?
  var lastLookup: UInt64 = 0
  let readBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)

  /// `tls` is required for an https target (without it, every request fails).
  package init(target: HTTPTarget, maxConnections: Int, keepAlive: KeepAlivePolicy = KeepAlivePolicy(), tls: TLSContext? = nil) {
    self.target = target
    self.tls = tls
    self.maxConnections = max(1, maxConnections)
    self.keepAlive = keepAlive
    epoll = epoll_create1(Int32(EPOLL_CLOEXEC))
    wakeup = eventfd(0, Int32(EFD_NONBLOCK | EFD_CLOEXEC))
    var event = epoll_event()
    event.events = EPOLLIN.rawValue
    event.data.u64 = UInt64(UInt32(bitPattern: wakeup))
    _ = epoll_ctl(epoll, EPOLL_CTL_ADD, wakeup, &event)
    addresses = target.resolve()
    lastLookup = Self.now()
    let thread = Thread { [self] in
      loopThread.store(UInt(pthread_self()), ordering: .releasing)
      runLoop()
      exited.signal()
    }
    thread.name = "airudder-sim.http"
    thread.start()
  }

  deinit {
    close(wakeup)
    close(epoll)
    readBuffer.deallocate()
    if let keptSession { forgetSession(keptSession) }
  }

  /// Hands a request to the loop; its continuation is resumed exactly once, from the loop.
  package func submit(_ request: Request) {
    if isLoopThread {
      // From a task the loop runs: straight onto a connection, no inbox, no later turn. (A
      // shutdown under way still ends it: the loop closes every connection when it stops.)
      accept(request, now: Self.now())
      return
    }
    let wake: Bool? = inbox.withLock { inbox in
      if inbox.stopping { return nil }
      inbox.requests.append(request)
      return Self.needsWakeup(&inbox, onLoop: false)
    }
    guard let wake else {
      request.continuation.resume(returning: .connectionError("transport closed"))
      return
    }
    if wake { signalWakeup() }
  }

  /// Whether a hand-in must wake the loop: not from the loop itself (it looks at the inbox
  /// before it sleeps), and only once until the loop has looked.
  static func needsWakeup(_ inbox: inout Inbox, onLoop: Bool) -> Bool {
    if onLoop || inbox.wakePending { return false }
    inbox.wakePending = true
    return true
  }

  package var isLoopThread: Bool { UInt(pthread_self()) == loopThread.load(ordering: .acquiring) }

  /// Ends the loop: requests still open end as "transport closed", connections close, tasks
  /// still waiting for the loop go to the global executor. Waits for the thread (unless
  /// called from it), so nothing touches the loop after this returns.
  package func shutdown() {
    let first = inbox.withLock { inbox in
      defer { inbox.stopping = true }
      return !inbox.stopping
    }
    guard first else { return }
    signalWakeup()
    if !isLoopThread { exited.wait() }
  }

  func signalWakeup() {
    var one: UInt64 = 1
    _ = write(wakeup, &one, 8)
  }

  package static func now() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
  }

  // MARK: The loop

  private func runLoop() {
    var events = [epoll_event](repeating: epoll_event(), count: 256)
    while true {
      var now = Self.now()
      if now >= nextDeadline { expire(now: now) }
      if now >= nextIdleCheck { closeExpiredIdle(now: now) }
      let wake = min(nextDeadline, nextIdleCheck)
      let wait: Int32
      if !inbox.withLock({ $0.isEmpty }) {
        wait = 0
      } else if wake == .max {
        wait = -1
      } else {
        wait = Int32(clamping: (wake - min(now, wake) + 999_999) / 1_000_000)
      }
      let count = events.withUnsafeMutableBufferPointer { epoll_wait(epoll, $0.baseAddress, Int32($0.count), wait) }
      if count < 0 && errno != EINTR { break }
      for index in 0..<max(0, Int(count)) {
        let event = events[index]
        let token = event.data.u64
        let fd = Int32(bitPattern: UInt32(truncatingIfNeeded: token))
        if fd == wakeup {
          var value: UInt64 = 0
          _ = read(wakeup, &value, 8)
        } else if let connection = connections[fd], connection.token == token {
          handle(event.events, on: connection)
        }
      }
      let (arrived, jobs, stop) = inbox.withLock { inbox in
        defer {
          inbox.requests.removeAll(keepingCapacity: true)
          inbox.jobs.removeAll(keepingCapacity: true)
          inbox.wakePending = false
        }
        return (inbox.requests, inbox.jobs, inbox.stopping)
      }
      if stop {
        closeEverything(pending: arrived)
        runElsewhere(jobs)
        return
      }
      now = Self.now()
      for request in arrived { accept(request, now: now) }
      run(jobs)
    }
    // epoll failed: nothing more can be served.
    let (pending, jobs) = inbox.withLock { inbox in
      inbox.stopping = true
      return (inbox.requests, inbox.jobs)
    }
    closeEverything(pending: pending)
    runElsewhere(jobs)
  }

  private func closeEverything(pending: [Request]) {
    for request in pending { request.continuation.resume(returning: .connectionError("transport closed")) }
    for request in waiting[waitingStart...] { request.continuation.resume(returning: .connectionError("transport closed")) }
    waiting.removeAll()
    for connection in Array(connections.values) {
      connection.release()?.continuation.resume(returning: .connectionError("transport closed"))
      discard(connection)
    }
    idle.removeAll()
  }

  /// Takes a request in: ended at once if its deadline has passed, else placed.
  private func accept(_ request: Request, now: UInt64) {
    if request.deadline <= now {
      request.continuation.resume(returning: .timeout)
    } else {
      nextDeadline = min(nextDeadline, request.deadline)
      dispatch(request)
    }
  }

  /// Puts a request on a connection: an idle one, a new one, or the line.
  func dispatch(_ request: Request) {
    if waitingStart < waiting.count {
      waiting.append(request)
      return
    }
    switch placement() {
    case .reuse(let connection): start(request, on: connection)
    case .open: open(for: request)
    case .wait: waiting.append(request)
    }
  }

  /// A connection became free or went away: waiting requests go, in order, while they can.
  func serveWaiting() {
    while waitingStart < waiting.count {
      let place = placement()
      if case .wait = place { break }
      // Taken off the line before it starts: starting may end it and serve the line again.
      let request = waiting[waitingStart]
      waitingStart += 1
      switch place {
      case .reuse(let connection): start(request, on: connection)
      case .open: open(for: request)
      case .wait: break
      }
    }
    if waitingStart == waiting.count {
      waiting.removeAll(keepingCapacity: true)
      waitingStart = 0
    }
  }

  private func start(_ request: Request, on connection: HTTPConnection) {
    connection.carry(request)
    if !connection.connecting { send(on: connection) }
  }

  /// Ends every request past its deadline as a timeout; its connection closes, since the
  /// rest of its answer could still arrive. Finds the next deadline.
  private func expire(now: UInt64) {
    var next = UInt64.max
    for connection in Array(connections.values) {
      guard let deadline = connection.request?.deadline else { continue }
      if deadline <= now {
        connection.release()?.continuation.resume(returning: .timeout)
        discard(connection)
      } else {
        next = min(next, deadline)
      }
    }
    var kept: [Request] = []
    for request in waiting[waitingStart...] {
      if request.deadline <= now {
        request.continuation.resume(returning: .timeout)
      } else {
        next = min(next, request.deadline)
        kept.append(request)
      }
    }
    waiting = kept
    waitingStart = 0
    nextDeadline = next
    serveWaiting()
  }

  // MARK: Bookkeeping

  func register(_ connection: HTTPConnection, interest: UInt32, adding: Bool) {
    var event = epoll_event()
    event.events = interest
    event.data.u64 = connection.token
    _ = epoll_ctl(epoll, adding ? EPOLL_CTL_ADD : EPOLL_CTL_MOD, connection.fd, &event)
    connection.interest = interest
  }

  func setInterest(_ connection: HTTPConnection, _ interest: UInt32) {
    if connection.interest != interest { register(connection, interest: interest, adding: false) }
  }

  /// Closes a connection that carries no request.
  func discard(_ connection: HTTPConnection) {
    connections.removeValue(forKey: connection.fd)
    _ = epoll_ctl(epoll, EPOLL_CTL_DEL, connection.fd, nil)
    connection.close()
  }
}
