import HTTP1
import Reporting

/// `--metrics ADDR`: where `/metrics` listens. `127.0.0.1:9464`, `[::1]:9464`, `0.0.0.0:9464`
/// (every interface), `localhost:9464`, or a port alone (127.0.0.1).
struct MetricsAddress: Sendable, Equatable {
  var host: String
  var port: UInt16
  /// As given, for messages.
  var text: String

  /// Parses the flag's value; a usage error names `--metrics`.
  init(_ text: String) throws {
    let expected = "HOST:PORT such as 127.0.0.1:9464 or [::1]:9464 (a numeric address, or localhost; port 0–65535)"
    var host = "127.0.0.1"
    var portText = text
    if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
      host = String(text[text.index(after: text.startIndex)..<close])
      let rest = text[text.index(after: close)...]
      guard rest.hasPrefix(":") else { throw CommandLineError.invalidValue(option: "--metrics", value: text, expected: expected) }
      portText = String(rest.dropFirst())
    } else if let colon = text.lastIndex(of: ":") {
      host = String(text[..<colon])
      portText = String(text[text.index(after: colon)...])
      guard !host.contains(":") else { throw CommandLineError.invalidValue(option: "--metrics", value: text, expected: expected) }
    }
    if host == "localhost" { host = "127.0.0.1" }
    guard !portText.isEmpty, portText.allSatisfy(\.isASCII), portText.allSatisfy(\.isNumber), let port = UInt16(portText),
      SocketAddress(numericHost: host, port: port) != nil
    else {
      throw CommandLineError.invalidValue(option: "--metrics", value: text, expected: expected)
    }
    self.host = host
    self.port = port
    self.text = text
  }

  /// `http://127.0.0.1:9464/metrics` (the port bound, when 0 asked for a free one).
  func url(port bound: UInt16) -> String {
    "http://\(host.contains(":") ? "[\(host)]" : host):\(bound)/metrics"
  }

  /// Starts `/metrics` here; an address that cannot be bound (in use, not this machine's) is a
  /// usage error naming the flag.
  func start(source: @escaping MetricsEndpoint.Source = { (nil, nil) }) throws -> MetricsEndpoint {
    do {
      return try MetricsEndpoint(host: host, port: port, source: source)
    } catch let error as HTTPServer.ServerError {
      throw CommandLineError.refusedValue(option: "--metrics", value: text, reason: error.localizedDescription)
    }
  }
}
