import CLinuxEvents
import CTLSShim
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The loop's https side: a handshake on each new connection, driven by what OpenSSL wants
/// next (epoll then waits to read, or to write), under the request's deadline like the
/// connect before it; then the request goes as on plain http. The last resumable session is
/// offered by the next connection, so reconnecting costs no certificate exchange.
extension HTTPConnectionLoop {
  func startTLS(on connection: HTTPConnection) {
    guard let tls, let session = tls.session(fd: connection.fd, server: false), session.expect(host: target.host) else {
      let reason = tls == nil ? "no TLS context for an https target" : TLSContext.lastError()
      end(connection, with: .connectionError("TLS error: \(reason)"), reusable: false)
      return
    }
    if let keptSession { session.resume(keptSession) }
    connection.tls = session
    connection.handshaking = true
    continueHandshake(connection)
  }

  func continueHandshake(_ connection: HTTPConnection) {
    guard let session = connection.tls else { return }
    switch session.handshake() {
    case .done:
      connection.handshaking = false
      tlsHandshakes.add(1, ordering: .relaxed)
      if session.sessionReused { tlsResumed.add(1, ordering: .relaxed) }
      send(on: connection)
    case .wantRead:
      setInterest(connection, EPOLLIN.rawValue)
    case .wantWrite:
      setInterest(connection, EPOLLIN.rawValue | EPOLLOUT.rawValue)
    case .failed(let reason):
      end(connection, with: .connectionError(reason), reusable: false)
    }
  }

  /// Keeps the connection's session for the next connection, once it answered (by then a
  /// TLS 1.3 server's session tickets have arrived: they come before the first answer).
  func keepSession(of connection: HTTPConnection) {
    guard !connection.sessionKept, let session = connection.tls?.resumableSession else { return }
    connection.sessionKept = true
    if let keptSession { forgetSession(keptSession) }
    keptSession = session
  }

  func forgetSession(_ session: OpaquePointer) {
    airtls_session_free(session)
  }
}
