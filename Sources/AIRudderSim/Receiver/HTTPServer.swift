import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A small HTTP/1.1 server on POSIX sockets (Foundation on Linux has none, and the default
/// build takes no packages). One thread per connection, so a slow or stalled client holds up
/// only itself; an idle timeout closes connections that send nothing; every write uses
/// `MSG_NOSIGNAL`, so a client that vanished cannot kill the process with SIGPIPE.
public final class HTTPServer: @unchecked Sendable {
  /// Answers a request; runs on the connection's thread and may block (delays).
  public typealias Handler = @Sendable (HTTPRequest) -> HTTPAnswer

  public let limits: HTTPLimits
  public let maxConnections: Int
  private let handler: Handler
  private let lock = NSLock()
  private var listener: Int32 = -1
  private var connections: Set<Int32> = []
  private var stopped = false
  private var acceptThread: Thread?
  private let acceptExited = DispatchSemaphore(value: 0)
  private let connectionsGone = DispatchGroup()
  public private(set) var port: UInt16 = 0
  public let host: String

  /// Binds `host:port` (port 0: a free one). With `listenAfter`, connections are refused
  /// (the socket is bound but not listening) until that much time has passed.
  public init(host: String = "127.0.0.1", port: UInt16 = 0, limits: HTTPLimits = HTTPLimits(), maxConnections: Int = 512, handler: @escaping Handler) {
    self.host = host
    self.limits = limits
    self.maxConnections = maxConnections
    self.handler = handler
    self.port = port
  }

  public enum ServerError: LocalizedError {
    /// The address could not be bound (in use, not local, not an address).
    case cannotBind(host: String, port: UInt16, reason: String)

    public var errorDescription: String? {
      switch self {
      case .cannotBind(let host, let port, let reason): "cannot listen on \(host):\(port): \(reason)"
      }
    }
  }

  /// Binds and starts accepting, or after `listenAfter`.
  public func start(listenAfter delay: Duration = .zero) throws {
    guard let address = SocketAddress(numericHost: host, port: port) else {
      throw ServerError.cannotBind(host: host, port: port, reason: "not an IPv4 or IPv6 address")
    }
    let fd = socket(address.family, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw ServerError.cannotBind(host: host, port: port, reason: String(cString: strerror(errno))) }
    var yes: Int32 = 1
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
    guard address.withSockaddr({ bind(fd, $0, $1) }) == 0 else {
      let reason = String(cString: strerror(errno))
      close(fd)
      throw ServerError.cannotBind(host: host, port: port, reason: reason)
    }
    port = SocketAddress(boundTo: fd)?.port ?? port
    // Listening before `start` returns, so a client may connect at once; with a delay the
    // socket stays bound but deaf (connections refused) until the accept thread listens.
    if delay <= .zero && listen(fd, 1024) != 0 {
      let reason = String(cString: strerror(errno))
      close(fd)
      throw ServerError.cannotBind(host: host, port: port, reason: reason)
    }
    lock.withLock { listener = fd }
    let thread = Thread { [self] in
      acceptLoop(fd, listenAfter: delay)
      acceptExited.signal()
    }
    thread.name = "receiver-accept"
    acceptThread = thread
    thread.start()
  }

  /// Stops accepting, closes every connection, and waits for their threads.
  public func stop() {
    let (fd, open, wasStopped) = lock.withLock { () -> (Int32, Set<Int32>, Bool) in
      let was = stopped
      stopped = true
      return (listener, connections, was)
    }
    guard !wasStopped else { return }
    if fd >= 0 { shutdown(fd, Int32(SHUT_RDWR)) }
    for connection in open { shutdown(connection, Int32(SHUT_RDWR)) }
    if acceptThread != nil { acceptExited.wait() }
    _ = connectionsGone.wait(timeout: .now() + 5)
    if fd >= 0 { close(fd) }
  }

  /// Open connections right now (tests check that none leak).
  public var openConnections: Int { lock.withLock { connections.count } }

  private var isStopped: Bool { lock.withLock { stopped } }

  private func acceptLoop(_ fd: Int32, listenAfter delay: Duration) {
    if delay > .zero {
      // Bound but not listening: connection attempts are refused, as from a host that is down.
      let listenAt = ContinuousClock.now.advanced(by: delay)
      while !isStopped && ContinuousClock.now < listenAt { usleep(10_000) }
      guard !isStopped, listen(fd, 1024) == 0 else { return }
    }
    while !isStopped {
      var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
      let ready = poll(&poller, 1, 100)
      if ready <= 0 { continue }
      let connection = accept(fd, nil, nil)
      if connection < 0 { continue }
      let admitted: Bool = lock.withLock {
        guard !stopped, connections.count < maxConnections else { return false }
        connections.insert(connection)
        return true
      }
      guard admitted else {
        close(connection)
        continue
      }
      var noDelay: Int32 = 1
      setsockopt(connection, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
      var timeout = timeval(tv_sec: Int(limits.idleTimeout.components.seconds), tv_usec: Int(limits.idleTimeout.components.attoseconds / 1_000_000_000_000))
      setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
      setsockopt(connection, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
      connectionsGone.enter()
      let thread = Thread { [self] in
        serve(connection)
        lock.withLock { _ = connections.remove(connection) }
        close(connection)
        connectionsGone.leave()
      }
      thread.stackSize = 512 * 1024
      thread.start()
    }
  }

  private func serve(_ fd: Int32) {
    var parser = HTTPRequestParser(limits: limits)
    var chunk = [UInt8](repeating: 0, count: 16 * 1024)
    while !isStopped {
      switch parser.next() {
      case .needMore:
        let received = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if received <= 0 { return }  // closed, reset, or idle too long
        chunk.withUnsafeBytes { parser.append(UnsafeRawBufferPointer(rebasing: $0[0..<received])) }
      case .sendContinue:
        guard send(fd, Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)) else { return }
      case .reject(let status, let reason):
        let body = Array("{\"error\":\"\(reason)\"}".utf8)
        _ = send(fd, HTTPStatusText.response(status: status, body: body, contentType: "application/json", keepAlive: false))
        return
      case .request(let box):
        let request = box.request
        switch handler(request) {
        case .drop:
          // Reset rather than close cleanly, as a crashed receiver would.
          var lingerOff = linger(l_onoff: 1, l_linger: 0)
          setsockopt(fd, SOL_SOCKET, SO_LINGER, &lingerOff, socklen_t(MemoryLayout<linger>.size))
          return
        case .respond(let status, let body, let contentType):
          let keepAlive = request.keepAlive && !isStopped
          guard send(fd, HTTPStatusText.response(status: status, body: body, contentType: contentType, keepAlive: keepAlive)), keepAlive else {
            return
          }
        }
      }
    }
  }

  private func send(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
    var offset = 0
    while offset < bytes.count {
      let sent = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
      if sent < 0 && errno == EINTR { continue }
      if sent <= 0 { return false }
      offset += sent
    }
    return true
  }
}
