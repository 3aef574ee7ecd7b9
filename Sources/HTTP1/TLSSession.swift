import CTLSShim
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// One connection's TLS (an OpenSSL `SSL` on a non-blocking socket), for the socket
/// transport and the receiver: the handshake is driven by what OpenSSL wants next (to read or
/// to write), then reads and writes go through it instead of `recv` and `send`. Failures are
/// named as the URLSession transport names them (`TLS certificate error: …`). Touched by one
/// thread at a time (a loop's); the socket stays its owner's, freeing this does not close it.
final class TLSSession {
  let ssl: OpaquePointer
  /// The peer's certificate is checked (false with `--insecure`, or a server not asking for one).
  let verifies: Bool

  init(_ ssl: OpaquePointer, verifies: Bool) {
    self.ssl = ssl
    self.verifies = verifies
  }

  deinit { airtls_ssl_free(ssl) }

  /// The name (SNI, unless an address) and the name or address the certificate must match.
  func expect(host: String) -> Bool {
    let isAddress = SocketAddress(numericHost: host, port: 0) != nil
    return airtls_ssl_set_host(ssl, host, isAddress ? 1 : 0, verifies ? 1 : 0) == 1
  }

  /// Offers a session kept from an earlier connection to the same target.
  func resume(_ session: OpaquePointer) { _ = airtls_ssl_set_session(ssl, session) }

  /// This connection's session, if it can be resumed; the caller frees it.
  var resumableSession: OpaquePointer? { airtls_ssl_resumable_session(ssl) }

  /// The handshake resumed an earlier session (no certificate exchange).
  var sessionReused: Bool { airtls_ssl_session_reused(ssl) == 1 }

  /// The handshake settled on TLS 1.3: the client finishes first, so a server refusing its
  /// certificate says so only afterwards.
  var isTLS13: Bool { airtls_ssl_is_tls13(ssl) == 1 }

  enum Progress: Equatable {
    case done
    /// Call again when the socket is readable (`wantWrite`: writable).
    case wantRead
    case wantWrite
    /// The handshake failed, in the words a summary shows.
    case failed(String)
  }

  /// One step of the handshake.
  func handshake() -> Progress {
    var error: Int32 = 0
    let result = airtls_handshake(ssl, &error)
    let code = errno
    switch error {
    case Int32(AIRTLS_ERROR_NONE) where result == 1: return .done
    case Int32(AIRTLS_ERROR_WANT_READ): return .wantRead
    case Int32(AIRTLS_ERROR_WANT_WRITE): return .wantWrite
    default: return .failed(describe(error, errno: code, during: "the TLS handshake"))
    }
  }

  enum Transfer {
    case bytes(Int)
    case wantRead
    case wantWrite
    /// The peer ended the stream (close_notify, or a plain close: HTTP's framing tells
    /// whether anything was cut).
    case end
    /// A socket error: its errno.
    case socketError(Int32)
    /// A TLS failure (an alert, a bad record), named.
    case failed(String)
  }

  func read(into buffer: UnsafeMutableRawBufferPointer) -> Transfer {
    var error: Int32 = 0
    let result = airtls_read(ssl, buffer.baseAddress, Int32(clamping: buffer.count), &error)
    let code = errno
    if result > 0 { return .bytes(Int(result)) }
    return transfer(error, errno: code)
  }

  func write(_ bytes: UnsafeRawBufferPointer) -> Transfer {
    guard !bytes.isEmpty else { return .bytes(0) }
    var error: Int32 = 0
    let result = airtls_write(ssl, bytes.baseAddress, Int32(clamping: bytes.count), &error)
    let code = errno
    if result > 0 { return .bytes(Int(result)) }
    return transfer(error, errno: code)
  }

  /// OpenSSL holds bytes it read from the socket that were not returned yet: epoll will not
  /// say so, so the reader must call again.
  var hasPending: Bool { airtls_has_pending(ssl) == 1 }

  /// Sends close_notify if the socket takes it now (best effort, never waits).
  func shutdown() { airtls_shutdown(ssl) }

  private func transfer(_ error: Int32, errno code: Int32) -> Transfer {
    switch error {
    case Int32(AIRTLS_ERROR_WANT_READ): return .wantRead
    case Int32(AIRTLS_ERROR_WANT_WRITE): return .wantWrite
    case Int32(AIRTLS_ERROR_ZERO_RETURN): return .end
    case Int32(AIRTLS_ERROR_SYSCALL):
      if code == EINTR { return .wantRead }
      return code == 0 ? .end : .socketError(code)
    default: return .failed(describe(error, errno: code, during: "TLS"))
    }
  }

  /// A failure in the words a summary shows: the certificate's verification result first
  /// (expired, unknown issuer, hostname mismatch), then an alert the peer sent, then the rest.
  private func describe(_ error: Int32, errno code: Int32, during stage: String) -> String {
    if error == Int32(AIRTLS_ERROR_SYSCALL) || error == Int32(AIRTLS_ERROR_ZERO_RETURN) {
      _ = TLSContext.lastError()
      switch code {
      case 0: return "connection closed during \(stage)"
      case ECONNRESET, EPIPE: return "connection reset during \(stage)"
      default: return "\(String(cString: strerror(code))) during \(stage)"
      }
    }
    let reason = TLSContext.lastError()
    if verifies {
      let result = airtls_verify_result(ssl)
      if result != 0 { return "TLS certificate error: \(String(cString: airtls_verify_text(result)))" }
    }
    return Self.name(reason)
  }

  /// An OpenSSL reason as a summary shows it: alerts about certificates are certificate errors.
  static func name(_ reason: String) -> String {
    if reason.contains("alert certificate required") {
      return "TLS certificate error: the server requires a client certificate (\(reason))"
    }
    if reason.contains("alert") && (reason.contains("certificate") || reason.contains("unknown ca")) {
      return "TLS certificate error: the server refused the client certificate (\(reason))"
    }
    return "TLS error: \(reason)"
  }
}
