import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Server-side keep-alive behaviour for the socket transport's keep-alive tests.
extension ScriptedServer.Peer {
  /// True when a request (or the client's close) arrives within `limit`: what a server's idle
  /// timer waits for.
  func waitForData(upTo limit: Duration) -> Bool {
    var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
    let millis = Int32(clamping: limit.components.seconds * 1000 + limit.components.attoseconds / 1_000_000_000_000_000)
    while true {
      let ready = poll(&entry, 1, millis)
      if ready < 0 && errno == EINTR { continue }
      return ready > 0
    }
  }

  /// `200 {}` with `headers` (each line ending in CR LF) before `Content-Length`.
  func answerOK(headers: String, version: String = "HTTP/1.1") {
    send("\(version) 200 OK\r\nContent-Type: application/json\r\n\(headers)Content-Length: 2\r\n\r\n{}")
  }
}

extension ScriptedServer {
  /// A server that closes a connection idle for `idle`, across a link with a one-way
  /// `latency` (simulated on loopback): a request sent within `latency` either side of that
  /// close meets the closing connection and is lost with it (a reset; never read), as on a
  /// real network, where the request and the server's FIN cross. `requests` counts the
  /// requests it read for which `counting` holds, each answered `200`.
  static func closingIdleConnections(
    after idle: Duration, latency: Duration, requests: Counter,
    counting: @escaping @Sendable ((head: String, body: [UInt8])) -> Bool = { _ in true }
  ) throws -> ScriptedServer {
    try ScriptedServer { peer in
      while let request = peer.readRequest() {
        if counting(request) { requests.increment() }
        peer.answerOK()
        // Requests arriving from idle - latency on are still "in flight" when the server closes.
        guard peer.waitForData(upTo: idle - latency) else {
          // The server's FIN takes `latency` to reach the client: until then it may send.
          Thread.sleep(forTimeInterval: (latency * 2).seconds)
          return
        }
      }
    }
  }
}
