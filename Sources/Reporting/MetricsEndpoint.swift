import HTTP1
import Receiver
import Synchronization

/// `--metrics ADDR`: `GET /metrics` answers the exposition of what the run or the receiver
/// counted at that moment, on the tool's own HTTP/1.1 server (its event loop and a worker
/// thread), for as long as the process runs.
package final class MetricsEndpoint: Sendable {
  /// What a scrape shows, read at scrape time.
  package typealias Source = @Sendable () -> (sender: RunCounts?, receiver: ReceiverCounts?)

  private let server: HTTPServer
  /// The source a scrape reads; replaced by `show` once what it counts exists.
  private let feed: Feed

  /// Binds `host:port` (0: a free port) and serves until `stop`. Bound first, before a command
  /// prepares its output files, so a busy port refuses the command before it touches any.
  package init(host: String, port: UInt16, source: @escaping Source = { (nil, nil) }) throws {
    let feed = Feed(source)
    self.feed = feed
    server = HTTPServer(host: host, port: port) { request in
      let path = request.target.split(separator: "?", maxSplits: 1).first.map(String.init) ?? request.target
      guard path == "/metrics" else {
        return .respond(
          status: 404, body: Array("not found: the metrics are at /metrics\n".utf8), contentType: "text/plain; charset=utf-8")
      }
      guard request.method == "GET" || request.method == "HEAD" else {
        return .respond(status: 405, body: Array("GET /metrics\n".utf8), contentType: "text/plain; charset=utf-8")
      }
      let (sender, receiver) = feed.source.withLock { $0 }()
      return .respond(
        status: 200, body: Array(MetricsExposition.text(sender: sender, receiver: receiver).utf8),
        contentType: MetricsExposition.contentType)
    }
    try server.start()
  }

  package var port: UInt16 { server.port }

  /// From now on, scrapes show what `source` counts.
  package func show(_ source: @escaping Source) { feed.source.withLock { $0 = source } }

  /// The current source, shared by the endpoint and its server's handler.
  private final class Feed: Sendable {
    let source: Mutex<Source>
    init(_ source: @escaping Source) { self.source = Mutex(source) }
  }

  package func stop() { server.stop() }
}
