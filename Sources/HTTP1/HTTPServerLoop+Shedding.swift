import CLinuxEvents
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The receiver loop's deadlines and shedding: closing connections past their deadline (408 to
/// one that sent part of a request), and, at the connection limit, the one that became ready for
/// a request longest ago.
extension HTTPServerLoop {
  /// Closes every connection past its deadline; one that had sent part of a request hears 408.
  func sweep(now: UInt64) {
    var late: [HTTPServerConnection] = []
    for connection in connections.values {
      if let deadline = connection.deadline(limits), deadline <= now { late.append(connection) }
    }
    for connection in late {
      if connection.phase == .head || connection.phase == .body, connection.output.isEmpty, !connection.handshaking {
        // Best effort.
        if let tls = connection.tls {
          _ = Self.timeoutBytes.withUnsafeBytes { tls.write($0) }
        } else {
          _ = HTTPServerConnection.send(connection.fd, Self.timeoutBytes[...])
        }
      }
      discard(connection)
    }
  }

  func queueForShedding(_ connection: HTTPServerConnection) {
    shedLine.append((connection.fd, connection.token, connection.readiness))
    if shedLine.count - shedFirst > 2 * connections.count + 1024 {
      shedLine = shedLine[shedFirst...].filter { isCurrent($0) }
      shedFirst = 0
    }
  }

  func isCurrent(_ entry: (fd: Int32, token: UInt64, readiness: Int)) -> Bool {
    guard let connection = connections[entry.fd] else { return false }
    return connection.token == entry.token && connection.readiness == entry.readiness
  }

  /// Closes the connection that became ready for a request longest ago and has no request
  /// being answered (idle keep-alive, or a head or body still incomplete); false if none.
  func shedOldest() -> Bool {
    while shedFirst < shedLine.count {
      let entry = shedLine[shedFirst]
      shedFirst += 1
      if isCurrent(entry), let connection = connections[entry.fd], connection.isSheddable {
        discard(connection)
        return true
      }
    }
    shedLine.removeAll(keepingCapacity: true)
    shedFirst = 0
    return false
  }
}
