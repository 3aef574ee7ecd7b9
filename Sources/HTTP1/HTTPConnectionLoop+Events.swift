import CLinuxEvents

#if canImport(Glibc)
  import Glibc
#endif

/// The loop's answers to epoll: a connect finished, the request can be written, the answer
/// arrived (or the connection broke), and ending a request on its connection.
extension HTTPConnectionLoop {
  func handle(_ events: UInt32, on connection: HTTPConnection) {
    if connection.connecting {
      let error = connection.connectError
      if error != 0 || events & (EPOLLERR.rawValue | EPOLLHUP.rawValue) != 0 && events & EPOLLOUT.rawValue == 0 {
        connectFailed(connection, error: error == 0 ? ECONNREFUSED : error)
      } else if events & EPOLLOUT.rawValue != 0 {
        connected(connection)
      }
      return
    }
    if connection.handshaking {
      continueHandshake(connection)
      return
    }
    guard connection.request != nil else {
      // An idle connection that became readable was closed by the server (or sent what
      // nobody asked for): it must not carry the next request.
      keepAlive.serverClosed(idleFor: Self.now() &- connection.idleSince)
      idle.removeAll { $0 === connection }
      discard(connection)
      serveWaiting()
      return
    }
    if events & (EPOLLIN.rawValue | EPOLLHUP.rawValue | EPOLLERR.rawValue) != 0 {
      receive(on: connection)
    }
    if connection.request != nil, !connection.isWritten, events & EPOLLOUT.rawValue != 0 {
      send(on: connection)
    }
  }

  func send(on connection: HTTPConnection) {
    switch connection.send() {
    case .sent:
      setInterest(connection, EPOLLIN.rawValue)
    case .wouldBlock:
      setInterest(connection, EPOLLIN.rawValue | EPOLLOUT.rawValue)
    case .failed(let error):
      if connection.reused && connection.written == 0, let request = connection.release() {
        // A kept-alive connection the server had closed; not a byte went out, so the
        // request goes on a fresh connection and the server sees it once.
        discard(connection)
        dispatch(request)
        return
      }
      closedUnderRequest(connection)
      end(connection, with: .connectionError(HTTPConnection.SocketError(code: error).description), reusable: false)
    case .tlsFailed(let text):
      end(connection, with: .connectionError(text), reusable: false)
    }
  }

  func receive(on connection: HTTPConnection) {
    switch connection.receive(through: readBuffer) {
    case .wouldBlock:
      break
    case .tlsFailed(let text):
      end(connection, with: .connectionError(text), reusable: false)
    case .failed(let error):
      closedUnderRequest(connection)
      end(connection, with: .connectionError(HTTPConnection.SocketError(code: error).description), reusable: false)
    case .step(.complete(let status, let reusable)):
      end(connection, with: .response(status: status), reusable: reusable)
    case .step(.malformed(let problem)):
      end(connection, with: .other("malformed response: \(problem)"), reusable: false)
    case .step(.closed(let midResponse)):
      if !midResponse { closedUnderRequest(connection) }
      end(
        connection,
        with: .connectionError(midResponse ? "connection closed mid-response" : "connection closed without a response"),
        reusable: false)
    case .step(.needMore):
      break
    }
  }

  /// Resumes the connection's request with `outcome`; the connection serves the next one or
  /// closes.
  func end(_ connection: HTTPConnection, with outcome: AttemptOutcome, reusable: Bool) {
    let wholeRequestWent = connection.isWritten
    guard let request = connection.release() else { return }
    if connection.tls != nil, case .response = outcome { keepSession(of: connection) }
    request.continuation.resume(returning: outcome)
    let idleLimit = keepAlive.idleLimit(serverTimeout: connection.serverKeepAliveTimeout)
    if reusable && wholeRequestWent && idleLimit > 0 {
      connection.reused = true
      connection.idleSince = Self.now()
      connection.idleUntil = connection.idleSince &+ idleLimit
      nextIdleCheck = min(nextIdleCheck, connection.idleUntil)
      idle.append(connection)
    } else {
      discard(connection)
    }
    serveWaiting()
  }
}
