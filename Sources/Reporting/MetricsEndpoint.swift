import HTTP1
import Receiver

/// `--metrics ADDR`: `GET /metrics` answers the exposition of what the run or the receiver
/// counted at that moment, on the tool's own HTTP/1.1 server (its event loop and a worker
/// thread), for as long as the process runs.
package final class MetricsEndpoint: Sendable {
  /// What a scrape shows, read at scrape time.
  package typealias Source = @Sendable () -> (sender: RunCounts?, receiver: ReceiverCounts?)

  private let server: HTTPServer

  /// Binds `host:port` (0: a free port) and serves until `stop`.
  package init(host: String, port: UInt16, source: @escaping Source) throws {
    server = HTTPServer(host: host, port: port) { request in
      let path = request.target.split(separator: "?", maxSplits: 1).first.map(String.init) ?? request.target
      guard path == "/metrics" else {
        return .respond(
          status: 404, body: Array("not found: the metrics are at /metrics\n".utf8), contentType: "text/plain; charset=utf-8")
      }
      guard request.method == "GET" || request.method == "HEAD" else {
        return .respond(status: 405, body: Array("GET /metrics\n".utf8), contentType: "text/plain; charset=utf-8")
      }
      let (sender, receiver) = source()
      return .respond(
        status: 200, body: Array(MetricsExposition.text(sender: sender, receiver: receiver).utf8),
        contentType: MetricsExposition.contentType)
    }
    try server.start()
  }

  package var port: UInt16 { server.port }

  package func stop() { server.stop() }
}
