import CLinuxEvents
import Foundation
import Support

#if canImport(Glibc)
  import Glibc
#endif

/// The receiver's event loop: one thread and one epoll set accept every connection and read
/// heads and bodies without blocking, however many clients trickle bytes; a complete request
/// goes to the worker pool (handlers may block), and the worker's outcome comes back through
/// the mailbox. Every waiting or incomplete connection has a deadline (idle, head, body), and
/// at the connection limit the one that became ready longest ago is closed to make room.
/// Created and run on the loop thread, and touched by it only.
final class HTTPServerLoop {
  private let listener: Int32
  private let epoll: Int32
  private let mailbox: HTTPServerMailbox
  private let pool: HTTPWorkerPool
  let limits: HTTPLimits
  private let connectionLimit: Int
  /// https: every accepted connection speaks TLS with this context.
  private let tls: TLSContext?
  /// `CLOCK_MONOTONIC` nanoseconds at which to start listening (`--down-for`), until then.
  private var listenAt: UInt64?
  /// Accepting is paused until then after the process ran out of descriptors.
  private var acceptPausedUntil: UInt64?
  var connections: [Int32: HTTPServerConnection] = [:]
  /// Connections in the order they became ready for a request, oldest first: whom to shed.
  /// Entries of connections that moved on since are skipped (and compacted away).
  var shedLine: [(fd: Int32, token: UInt64, readiness: Int)] = []
  var shedFirst = 0
  private var generation: UInt32 = 0
  private var nextSweep: UInt64 = 0
  private let sweepInterval: UInt64
  let readBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)

  private static let wakeToken = UInt64.max
  private static let listenerToken = UInt64.max - 1
  private static let continueBytes = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)
  static let timeoutBytes = HTTPStatusText.response(
    status: 408, body: Array(#"{"error":"request not received in time"}"#.utf8), contentType: "application/json", keepAlive: false
  )

  init(
    listener: Int32, epoll: Int32, listenAt: UInt64?, mailbox: HTTPServerMailbox, pool: HTTPWorkerPool, limits: HTTPLimits,
    connectionLimit: Int, tls: TLSContext? = nil
  ) {
    self.tls = tls
    self.listener = listener
    self.epoll = epoll
    self.listenAt = listenAt
    self.mailbox = mailbox
    self.pool = pool
    self.limits = limits
    self.connectionLimit = max(1, connectionLimit)
    // Deadlines are checked by a sweep a few times per shortest timeout (at most 4 per second).
    let shortest = min(limits.idleTimeout, limits.headTimeout, limits.bodyTimeout).wholeNanoseconds
    sweepInterval = min(250_000_000, max(5_000_000, shortest / 4))
  }

  deinit { readBuffer.deallocate() }

  func run() {
    watch(mailbox.wakeup, token: Self.wakeToken)
    if listenAt == nil { watch(listener, token: Self.listenerToken) }
    var events = [epoll_event](repeating: epoll_event(), count: 256)
    loop: while true {
      var now = HTTPConnectionLoop.now()
      if let at = listenAt, now >= at {
        // Bound but deaf until now: connection attempts were refused, as from a host that is down.
        listenAt = nil
        if listen(listener, HTTPServer.backlog) == 0 { watch(listener, token: Self.listenerToken) }
      }
      if let until = acceptPausedUntil, now >= until {
        acceptPausedUntil = nil
        watch(listener, token: Self.listenerToken)
      }
      if now >= nextSweep {
        sweep(now: now)
        nextSweep = now + sweepInterval
      }
      var wakeAt = UInt64.max
      if !connections.isEmpty { wakeAt = nextSweep }
      if let at = listenAt { wakeAt = min(wakeAt, at) }
      if let at = acceptPausedUntil { wakeAt = min(wakeAt, at) }
      let timeout = wakeAt == .max ? -1 : Int32(clamping: (wakeAt - min(now, wakeAt) + 999_999) / 1_000_000)
      let count = events.withUnsafeMutableBufferPointer { epoll_wait(epoll, $0.baseAddress, Int32($0.count), timeout) }
      if count < 0 && errno != EINTR { break }
      now = HTTPConnectionLoop.now()
      // The wakeup is drained before the mailbox is read, never after: a signal that comes
      // between the two must stay pending, or a stop could sleep through.
      if events[0..<max(0, Int(count))].contains(where: { $0.data.u64 == Self.wakeToken }) { mailbox.drainWakeup() }
      // Answers first: a connection a worker re-armed may have its next request in this batch.
      let (completions, stop) = mailbox.take()
      for completion in completions { finished(completion, now: now) }
      if stop { break loop }
      for index in 0..<max(0, Int(count)) {
        let token = events[index].data.u64
        if token == Self.wakeToken {
          continue
        } else if token == Self.listenerToken {
          acceptAll(now: now)
        } else if let connection = connections[Int32(bitPattern: UInt32(truncatingIfNeeded: token))], connection.token == token {
          handle(events[index].events, on: connection, now: now)
        }
      }
    }
    finish()
  }

  // MARK: Accepting

  private func acceptAll(now: UInt64) {
    for _ in 0..<256 {
      let fd = clinux_accept_nonblocking(listener)
      if fd < 0 {
        switch errno {
        case EINTR, ECONNABORTED:
          continue
        case EMFILE, ENFILE, ENOBUFS, ENOMEM:
          // Out of descriptors: make room, or stop accepting for a moment rather than spin.
          if shedOldest() { continue }
          acceptPausedUntil = now + 100_000_000
          _ = epoll_ctl(epoll, EPOLL_CTL_DEL, listener, nil)
          return
        default:
          return  // EAGAIN: accepted all that waited
        }
      }
      guard connections.count < connectionLimit || shedOldest() else {
        close(fd)  // every connection is busy answering: refuse this one
        continue
      }
      var yes: Int32 = 1
      setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
      generation &+= 1
      let connection = HTTPServerConnection(
        fd: fd, token: UInt64(UInt32(bitPattern: fd)) | UInt64(generation) << 32, limits: limits, now: now)
      if let tls {
        guard let session = tls.session(fd: fd, server: true) else {
          close(fd)
          continue
        }
        connection.tls = session
        connection.handshaking = true
      }
      connections[fd] = connection
      mailbox.openConnections.add(1, ordering: .relaxed)
      var event = epoll_event()
      event.events = EPOLLIN.rawValue | EPOLLONESHOT.rawValue
      event.data.u64 = connection.token
      _ = epoll_ctl(epoll, EPOLL_CTL_ADD, fd, &event)
      connection.interest = event.events
      queueForShedding(connection)
    }
  }

  // MARK: Events

  private func handle(_ events: UInt32, on connection: HTTPServerConnection, now: UInt64) {
    connection.interest = 0  // one-shot: disarmed until `arm`
    switch connection.phase {
    case .handling:
      return
    case .answering, .refusing:
      flushOutput(of: connection, now: now)
    case .waiting, .head, .body:
      if connection.handshaking {
        continueHandshake(connection, now: now)
        return
      }
      if events & EPOLLOUT.rawValue != 0, connection.flush() == nil {
        discard(connection)
        return
      }
      if events & (EPOLLIN.rawValue | EPOLLHUP.rawValue | EPOLLERR.rawValue) != 0 {
        read(connection, now: now)
      } else {
        arm(connection)
      }
    }
  }

  /// One read (at most 64 KiB, so no connection hogs the loop), then as many requests as the
  /// bytes make.
  private func read(_ connection: HTTPServerConnection, now: UInt64) {
    if let tls = connection.tls {
      read(connection, through: tls, now: now)
      return
    }
    let received = recv(connection.fd, readBuffer.baseAddress, readBuffer.count, 0)
    if received < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {
      arm(connection)
      return
    }
    guard received > 0 else {
      discard(connection)  // closed or reset: nobody to answer
      return
    }
    connection.parser.append(UnsafeRawBufferPointer(rebasing: readBuffer[0..<received]))
    connection.lastActivity = now
    process(connection, now: now)
  }

  func process(_ connection: HTTPServerConnection, now: UInt64) {
    while true {
      switch connection.parser.next() {
      case .needMore:
        connection.updateReadingPhase(now: now)
        arm(connection)
        return
      case .sendContinue:
        connection.output += Self.continueBytes
        if connection.flush() == nil {
          discard(connection)
          return
        }
      case .reject(let status, let reason):
        let body = Array("{\"error\":\(JSONByteWriter.quoted(reason))}".utf8)
        connection.output += HTTPStatusText.response(
          status: status, body: body, contentType: "application/json", keepAlive: false)
        connection.enter(.refusing, now: now)
        flushOutput(of: connection, now: now)
        return
      case .request(let box):
        guard connection.output.isEmpty else {
          // `100 Continue` still half sent: a worker's answer would interleave with it.
          discard(connection)
          return
        }
        connection.enter(.handling, now: now)
        pool.submit(
          .init(
            fd: connection.fd, token: connection.token, request: box.request, moreBuffered: connection.parser.bufferedCount > 0,
            tls: connection.tls != nil))
        return
      }
    }
  }

  /// Writes pending output; then, once it is all out, the next step of the phase.
  private func flushOutput(of connection: HTTPServerConnection, now: UInt64) {
    switch connection.flush() {
    case nil:
      discard(connection)
    case false?:
      connection.lastActivity = now
      arm(connection)
    case true?:
      switch connection.phase {
      case .refusing: discard(connection)
      case .answering(let keepAlive): keepAlive ? ready(connection, now: now) : discard(connection)
      default: arm(connection)
      }
    }
  }

  /// A worker is done with a connection.
  private func finished(_ completion: HTTPServerMailbox.Completion, now: UInt64) {
    let fd = Int32(bitPattern: UInt32(truncatingIfNeeded: completion.token))
    guard let connection = connections[fd], connection.token == completion.token, connection.phase == .handling else { return }
    switch completion.outcome {
    case .close:
      discard(connection)
    case .answered(let keepAlive):
      keepAlive ? ready(connection, now: now) : discard(connection)
    case .answeredThenReceived(let bytes):
      connection.enter(.waiting, now: now)
      queueForShedding(connection)
      connection.parser.append(bytes)
      connection.lastActivity = now
      process(connection, now: now)
    case .rearmed:
      // Armed for EPOLLIN by the worker; nothing is buffered.
      connection.interest = EPOLLIN.rawValue | EPOLLONESHOT.rawValue
      connection.enter(.waiting, now: now)
      queueForShedding(connection)
    case .partlyAnswered(let rest, let keepAlive):
      connection.output = rest
      connection.enter(.answering(keepAlive: keepAlive), now: now)
      // A TLS answer is only made by the worker: it goes out from here.
      if connection.tls != nil {
        flushOutput(of: connection, now: now)
      } else {
        arm(connection)
      }
    }
  }

  /// The answer went out on a kept-alive connection: on to the next request (perhaps
  /// already buffered).
  private func ready(_ connection: HTTPServerConnection, now: UInt64) {
    connection.enter(.waiting, now: now)
    queueForShedding(connection)
    process(connection, now: now)
  }

  // MARK: Bookkeeping

  private func watch(_ fd: Int32, token: UInt64) {
    var event = epoll_event()
    event.events = EPOLLIN.rawValue
    event.data.u64 = token
    _ = epoll_ctl(epoll, EPOLL_CTL_ADD, fd, &event)
  }

  /// Asks for the next event the phase waits for (epoll is one-shot: one event per arming).
  func arm(_ connection: HTTPServerConnection) {
    var interest: UInt32
    switch connection.phase {
    case .handling: return
    case .answering, .refusing: interest = EPOLLOUT.rawValue
    case .waiting, .head, .body: interest = EPOLLIN.rawValue | (connection.output.isEmpty ? 0 : EPOLLOUT.rawValue)
    }
    if connection.tlsWantsWrite { interest |= EPOLLOUT.rawValue }
    interest |= EPOLLONESHOT.rawValue
    var event = epoll_event()
    event.events = interest
    event.data.u64 = connection.token
    _ = epoll_ctl(epoll, EPOLL_CTL_MOD, connection.fd, &event)
    connection.interest = interest
  }

  /// Closes a connection no worker has.
  func discard(_ connection: HTTPServerConnection) {
    connections.removeValue(forKey: connection.fd)
    _ = epoll_ctl(epoll, EPOLL_CTL_DEL, connection.fd, nil)
    if let tls = connection.tls, !connection.handshaking { tls.shutdown() }
    connection.tls = nil
    close(connection.fd)
    mailbox.openConnections.subtract(1, ordering: .relaxed)
  }

  /// Stops listening, closes every connection, and waits (up to 5 s) for the answers being
  /// sent; a worker that outlasts that closes its connection itself.
  private func finish() {
    _ = epoll_ctl(epoll, EPOLL_CTL_DEL, listener, nil)
    close(listener)
    for connection in Array(connections.values) {
      if connection.phase == .handling {
        shutdown(connection.fd, Int32(SHUT_RDWR))  // its worker's send fails at once
      } else {
        discard(connection)
      }
    }
    let giveUpAt = HTTPConnectionLoop.now() + 5_000_000_000
    var event = epoll_event()
    while !connections.isEmpty {
      let now = HTTPConnectionLoop.now()
      guard now < giveUpAt else { break }
      let timeout = Int32(clamping: min(100, (giveUpAt - now) / 1_000_000 + 1))
      _ = epoll_wait(epoll, &event, 1, timeout)
      mailbox.drainWakeup()
      for completion in mailbox.take().completions { closeAfterWorker(completion.token) }
    }
    for completion in mailbox.closeInbox() { closeAfterWorker(completion.token) }
    _ = epoll_ctl(epoll, EPOLL_CTL_DEL, mailbox.wakeup, nil)
    close(epoll)
  }

  private func closeAfterWorker(_ token: UInt64) {
    let fd = Int32(bitPattern: UInt32(truncatingIfNeeded: token))
    if let connection = connections[fd], connection.token == token { discard(connection) }
  }
}
