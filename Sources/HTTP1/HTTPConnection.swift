import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// One non-blocking TCP connection of the socket transport and the request it carries: the
/// socket calls, without the policy (which request goes where, deadlines, reuse), which is
/// `HTTPConnectionLoop`'s. Touched by the loop thread only.
final class HTTPConnection {
  let fd: Int32
  /// The fd and a generation, for epoll: an event for a closed connection whose fd number was
  /// reused in the same batch is not taken for the new one's.
  let token: UInt64
  /// The addresses not yet tried after this one, while connecting.
  var fallbacks: ArraySlice<SocketAddress>
  var connecting = true
  /// It carried a whole exchange before: a failure to send on it says nothing of the target.
  var reused = false
  /// While idle (`CLOCK_MONOTONIC` ns): since when, and when it is given up unused.
  var idleSince: UInt64 = 0
  var idleUntil: UInt64 = 0
  /// How long it had been idle when it took its current request (nanoseconds).
  var reusedAfter: UInt64 = 0
  private(set) var request: HTTPConnectionLoop.Request?
  var written = 0
  var reader = HTTPResponseReader()
  /// https: the connection's TLS, and whether its handshake is still under way.
  var tls: TLSSession?
  var handshaking = false
  /// Its TLS session was kept for the next connection to resume.
  var sessionKept = false
  /// The epoll events asked for.
  var interest: UInt32 = 0

  private init(fd: Int32, generation: UInt32, fallbacks: ArraySlice<SocketAddress>) {
    self.fd = fd
    token = UInt64(UInt32(bitPattern: fd)) | UInt64(generation) << 32
    self.fallbacks = fallbacks
  }

  /// Starts a non-blocking connect to `address`; the connection and whether it is already
  /// connected, or the error.
  static func open(
    to address: SocketAddress, generation: UInt32, fallbacks: ArraySlice<SocketAddress>
  ) -> Result<(HTTPConnection, connected: Bool), SocketError> {
    let fd = socket(address.family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
    guard fd >= 0 else { return .failure(SocketError(code: errno)) }
    var yes: Int32 = 1
    setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
    let result = address.withSockaddr { Glibc.connect(fd, $0, $1) }
    if result != 0 && errno != EINPROGRESS {
      let error = errno
      Glibc.close(fd)
      return .failure(SocketError(code: error))
    }
    return .success((HTTPConnection(fd: fd, generation: generation, fallbacks: fallbacks), result == 0))
  }

  /// The outcome of a connect in progress, once epoll says the socket is writable or failed.
  var connectError: Int32 {
    var error: Int32 = 0
    var length = socklen_t(MemoryLayout<Int32>.size)
    getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length)
    return error
  }

  /// Takes a request: nothing of it is written yet, nothing of its answer read.
  func carry(_ request: HTTPConnectionLoop.Request) {
    self.request = request
    written = 0
    reader.reset()
  }

  /// Gives the request back (it ended, or goes elsewhere).
  func release() -> HTTPConnectionLoop.Request? {
    defer { request = nil }
    return request
  }

  /// The last response's `Keep-Alive: timeout=N`, in seconds.
  var serverKeepAliveTimeout: Int? { reader.keepAliveTimeout }

  /// Whether an idle connection is still open as far as this end can tell: nothing to read, no
  /// end of stream, no error. One non-blocking peek, just before reuse: a server's close
  /// that arrived since epoll last reported would otherwise take the next request with it
  /// (without a byte of it sent, the request goes on a fresh connection instead).
  var isOpenWhileIdle: Bool {
    var byte: UInt8 = 0
    while true {
      let received = recv(fd, &byte, 1, Int32(MSG_PEEK) | Int32(MSG_DONTWAIT))
      if received < 0 && errno == EINTR { continue }
      return received < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)
    }
  }

  var isWritten: Bool { request.map { written == $0.count } ?? true }

  enum SendProgress {
    case sent
    case wouldBlock
    case failed(Int32)
    /// TLS failed (an alert, a bad record), named.
    case tlsFailed(String)
  }

  /// Writes as much of the request as the socket takes.
  func send() -> SendProgress {
    guard let request else { return .sent }
    if let tls {
      return request.head.withUnsafeBytes { head in
        request.body.withUnsafeBytes { body in send(through: tls, head: head, body: body) }
      }
    }
    while written < request.count {
      let sent = request.head.withUnsafeBytes { head in
        request.body.withUnsafeBytes { body in Self.send(fd, head, body, from: written) }
      }
      if sent > 0 {
        written += sent
        continue
      }
      let error = errno
      if sent < 0 && error == EINTR { continue }
      if sent < 0 && (error == EAGAIN || error == EWOULDBLOCK) { return .wouldBlock }
      return .failed(error)
    }
    return .sent
  }

  /// One `sendmsg` of what is left of `head` then `body`, past the first `offset` bytes
  /// (`sendmsg` rather than `writev` for `MSG_NOSIGNAL`: a closed peer is an error, not a signal).
  private static func send(_ fd: Int32, _ head: UnsafeRawBufferPointer, _ body: UnsafeRawBufferPointer, from offset: Int) -> Int {
    var parts = (iovec(), iovec())
    var used = 0
    withUnsafeMutableBytes(of: &parts) { raw in
      let vectors = raw.bindMemory(to: iovec.self)
      if offset < head.count {
        vectors[used] = iovec(
          iov_base: UnsafeMutableRawPointer(mutating: head.baseAddress! + offset), iov_len: head.count - offset)
        used += 1
      }
      let bodyOffset = max(0, offset - head.count)
      if bodyOffset < body.count {
        vectors[used] = iovec(
          iov_base: UnsafeMutableRawPointer(mutating: body.baseAddress! + bodyOffset), iov_len: body.count - bodyOffset)
        used += 1
      }
    }
    return withUnsafeMutablePointer(to: &parts) { pointer in
      pointer.withMemoryRebound(to: iovec.self, capacity: 2) { vectors in
        var message = msghdr()
        message.msg_iov = vectors
        message.msg_iovlen = used
        return sendmsg(fd, &message, Int32(MSG_NOSIGNAL))
      }
    }
  }

  enum ReadProgress {
    case wouldBlock
    case step(HTTPResponseReader.Step)
    case failed(Int32)
    /// TLS failed (an alert, a bad record), named.
    case tlsFailed(String)
  }

  /// Reads what has arrived through `buffer` (shared by every connection) until the answer is
  /// whole, broken or cut, or the socket is drained.
  func receive(through buffer: UnsafeMutableRawBufferPointer) -> ReadProgress {
    if let tls { return receive(through: tls, buffer: buffer) }
    while true {
      let received = recv(fd, buffer.baseAddress, buffer.count, 0)
      if received < 0 {
        let error = errno
        if error == EINTR { continue }
        return error == EAGAIN || error == EWOULDBLOCK ? .wouldBlock : .failed(error)
      }
      let step = received == 0 ? reader.endOfStream() : reader.consume(UnsafeRawBufferPointer(rebasing: buffer[0..<received]))
      if step != .needMore { return .step(step) }
      // A short read means the socket is drained; level-triggered epoll calls again.
      if received < buffer.count { return .wouldBlock }
    }
  }

  func close() {
    tls = nil
    Glibc.close(fd)
  }

  /// A socket call's errno, in the words the summary shows (the URLSession transport's).
  struct SocketError: Error {
    let code: Int32

    var description: String {
      switch code {
      case ECONNREFUSED: "connection refused"
      case ECONNRESET, EPIPE: "connection reset"
      case ENETUNREACH: "network unreachable"
      case EHOSTUNREACH: "host unreachable"
      case ETIMEDOUT: "connect timed out"
      default: String(cString: strerror(code))
      }
    }
  }
}
