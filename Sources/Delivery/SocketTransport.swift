import Foundation
import HTTP1
import Support

/// Posts over HTTP/1.1 on the tool's own sockets, for `http://` targets and, with TLS through
/// OpenSSL 3 loaded at run time, `https://` ones (the default for both; `URLSessionTransport`
/// when OpenSSL cannot be loaded). Written because FoundationNetworking
/// on Linux costs a load tester what it cannot afford: it leaks about 128 bytes per request
/// (`CFURLSessionCurlHostIsEqual` frees libcurl's parsed URL with `curl_free` instead of
/// `curl_url_cleanup`), so memory grows with every notification sent, and it polls at about
/// 1 kHz while a response is outstanding. Same contract as the URLSession transport: the same
/// headers, a whole-request deadline, bodies read and dropped, errors named the same way.
package final class SocketTransport: NotificationTransport, Sendable {
  private let loop: HTTPConnectionLoop
  private let head: [UInt8]

  /// Nil unless `url` is `http://` with a host, or `https://` with a host and `tls` (made from
  /// the user's `TLSSettings`). `connections` bounds the connections kept open, sized to the
  /// concurrency so that no request waits for one; a connection idle for `keepAliveIdle` is
  /// closed (0: each connection carries one request).
  package init?(url: URL, connections: Int, keepAliveIdle: Duration = KeepAlivePolicy.defaultIdle, tls: TLSContext? = nil) {
    guard let target = HTTPTarget(url: url), !target.secure || tls != nil else { return nil }
    head = target.requestHead
    loop = HTTPConnectionLoop(
      target: target, maxConnections: connections, keepAlive: KeepAlivePolicy(idle: keepAliveIdle),
      tls: target.secure ? tls : nil)
  }

  /// TLS handshakes completed so far, and how many of them resumed an earlier session.
  package var tlsHandshakes: (completed: Int, resumed: Int) {
    (loop.tlsHandshakes.load(ordering: .relaxed), loop.tlsResumed.load(ordering: .relaxed))
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
