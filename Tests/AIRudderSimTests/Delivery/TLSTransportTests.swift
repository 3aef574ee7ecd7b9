import Foundation
import Testing

@testable import Delivery
@testable import HTTP1

#if canImport(Glibc)
  import Glibc
#endif

/// The socket transport over TLS, against the tool's own https server on loopback, with
/// certificates made in the test run: what is trusted, what is refused and how it is named,
/// mutual TLS, broken handshakes under the deadline, keep-alive and session resumption.
@Suite(.enabled(if: TestCertificates.available, "needs the openssl command and libssl.so.3"))
struct TLSTransportTests {
  static let body = Data(#"{"TaskID":"t"}"#.utf8)

  /// An https server answering 200 to everything, with the certificate `name`. It keeps idle
  /// connections for 10 minutes: a test task starved for 15 s on a loaded machine must not see
  /// the server's idle close and count a second handshake.
  static func server(_ name: String, clientCA: String? = nil) throws -> HTTPServer {
    var limits = HTTPLimits()
    limits.idleTimeout = .seconds(600)
    let server = HTTPServer(limits: limits, tls: TestCertificates.server(name, clientCA: clientCA)) { _ in
      .respond(status: 200, body: Array("{}".utf8))
    }
    try server.start()
    return server
  }

  static func transport(
    _ server: HTTPServer, host: String = "127.0.0.1", settings: TLSSettings = TestCertificates.trustingCA,
    keepAliveIdle: Duration = .seconds(30)
  ) throws -> SocketTransport {
    let url = try #require(URL(string: "https://\(host):\(server.port)/hook"))
    return try #require(
      SocketTransport(url: url, connections: 1, keepAliveIdle: keepAliveIdle, tls: try TLSContext.client(settings)))
  }

  @Test func aCertificateFromTheGivenCAIsTrusted() async throws {
    let server = try Self.server("server")
    defer { server.stop() }
    for host in ["127.0.0.1", "localhost"] {
      let transport = try Self.transport(server, host: host)
      #expect(await transport.post(Self.body, timeout: .seconds(20)) == .response(status: 200), "\(host)")
    }
  }

  enum Trust: String, CaseIterable {
    case systemOnly, cacert, cacertAdd, insecure
  }

  /// A CA the system does not know: refused with the reason, accepted once trusted or with
  /// verification off.
  @Test(arguments: Trust.allCases)
  func anUnknownIssuer(trust: Trust) async throws {
    let server = try Self.server("server")
    defer { server.stop() }
    var settings = TLSSettings()
    switch trust {
    case .systemOnly: break
    case .cacert: settings = TestCertificates.trustingCA
    case .cacertAdd: settings.trustFiles = [TestCertificates.path("ca.pem")]
    case .insecure: settings.insecure = true
    }
    let outcome = await (try Self.transport(server, settings: settings)).post(Self.body, timeout: .seconds(20))
    if trust == .systemOnly {
      #expect(outcome == .connectionError("TLS certificate error: unable to get local issuer certificate"))
      #expect(outcome.attemptClass == .connectionError)
    } else {
      #expect(outcome == .response(status: 200))
    }
  }

  /// Certificates that must be refused, and the words the summary gives for each.
  static let refusals: [(certificate: String, host: String, error: String)] = [
    ("expired", "127.0.0.1", "TLS certificate error: certificate has expired"),
    ("wrong-host", "localhost", "TLS certificate error: hostname mismatch"),
    ("wrong-host", "127.0.0.1", "TLS certificate error: IP address mismatch"),
    ("self-signed", "127.0.0.1", "TLS certificate error: self-signed certificate"),
  ]

  @Test(arguments: refusals)
  func aBadCertificateIsRefusedAndNamed(_ refusal: (certificate: String, host: String, error: String)) async throws {
    let server = try Self.server(refusal.certificate)
    defer { server.stop() }
    let outcome = await (try Self.transport(server, host: refusal.host)).post(Self.body, timeout: .seconds(20))
    #expect(outcome == .connectionError(refusal.error))
    // --insecure takes any of them.
    var insecure = TLSSettings()
    insecure.insecure = true
    let accepted = await (try Self.transport(server, host: refusal.host, settings: insecure)).post(
      Self.body, timeout: .seconds(20))
    #expect(accepted == .response(status: 200))
  }

  /// A server that asks for a client certificate signed by its CA.
  @Test(
    arguments: [
      ("client", nil),
      (nil, "TLS certificate error: the server requires a client certificate (tlsv13 alert certificate required)"),
      ("other-client", "TLS certificate error: the server refused the client certificate (tlsv1 alert unknown ca)"),
    ] as [(String?, String?)])
  func mutualTLS(client: String?, error: String?) async throws {
    let server = try Self.server("server", clientCA: "ca.pem")
    defer { server.stop() }
    var settings = TestCertificates.trustingCA
    settings.clientCertificate = client.map { TestCertificates.path("\($0).pem") }
    settings.clientKey = client.map { TestCertificates.path("\($0).key") }
    let outcome = await (try Self.transport(server, settings: settings)).post(Self.body, timeout: .seconds(20))
    #expect(outcome == (error.map { .connectionError($0) } ?? .response(status: 200)))
  }

  /// A server that reads the ClientHello and resets the connection.
  @Test func aResetDuringTheHandshakeIsAConnectionError() async throws {
    let server = try ScriptedServer { peer in
      var hello = [UInt8](repeating: 0, count: 512)
      _ = recv(peer.fd, &hello, hello.count, 0)
      var reset = linger(l_onoff: 1, l_linger: 0)
      setsockopt(peer.fd, SOL_SOCKET, SO_LINGER, &reset, socklen_t(MemoryLayout<linger>.size))
    }
    defer { server.stop() }
    let url = try #require(URL(string: "https://127.0.0.1:\(server.port)/"))
    let transport = try #require(
      SocketTransport(url: url, connections: 1, tls: try TLSContext.client(TestCertificates.trustingCA)))
    let outcome = await transport.post(Self.body, timeout: .seconds(20))
    #expect(outcome == .connectionError("connection reset during the TLS handshake"))
  }

  /// A server that accepts and never answers the ClientHello: the whole-request deadline ends
  /// the attempt, handshake included.
  @Test func aHandshakeThatNeverCompletesTimesOut() async throws {
    let server = try ScriptedServer { peer in _ = peer.waitForClose() }
    defer { server.stop() }
    let url = try #require(URL(string: "https://127.0.0.1:\(server.port)/"))
    let transport = try #require(
      SocketTransport(url: url, connections: 1, tls: try TLSContext.client(TestCertificates.trustingCA)))
    let outcome = await Task { await transport.post(Self.body, timeout: .milliseconds(300)) }.value(within: 60)
    #expect(outcome == .timeout)
    #expect(server.connectionCount == 1)
  }

  /// Kept-alive TLS connections carry the next requests: one handshake for many.
  @Test func keepAliveReusesTheTLSConnection() async throws {
    let server = try Self.server("server")
    defer { server.stop() }
    let transport = try Self.transport(server)
    for _ in 0..<5 { #expect(await transport.post(Self.body, timeout: .seconds(20)) == .response(status: 200)) }
    #expect(transport.tlsHandshakes.completed == 1)
  }

  /// One request per connection: every connection after the first resumes the kept session.
  @Test func reconnectingResumesTheSession() async throws {
    let server = try Self.server("server")
    defer { server.stop() }
    let transport = try Self.transport(server, keepAliveIdle: .zero)
    for _ in 0..<4 { #expect(await transport.post(Self.body, timeout: .seconds(20)) == .response(status: 200)) }
    #expect(transport.tlsHandshakes.completed == 4)
    #expect(transport.tlsHandshakes.resumed == 3)
  }
}
