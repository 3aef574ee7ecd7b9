import CLinuxEvents
import Foundation
import Support
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// A small HTTP/1.1 server on POSIX sockets (Foundation on Linux has none, and the default
/// build takes no packages). One event-loop thread reads every connection without blocking
/// (`HTTPServerLoop`), so a slow client holds up only itself: thousands of clients that trickle
/// a head cost a few bytes each, the head and the body have deadlines of their own, and at the
/// connection limit the oldest idle or incomplete connection makes room. Complete requests are
/// answered on worker threads (`HTTPWorkerPool`), since a handler may block; every write uses
/// `MSG_NOSIGNAL`, so a client that vanished cannot kill the process with SIGPIPE.
package final class HTTPServer: Sendable {
  /// Answers a request; runs on a worker thread and may block (delays).
  package typealias Handler = @Sendable (HTTPRequest) -> HTTPAnswer

  package let limits: HTTPLimits
  package let host: String
  private let handler: Handler
  private let requestedPort: UInt16
  /// https: the certificate, key and client CA; nil serves plain http.
  package let tls: TLSServerSettings?

  private struct Running: Sendable {
    let mailbox: HTTPServerMailbox
    let pool: HTTPWorkerPool
    let exited: DispatchSemaphore
  }

  private struct State: Sendable {
    var port: UInt16
    var running: Running?
    var stopped = false
  }

  private let state: Mutex<State>

  /// Connections the kernel holds for `accept` (capped by net.core.somaxconn): when thousands
  /// of slow clients reconnect at once, a short queue drops the SYNs of valid clients too, and
  /// they retry only a second later.
  static let backlog: Int32 = 4096

  /// Binds `host:port` (port 0: a free one) when started.
  /// With `tls`, serves https (`start` checks its files and throws `TLSSetupError`).
  package init(
    host: String = "127.0.0.1", port: UInt16 = 0, limits: HTTPLimits = HTTPLimits(), tls: TLSServerSettings? = nil,
    handler: @escaping Handler
  ) {
    self.host = host
    self.tls = tls
    self.limits = limits
    self.handler = handler
    requestedPort = port
    state = Mutex(State(port: port))
  }

  package enum ServerError: LocalizedError {
    /// The address could not be bound (in use, not local, not an address).
    case cannotBind(host: String, port: UInt16, reason: String)

    package var errorDescription: String? {
      switch self {
      case .cannotBind(let host, let port, let reason): "cannot listen on \(host):\(port): \(reason)"
      }
    }
  }

  /// The port bound (the one chosen when asked for 0).
  package var port: UInt16 { state.withLock { $0.port } }

  /// Open connections right now (tests check that none leak).
  package var openConnections: Int {
    state.withLock { $0.running }?.mailbox.openConnections.load(ordering: .relaxed) ?? 0
  }

  /// Binds and starts accepting; with `listenAfter`, connections are refused (the socket is
  /// bound but not listening) until that much time has passed.
  package func start(listenAfter delay: Duration = .zero) throws {
    let port = requestedPort
    let context = try tls.map { settings throws(TLSSetupError) in try TLSContext.server(settings) }
    guard let address = SocketAddress(numericHost: host, port: port) else {
      throw ServerError.cannotBind(host: host, port: port, reason: "not an IPv4 or IPv6 address")
    }
    // Room for every connection the limit allows (the common soft limit is 1,024).
    OpenFileLimit.raise(toward: limits.maxConnections + 256)
    let fd = socket(address.family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
    guard fd >= 0 else { throw ServerError.cannotBind(host: host, port: port, reason: String(cString: strerror(errno))) }
    func fail() -> ServerError {
      let reason = String(cString: strerror(errno))
      close(fd)
      return ServerError.cannotBind(host: host, port: port, reason: reason)
    }
    var yes: Int32 = 1
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
    guard address.withSockaddr({ bind(fd, $0, $1) }) == 0 else { throw fail() }
    let bound = SocketAddress(boundTo: fd)?.port ?? port
    // Listening before `start` returns, so a client may connect at once; with a delay the
    // socket stays bound but deaf (connections refused) until the loop listens.
    if delay <= .zero && listen(fd, Self.backlog) != 0 { throw fail() }
    let epoll = epoll_create1(Int32(EPOLL_CLOEXEC))
    guard epoll >= 0 else { throw fail() }

    let mailbox = HTTPServerMailbox(epoll: epoll)
    let pool = HTTPWorkerPool(handler: handler, mailbox: mailbox, limits: limits)
    let running = Running(mailbox: mailbox, pool: pool, exited: DispatchSemaphore(value: 0))
    state.withLock {
      $0.port = bound
      $0.running = running
    }
    let listenAt = delay > .zero ? HTTPConnectionLoop.now() + delay.wholeNanoseconds : nil
    let limits = limits
    let connectionLimit = Self.connectionLimit(limits.maxConnections)
    let thread = Thread {
      HTTPServerLoop(
        listener: fd, epoll: epoll, listenAt: listenAt, mailbox: mailbox, pool: pool, limits: limits,
        connectionLimit: connectionLimit, tls: context
      ).run()
      running.exited.signal()
    }
    thread.name = "receiver-loop"
    thread.start()
  }

  /// Stops accepting, closes every connection, and waits (up to 5 s) for answers being sent.
  package func stop() {
    let running = state.withLock { state -> Running? in
      defer { state.stopped = true }
      return state.stopped ? nil : state.running
    }
    guard let running else { return }
    if running.mailbox.requestStop() { running.exited.wait() }
    running.pool.shutdown()
  }

  /// `maxConnections`, or fewer when the open-file limit (raised as far as allowed) is lower:
  /// past it `accept` would fail instead of shedding.
  private static func connectionLimit(_ maxConnections: Int) -> Int {
    var limit = rlimit()
    guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return maxConnections }
    return max(1, min(maxConnections, Int(clamping: limit.rlim_cur) - 128))
  }
}
