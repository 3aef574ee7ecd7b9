import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// One HTTP/1.1 connection for `check`, used by one thread at a time: each call blocks until its answer,
/// its failure or its deadline (`poll` on a non-blocking socket, so a silent receiver cannot
/// hold it past the deadline). Unlike the transport's loop it keeps what a verdict needs as
/// evidence: the status, the first bytes of the body, and whether the connection may carry
/// the next request. For https its reads and writes go through its `TLSSession`
/// (`HTTPProbeConnection+TLS.swift`). Not `Sendable`: each lives on the one thread that made it.
package final class HTTPProbeConnection {
  /// A whole answer.
  package struct Answer: Sendable, Equatable {
    package var status: Int
    /// The first bytes of the body (at most the limit asked for).
    package var bodyPrefix: [UInt8]
    /// The receiver keeps the connection open for the next request.
    package var keepAlive: Bool
  }

  /// Why there is no answer.
  package enum Failure: Error, Sendable, Equatable {
    /// The deadline passed first.
    case timeout
    /// No exchange: refused, reset, unreachable, not found; the words the transport uses.
    case connection(String)
    /// The bytes that came back are not an HTTP/1.x response.
    case malformed(String)
    /// The deadline passed with an answer begun: its status when its head was read whole
    /// (the body never finished), else nil (the head never ended, as with bare-LF line
    /// endings); and its first bytes, as evidence.
    case unfinished(status: Int?, firstBytes: [UInt8])
  }

  /// How many of an answer's first bytes `unfinished` keeps.
  package static let firstBytesKept = 160

  let fd: Int32
  /// The connection's TLS, for https (set once, right after connecting).
  var tls: TLSSession?

  private init(fd: Int32) {
    self.fd = fd
  }

  deinit {
    tls?.shutdown()
    Glibc.close(fd)
  }

  /// The target's addresses, or nil when its host has none.
  package static func resolve(_ target: HTTPTarget) -> [SocketAddress]? {
    target.resolve()
  }

  /// Connects to the first of `addresses` that answers before `deadline` (`CLOCK_MONOTONIC` ns);
  /// with `tls`, then makes the handshake with `host`'s name (before the same deadline).
  package static func open(
    to addresses: [SocketAddress], deadline: UInt64, tls: TLSContext? = nil, host: String = ""
  ) -> Result<HTTPProbeConnection, Failure> {
    let connected = connect(to: addresses, deadline: deadline)
    guard let tls, case .success(let connection) = connected else { return connected }
    if let failure = connection.handshake(tls, host: host, deadline: deadline) { return .failure(failure) }
    return .success(connection)
  }

  private static func connect(to addresses: [SocketAddress], deadline: UInt64) -> Result<HTTPProbeConnection, Failure> {
    var last = Failure.connection("host not found")
    for address in addresses {
      let fd = socket(
        address.family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
      guard fd >= 0 else { return .failure(.connection(HTTPConnection.SocketError(code: errno).description)) }
      var yes: Int32 = 1
      setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
      let connection = HTTPProbeConnection(fd: fd)
      if address.withSockaddr({ Glibc.connect(fd, $0, $1) }) != 0 {
        guard errno == EINPROGRESS else {
          last = .connection(HTTPConnection.SocketError(code: errno).description)
          continue
        }
        if let failure = connection.wait(for: Int16(POLLOUT), until: deadline) { return .failure(failure) }
        var error: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length)
        if error != 0 {
          last = .connection(HTTPConnection.SocketError(code: error).description)
          continue
        }
      }
      return .success(connection)
    }
    return .failure(last)
  }

  /// Sends `request` (head and body) and reads the answer, keeping `bodyPrefix` bytes of its body.
  package func exchange(_ request: [UInt8], deadline: UInt64, bodyPrefix: Int = 512) -> Result<Answer, Failure> {
    if let tls { return exchange(request, through: tls, deadline: deadline, bodyPrefix: bodyPrefix) }
    var written = 0
    while written < request.count {
      let sent = request.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + written, $0.count - written, Int32(MSG_NOSIGNAL)) }
      if sent > 0 {
        written += sent
        continue
      }
      if sent < 0 && errno == EINTR { continue }
      if sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
        if let failure = wait(for: Int16(POLLOUT), until: deadline) { return .failure(failure) }
        continue
      }
      // A receiver may answer (413, say) and close before reading the whole body: that answer counts.
      let error = errno
      if case .success(let answer) = read(deadline: deadline, bodyPrefix: bodyPrefix) { return .success(answer) }
      return .failure(.connection(HTTPConnection.SocketError(code: error).description))
    }
    return read(deadline: deadline, bodyPrefix: bodyPrefix)
  }

  func read(deadline: UInt64, bodyPrefix: Int) -> Result<Answer, Failure> {
    var reader = HTTPResponseReader(bodyPrefixLimit: bodyPrefix)
    var buffer = [UInt8](repeating: 0, count: 16 * 1024)
    var firstBytes: [UInt8] = []
    // A deadline that passes with an answer begun says what had come.
    func late(_ failure: Failure) -> Failure {
      guard failure == .timeout, !firstBytes.isEmpty else { return failure }
      return .unfinished(status: reader.statusRead, firstBytes: firstBytes)
    }
    func keep(_ count: Int) {
      if firstBytes.count < Self.firstBytesKept {
        firstBytes += buffer.prefix(min(count, Self.firstBytesKept - firstBytes.count))
      }
    }
    while true {
      // A receiver that streams without end meets the deadline too, not only a silent one.
      guard HTTPConnectionLoop.now() < deadline else { return .failure(late(.timeout)) }
      let step: HTTPResponseReader.Step
      if let tls {
        let transfer = buffer.withUnsafeMutableBytes { buffer in
          tls.read(into: buffer, waiting: { self.wait(for: $0, until: deadline) == nil })
        }
        switch transfer {
        case nil: return .failure(late(.timeout))
        case .bytes(let count)?:
          keep(count)
          step = buffer.withUnsafeBytes { reader.consume(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
        case .end?: step = reader.endOfStream()
        case .socketError(let code)?: return .failure(.connection(HTTPConnection.SocketError(code: code).description))
        case .failed(let text)?: return .failure(.connection(text))
        case .wantRead?, .wantWrite?: continue
        }
      } else {
        let received = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if received < 0 {
          if errno == EINTR { continue }
          if errno == EAGAIN || errno == EWOULDBLOCK {
            if let failure = wait(for: Int16(POLLIN), until: deadline) { return .failure(late(failure)) }
            continue
          }
          return .failure(.connection(HTTPConnection.SocketError(code: errno).description))
        }
        keep(received)
        step =
          received == 0
          ? reader.endOfStream() : buffer.withUnsafeBytes { reader.consume(UnsafeRawBufferPointer(rebasing: $0[0..<received])) }
      }
      switch step {
      case .needMore: continue
      case .complete(let status, let reusable):
        return .success(Answer(status: status, bodyPrefix: reader.bodyPrefix, keepAlive: reusable))
      case .malformed(let problem): return .failure(.malformed("malformed response: \(problem)"))
      case .closed(let midResponse):
        return .failure(.connection(midResponse ? "connection closed mid-response" : "connection closed without a response"))
      }
    }
  }

  /// Whether the receiver still holds the connection open: nothing to read, no end of
  /// stream, no error (one non-blocking peek, as the transport does before reuse).
  package var isOpenWhileIdle: Bool {
    // Bytes OpenSSL holds unread (a close_notify, say) are not an idle connection either.
    if tls?.hasPending == true { return false }
    var byte: UInt8 = 0
    while true {
      let received = recv(fd, &byte, 1, Int32(MSG_PEEK) | Int32(MSG_DONTWAIT))
      if received < 0 && errno == EINTR { continue }
      return received < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)
    }
  }

  /// Waits until the socket is ready for `events`; a failure when the deadline passes first.
  func wait(for events: Int16, until deadline: UInt64) -> Failure? {
    while true {
      let now = HTTPConnectionLoop.now()
      guard now < deadline else { return .timeout }
      var entry = pollfd(fd: fd, events: events, revents: 0)
      let milliseconds = Int32(clamping: (deadline - now + 999_999) / 1_000_000)
      let ready = poll(&entry, 1, milliseconds)
      if ready < 0 && errno != EINTR { return .connection(HTTPConnection.SocketError(code: errno).description) }
      if ready > 0 { return nil }
    }
  }
}
