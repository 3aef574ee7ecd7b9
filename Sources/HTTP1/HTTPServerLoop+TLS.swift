import CLinuxEvents
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The receiver's https side: each accepted connection's handshake goes on without blocking,
/// driven by what OpenSSL wants next, under the head deadline (a client that starts a
/// handshake and stalls is closed as one that stalls mid-head); then requests are read through
/// the session, and answers written through it by the loop.
extension HTTPServerLoop {
  func continueHandshake(_ connection: HTTPServerConnection, now: UInt64) {
    guard let tls = connection.tls else { return }
    connection.enter(.head, now: now)
    connection.lastActivity = now
    connection.tlsWantsWrite = false
    switch tls.handshake() {
    case .done:
      connection.handshaking = false
      connection.updateReadingPhase(now: now)
      read(connection, through: tls, now: now)
    case .wantRead:
      arm(connection)
    case .wantWrite:
      connection.tlsWantsWrite = true
      arm(connection)
    case .failed:
      discard(connection)
    }
  }

  /// Reads what OpenSSL can give now (what it holds already, which epoll cannot announce,
  /// included), then as many requests as the bytes make.
  func read(_ connection: HTTPServerConnection, through tls: TLSSession, now: UInt64) {
    connection.tlsWantsWrite = false
    var received = false
    reading: while true {
      switch tls.read(into: readBuffer) {
      case .bytes(let count):
        connection.parser.append(UnsafeRawBufferPointer(rebasing: readBuffer[0..<count]))
        received = true
        if !tls.hasPending { break reading }
      case .wantRead:
        break reading
      case .wantWrite:
        connection.tlsWantsWrite = true
        break reading
      case .end, .socketError, .failed:
        discard(connection)
        return
      }
    }
    if received {
      connection.lastActivity = now
      process(connection, now: now)
    } else {
      arm(connection)
    }
  }
}
