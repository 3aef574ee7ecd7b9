import Foundation
import Testing

@testable import Delivery
@testable import HTTP1

#if canImport(Glibc)
  import Glibc
#endif

/// The receiver's server over https: handshakes never block the loop, a handshake that stalls
/// is closed by the head deadline, and a client speaking plain http to it is closed, not served.
@Suite(.enabled(if: TestCertificates.available, "needs the openssl command and libssl.so.3"))
struct TLSServerTests {
  static func server(headTimeout: Duration = .seconds(10)) throws -> HTTPServer {
    var limits = HTTPLimits()
    limits.headTimeout = headTimeout
    let server = HTTPServer(limits: limits, tls: TestCertificates.server("server")) { _ in
      .respond(status: 200, body: Array("{}".utf8))
    }
    try server.start()
    return server
  }

  static func post(to server: HTTPServer) async throws -> AttemptOutcome {
    let url = try #require(URL(string: "https://127.0.0.1:\(server.port)/"))
    let transport = try #require(
      SocketTransport(url: url, connections: 1, tls: try TLSContext.client(TestCertificates.trustingCA)))
    return await transport.post(Data("{}".utf8), timeout: .seconds(20))
  }

  /// Clients stuck halfway through a ClientHello hold up only themselves, and are closed once
  /// the head deadline passes.
  @Test func aStalledHandshakeBlocksNobodyAndIsClosedByTheHeadDeadline() async throws {
    let server = try Self.server(headTimeout: .milliseconds(500))
    defer { server.stop() }
    // The first bytes of a TLS record header (handshake, TLS 1.0 record version), then nothing.
    // Reads give up after 8 s, well before the 15 s idle timeout: only the head deadline closes them in time.
    let stalled = try (0..<3).map { _ in try RawClient(port: server.port, timeout: 8) }
    for client in stalled { client.send([0x16, 0x03, 0x01]) }
    #expect(try await Self.post(to: server) == .response(status: 200))
    for client in stalled { #expect(client.waitForClose(), "a stalled handshake was left open") }
    #expect(await eventually { server.openConnections <= 1 })
  }

  /// Plain http to the https port fails the handshake: the connection is closed, nothing answered.
  @Test func plainHTTPIsClosedNotAnswered() async throws {
    let server = try Self.server()
    defer { server.stop() }
    let client = try RawClient(port: server.port)
    client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}")
    var received: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    var count = 0
    repeat {
      count = buffer.withUnsafeMutableBytes { recv(client.fd, $0.baseAddress, $0.count, 0) }
      if count > 0 { received += buffer[0..<count] }
    } while count > 0
    #expect(count == 0 || errno == ECONNRESET, "closed, not left open")
    #expect(!String(decoding: received, as: UTF8.self).contains("HTTP/1.1"), "answered in plain http")
    #expect(try await Self.post(to: server) == .response(status: 200))
  }
}
