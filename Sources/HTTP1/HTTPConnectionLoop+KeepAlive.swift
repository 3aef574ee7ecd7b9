/// The loop's keep-alive side: which idle connection a request may take (`KeepAlivePolicy`
/// decides), closing those past their time, and learning from the server's closes.
extension HTTPConnectionLoop {
  enum Placement {
    case reuse(HTTPConnection)
    case open
    case wait
  }

  /// Where the next request goes: an idle connection the policy allows (the most recent; the
  /// oldest while the server is not proven to keep connections), a new one, or the line.
  /// Idle connections past their time or closed by the server close here, before a byte of a
  /// request goes on them.
  func placement() -> Placement {
    if !idle.isEmpty {
      let now = Self.now()
      while let connection = keepAlive.proven ? idle.last : idle.first {
        let age = now &- connection.idleSince
        switch keepAlive.reuse(idleFor: age, limit: connection.idleUntil &- connection.idleSince) {
        case .waitFor(let delay):
          nextIdleCheck = min(nextIdleCheck, now &+ delay)
          return .wait
        case .expired:
          removeIdle(connection, proven: keepAlive.proven)
          discard(connection)
        case .reuse:
          removeIdle(connection, proven: keepAlive.proven)
          guard age < KeepAlivePolicy.checkAfter || connection.isOpenWhileIdle else {
            keepAlive.serverClosed(idleFor: age)
            discard(connection)
            continue
          }
          keepAlive.keptOpen(idleFor: age)
          connection.reusedAfter = age
          return .reuse(connection)
        }
      }
    }
    return connections.count < maxConnections ? .open : .wait
  }

  private func removeIdle(_ connection: HTTPConnection, proven: Bool) {
    if proven { idle.removeLast() } else { idle.removeFirst() }
  }

  /// Closes the idle connections past their time, so the server never closes one under a
  /// request; finds the next expiry.
  func closeExpiredIdle(now: UInt64) {
    var next = UInt64.max
    idle.removeAll { connection in
      let until = connection.idleSince &+ min(connection.idleUntil &- connection.idleSince, keepAlive.learnedLimit)
      if until <= now {
        discard(connection)
        return true
      }
      next = min(next, until)
      return false
    }
    nextIdleCheck = next
    serveWaiting()
  }

  /// A reused connection failed before any answer: the server most likely closed it as idle
  /// while the request was on its way (the request is not resent: the server may have read
  /// it). Connections are given up sooner from now on.
  func closedUnderRequest(_ connection: HTTPConnection) {
    if connection.reused { keepAlive.serverClosed(idleFor: connection.reusedAfter) }
  }
}
