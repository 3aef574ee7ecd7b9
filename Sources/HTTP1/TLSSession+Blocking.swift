#if canImport(Glibc)
  import Glibc
#endif

/// TLS for a caller that blocks on one connection with a deadline (`check`'s probe connection)
/// rather than an epoll loop: each call goes on while OpenSSL wants the socket readable or
/// writable, and `wait` blocks until it is (`POLLIN` or `POLLOUT`), returning false once the
/// deadline has passed.
extension TLSSession {
  /// The whole handshake; nil when `wait` gave up (the deadline).
  func handshake(waiting wait: (Int16) -> Bool) -> Progress? {
    while true {
      let step = handshake()
      switch step {
      case .wantRead: if !wait(Int16(POLLIN)) { return nil }
      case .wantWrite: if !wait(Int16(POLLOUT)) { return nil }
      case .done, .failed: return step
      }
    }
  }

  /// Writes all of `bytes`; the last transfer that was not bytes (a failure), `.bytes(count)`
  /// when all went, nil when `wait` gave up.
  func write(all bytes: UnsafeRawBufferPointer, waiting wait: (Int16) -> Bool) -> Transfer? {
    var written = 0
    while written < bytes.count {
      switch write(UnsafeRawBufferPointer(rebasing: bytes[written...])) {
      case .bytes(let count): written += count
      case .wantRead: if !wait(Int16(POLLIN)) { return nil }
      case .wantWrite: if !wait(Int16(POLLOUT)) { return nil }
      case let other: return other
      }
    }
    return .bytes(written)
  }

  /// Reads what comes next: bytes, the end, a failure; nil when `wait` gave up.
  func read(into buffer: UnsafeMutableRawBufferPointer, waiting wait: (Int16) -> Bool) -> Transfer? {
    while true {
      switch read(into: buffer) {
      case .wantRead: if !wait(Int16(POLLIN)) { return nil }
      case .wantWrite: if !wait(Int16(POLLOUT)) { return nil }
      case let other: return other
      }
    }
  }
}
