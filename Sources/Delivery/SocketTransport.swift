import Foundation
import HTTP1
import Support

/// Posts over plain HTTP/1.1 on the tool's own sockets, for `http://` targets (the default
/// there; `https://` goes through `URLSessionTransport`). Written because FoundationNetworking
/// on Linux costs a load tester what it cannot afford: it leaks about 128 bytes per request
/// (`CFURLSessionCurlHostIsEqual` frees libcurl's parsed URL with `curl_free` instead of
/// `curl_url_cleanup`), so memory grows with every notification sent, and it polls at about
/// 1 kHz while a response is outstanding. Same contract as the URLSession transport: the same
/// headers, a whole-request deadline, bodies read and dropped, errors named the same way.
package final class SocketTransport: NotificationTransport, Sendable {
  private let loop: HTTPConnectionLoop
  private let head: [UInt8]

  /// Nil unless `url` is `http://` with a host. `connections` bounds the connections kept
  /// open, sized to the concurrency so that no request waits for one; a connection idle for
  /// `keepAliveIdle` is closed (0: each connection carries one request).
  package init?(url: URL, connections: Int, keepAliveIdle: Duration = KeepAlivePolicy.defaultIdle) {
    guard let target = HTTPTarget(url: url) else { return nil }
    head = target.requestHead
    loop = HTTPConnectionLoop(target: target, maxConnections: connections, keepAlive: KeepAlivePolicy(idle: keepAliveIdle))
  }

  deinit {
    loop.shutdown()
  }

  package func post(_ body: Data, timeout: Duration) async -> AttemptOutcome {
    var bytes = head
    let length = String(body.count).utf8
    bytes.reserveCapacity(head.count + length.count + 4 + body.count)
    bytes.append(contentsOf: length)
    bytes.append(contentsOf: [13, 10, 13, 10])
    bytes.append(contentsOf: body)
    let deadline = HTTPConnectionLoop.now() &+ timeout.wholeNanoseconds
    return await withCheckedContinuation { continuation in
      loop.submit(HTTPConnectionLoop.Request(bytes: bytes, deadline: deadline, continuation: continuation))
    }
  }
}
