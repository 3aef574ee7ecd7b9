import Delivery
import Foundation
import HTTP1

#if canImport(Glibc)
  import Glibc
#endif

/// Which transport carries a run's POSTs (`run --transport`).
package enum TransportChoice: String, Sendable, CaseIterable {
  /// `sockets` for http://, `urlsession` for https://.
  case automatic = "auto"
  /// The tool's own HTTP/1.1 client (`SocketTransport`); plain http only.
  case sockets
  /// FoundationNetworking's URLSession (libcurl), with the system's trust store for https.
  case urlSession = "urlsession"

  /// The transport actually used for `url`: `automatic` resolved by the scheme (sockets for
  /// what the socket transport can carry: http with a host).
  package func resolved(for url: URL) -> TransportChoice {
    guard self == .automatic else { return self }
    return HTTPTarget(url: url) != nil ? .sockets : .urlSession
  }

  /// Why this choice cannot carry `url`, or nil when it can.
  package func problem(with url: URL) -> String? {
    if self == .sockets && HTTPTarget(url: url) == nil {
      return "the socket transport speaks plain http only; use --transport urlsession (or auto) for https URLs"
    }
    return nil
  }

  /// The transport for `url`, its connections sized to `connections`; the socket transport
  /// closes connections idle for `keepAliveIdle` (URLSession keeps libcurl's own rules).
  func makeTransport(
    for url: URL, connections: Int, keepAliveIdle: Duration = KeepAlivePolicy.defaultIdle
  ) -> any NotificationTransport {
    OpenFileLimit.raise(toward: connections + 256)
    if resolved(for: url) == .sockets,
      let transport = SocketTransport(url: url, connections: connections, keepAliveIdle: keepAliveIdle)
    {
      return transport
    }
    return URLSessionTransport(url: url, connections: connections)
  }
}
