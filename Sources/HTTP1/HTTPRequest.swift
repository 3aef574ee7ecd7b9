import Support

/// One parsed HTTP/1.1 request.
package struct HTTPRequest: Sendable {
  package var method: String
  package var target: String
  package var version: String
  /// Header names lowercased, in arrival order.
  package var headers: [(name: String, value: String)]
  package var body: [UInt8]

  package func header(_ name: String) -> String? {
    headers.first { $0.name == name }?.value
  }

  /// HTTP/1.1 keeps the connection unless told to close; HTTP/1.0 closes unless told to keep it.
  package var keepAlive: Bool {
    let connection = header("connection")?.lowercased() ?? ""
    return version == "HTTP/1.0" ? connection.contains("keep-alive") : !connection.contains("close")
  }
}

/// Sizes past which a request is refused (and answered 400, 413 or 431).
package struct HTTPLimits: Sendable {
  package var requestLine = 8 * 1024
  package var headerCount = 100
  /// All header lines together.
  package var headerBytes = 32 * 1024
  package var bodyBytes = 8 * 1024 * 1024
  /// A connection that sends nothing for this long is closed (half requests, idle keep-alive).
  package var idleTimeout: Duration = .seconds(15)
  /// The whole head (request line and headers) must arrive within this time of its first
  /// byte, however the bytes trickle in: a client that sends a header line every few seconds
  /// never trips the idle timeout, but trips this one (408).
  package var headTimeout: Duration = .seconds(10)
  /// The whole body must arrive within this time of the end of the head (408 after it).
  package var bodyTimeout: Duration = .seconds(30)
  /// Connections open at once; at the limit the oldest idle or incomplete one is closed to
  /// make room, so slow clients cannot lock others out.
  package var maxConnections = 10_000

  package init() {}
}
