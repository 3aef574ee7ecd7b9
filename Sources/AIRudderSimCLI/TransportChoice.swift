import Delivery
import Foundation
import HTTP1

#if canImport(Glibc)
  import Glibc
#endif

/// Which transport carries a run's POSTs (`run --transport`).
package enum TransportChoice: String, Sendable, CaseIterable {
  /// `sockets`, unless the target is https and OpenSSL 3 cannot be loaded: then `urlsession`.
  case automatic = "auto"
  /// The tool's own HTTP/1.1 client (`SocketTransport`), with TLS through OpenSSL 3 for https.
  case sockets
  /// FoundationNetworking's URLSession (libcurl), with the system's trust store for https.
  case urlSession = "urlsession"

  /// The transport actually used for `url`: `automatic` resolved by the scheme and by whether
  /// OpenSSL 3 could be loaded for https.
  package func resolved(for url: URL) -> TransportChoice {
    guard self == .automatic else { return self }
    guard let target = HTTPTarget(url: url) else { return .urlSession }
    return !target.secure || TLSLibrary.isAvailable ? .sockets : .urlSession
  }

  /// Why this choice cannot carry `url`, or nil when it can.
  package func problem(with url: URL) -> String? {
    guard self == .sockets else { return nil }
    guard let target = HTTPTarget(url: url) else { return "the socket transport speaks http and https only" }
    if target.secure, let reason = TLSLibrary.loadProblem {
      return "the socket transport needs OpenSSL 3 for https, which could not be loaded (\(reason)); use --transport urlsession"
    }
    return nil
  }

  /// Said once when `auto` sends an https target through URLSession for want of OpenSSL.
  package func fallbackNote(for url: URL) -> String? {
    guard self == .automatic, HTTPTarget(url: url)?.secure == true, let reason = TLSLibrary.loadProblem else { return nil }
    return "note: OpenSSL 3 could not be loaded (\(reason)); https goes through URLSession (the system's trust store only)"
  }

  /// The transport for `url`, its connections sized to `connections`; the socket transport
  /// closes connections idle for `keepAliveIdle` (URLSession keeps libcurl's own rules) and
  /// speaks TLS as `tls` says for https.
  func makeTransport(
    for url: URL, connections: Int, keepAliveIdle: Duration = KeepAlivePolicy.defaultIdle, tls: TLSSettings = TLSSettings()
  ) throws(TLSSetupError) -> any NotificationTransport {
    OpenFileLimit.raise(toward: connections + 256)
    if resolved(for: url) == .sockets, let target = HTTPTarget(url: url) {
      let context = target.secure ? try TLSContext.client(tls) : nil
      if let transport = SocketTransport(url: url, connections: connections, keepAliveIdle: keepAliveIdle, tls: context) {
        return transport
      }
    }
    return URLSessionTransport(url: url, connections: connections)
  }
}
