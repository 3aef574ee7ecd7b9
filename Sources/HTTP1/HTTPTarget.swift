import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Where the socket transport connects and what it puts in the request line and `Host`
/// header, taken from an `http://` or `https://` URL.
package struct HTTPTarget: Sendable, Equatable {
  /// The host to resolve: a name or an address, IPv6 without brackets.
  package let host: String
  let port: UInt16
  /// The request target: path and query, `/` when the URL has no path.
  let requestTarget: String
  /// The `Host` header: as in the URL, with the port only when the URL names one.
  let hostHeader: String
  /// `https`: TLS on the connection, the certificate checked against `host`.
  package let secure: Bool

  /// Nil unless `url` is `http://` or `https://` with a host.
  package init?(url: URL) {
    let scheme = url.scheme?.lowercased()
    guard scheme == "http" || scheme == "https", var host = url.host, !host.isEmpty else { return nil }
    if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
    self.host = host
    secure = scheme == "https"
    guard let port = UInt16(exactly: url.port ?? (secure ? 443 : 80)) else { return nil }
    self.port = port
    let components = URLComponents(url: url, resolvingAgainstBaseURL: false)
    let path = components?.percentEncodedPath ?? ""
    let query = components?.percentEncodedQuery.map { "?\($0)" } ?? ""
    requestTarget = (path.isEmpty ? "/" : path) + query
    let shownHost = host.contains(":") ? "[\(host)]" : host
    hostHeader = url.port.map { "\(shownHost):\($0)" } ?? shownHost
  }

  /// The head of every request: the body's length and the body follow.
  package var requestHead: [UInt8] {
    Array(
      ("POST \(requestTarget) HTTP/1.1\r\nHost: \(hostHeader)\r\nContent-Type: application/json\r\n"
        + "User-Agent: Airudder\r\nAccept: */*\r\nContent-Length: ").utf8)
  }

  /// The host's addresses for a TCP connection, in the resolver's order; nil if it has none.
  /// Blocks for name lookup, so the loop calls it once, and again only after a failure.
  /// `localhost` is both loopbacks whatever /etc/hosts says (RFC 6761, and what libcurl does),
  /// so a receiver listening on ::1 only is reached as it is through URLSession.
  func resolve() -> [SocketAddress]? {
    let name = host.lowercased()
    if name == "localhost" || name.hasSuffix(".localhost") {
      return ["127.0.0.1", "::1"].compactMap { SocketAddress(numericHost: $0, port: port) }
    }
    var hints = addrinfo()
    hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
    hints.ai_flags = AI_NUMERICSERV
    var list: UnsafeMutablePointer<addrinfo>?
    guard getaddrinfo(host, String(port), &hints, &list) == 0, let first = list else { return nil }
    defer { freeaddrinfo(first) }
    var addresses: [SocketAddress] = []
    var entry: UnsafeMutablePointer<addrinfo>? = first
    while let current = entry {
      if let address = current.pointee.ai_addr {
        addresses.append(
          SocketAddress(
            family: current.pointee.ai_family,
            bytes: Array(UnsafeRawBufferPointer(start: address, count: Int(current.pointee.ai_addrlen)))))
      }
      entry = current.pointee.ai_next
    }
    return addresses.isEmpty ? nil : addresses
  }
}
