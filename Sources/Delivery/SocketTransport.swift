import Foundation
import HTTP1
import Support
import Synchronization

/// Posts over HTTP/1.1 on the tool's own sockets, for `http://` targets and, with TLS through
/// OpenSSL 3 loaded at run time, `https://` ones (the default for both; `URLSessionTransport`
/// when OpenSSL cannot be loaded). Written because FoundationNetworking
/// on Linux costs a load tester what it cannot afford: it leaks about 128 bytes per request
/// (`CFURLSessionCurlHostIsEqual` frees libcurl's parsed URL with `curl_free` instead of
/// `curl_url_cleanup`), so memory grows with every notification sent, and it polls at about
/// 1 kHz while a response is outstanding. Same contract as the URLSession transport: the same
/// headers, a whole-request deadline, bodies read and dropped, errors named the same way.
package final class SocketTransport: NotificationTransport, Sendable {
  /// One loop per core the concurrency can use: each runs the workers that prefer it, and
  /// carries their requests on its own connections.
  private let loops: [HTTPConnectionLoop]
  /// Picks a loop for a request made off every loop's thread.
  private let nextLoop = Atomic<Int>(0)
  private let head: [UInt8]

  /// Nil unless `url` is `http://` with a host, or `https://` with a host and `tls` (made from
  /// the user's `TLSSettings`). `connections` bounds the connections kept open, sized to the
  /// concurrency so that no request waits for one; a connection idle for `keepAliveIdle` is
  /// closed (0: each connection carries one request). `loops` (default: one per core, and at
  /// least 16 connections each) sets the I/O threads.
  package init?(
    url: URL, connections: Int, keepAliveIdle: Duration = KeepAlivePolicy.defaultIdle, tls: TLSContext? = nil, loops: Int? = nil
  ) {
    guard let target = HTTPTarget(url: url), !target.secure || tls != nil else { return nil }
    head = target.requestHead
    let count = max(1, loops ?? min(ProcessInfo.processInfo.activeProcessorCount, connections / 16))
    let policy = KeepAlivePolicy(idle: keepAliveIdle)
    self.loops = (0..<count).map { index in
      // The connections divided among the loops, the first ones taking the remainder.
      let share = connections / count + (index < connections % count ? 1 : 0)
      return HTTPConnectionLoop(target: target, maxConnections: max(1, share), keepAlive: policy, tls: target.secure ? tls : nil)
    }
  }

  /// TLS handshakes completed so far, and how many of them resumed an earlier session.
  package var tlsHandshakes: (completed: Int, resumed: Int) {
    loops.reduce(into: (0, 0)) { sum, loop in
      sum.0 += loop.tlsHandshakes.load(ordering: .relaxed)
      sum.1 += loop.tlsResumed.load(ordering: .relaxed)
    }
  }

  deinit {
    for loop in loops { loop.shutdown() }
  }

  package var taskExecutors: [any TaskExecutor] { loops }

  package func post(_ body: Data, timeout: Duration) async -> AttemptOutcome {
    var bytes = head
    let length = String(body.count).utf8
    bytes.reserveCapacity(head.count + length.count + 4)
    bytes.append(contentsOf: length)
    bytes.append(contentsOf: [13, 10, 13, 10])
    let deadline = HTTPConnectionLoop.now() &+ timeout.wholeNanoseconds
    let loop = loops.first { $0.isLoopThread } ?? loops[nextLoop.add(1, ordering: .relaxed).oldValue % loops.count]
    return await withUnsafeContinuation { continuation in
      loop.submit(HTTPConnectionLoop.Request(head: bytes, body: body, deadline: deadline, continuation: continuation))
    }
  }
}
