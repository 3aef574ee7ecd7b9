import CLinuxEvents
import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Opening connections: the address lookup (at most once a second), non-blocking connects
/// with fallback to the next address, and what a finished or failed connect leads to.
extension HTTPConnectionLoop {
  func open(for request: Request) {
    let now = Self.now()
    if addresses == nil && now - lastLookup >= 1_000_000_000 {
      // Looked up again at most once a second: name lookup blocks the loop.
      addresses = target.resolve()
      lastLookup = now
    }
    guard let addresses else {
      request.continuation.resume(returning: .connectionError("host not found"))
      return
    }
    connect(request, to: addresses[...])
  }

  /// Starts a non-blocking connect to the first address that takes one, keeping the rest to
  /// fall back on.
  func connect(_ request: Request, to candidates: ArraySlice<SocketAddress>) {
    var remaining = candidates
    var lastError = HTTPConnection.SocketError(code: ECONNREFUSED)
    while let address = remaining.popFirst() {
      generation &+= 1
      switch HTTPConnection.open(to: address, generation: generation, fallbacks: remaining) {
      case .failure(let error):
        lastError = error
      case .success(let (connection, connected)):
        connections[connection.fd] = connection
        connection.carry(request)
        register(connection, interest: EPOLLOUT.rawValue, adding: true)
        if connected { self.connected(connection) }
        return
      }
    }
    request.continuation.resume(returning: .connectionError(lastError.description))
  }

  func connected(_ connection: HTTPConnection) {
    connection.connecting = false
    connection.fallbacks = []
    if tls != nil || target.secure {
      startTLS(on: connection)
    } else {
      send(on: connection)
    }
  }

  /// A connect that failed: the next address, or the request fails with the reason.
  func connectFailed(_ connection: HTTPConnection, error: Int32) {
    let request = connection.release()
    let fallbacks = connection.fallbacks
    discard(connection)
    guard let request else { return }
    if fallbacks.isEmpty {
      request.continuation.resume(returning: .connectionError(HTTPConnection.SocketError(code: error).description))
      serveWaiting()
    } else {
      connect(request, to: fallbacks)
    }
  }
}
