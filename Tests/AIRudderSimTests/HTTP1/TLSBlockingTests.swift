import Foundation
import Testing

@testable import HTTP1

#if canImport(Glibc)
  import Glibc
#endif

/// TLS for a blocking caller with a deadline (how `check`'s probe connection speaks https):
/// a whole exchange with the https server, and a handshake that never completes giving up at
/// its deadline.
@Suite(.enabled(if: TestCertificates.available, "needs the openssl command and libssl.so.3"))
struct TLSBlockingTests {
  /// A non-blocking socket connected to 127.0.0.1:`port`.
  static func connect(_ port: UInt16) throws -> Int32 {
    let address = try #require(SocketAddress(numericHost: "127.0.0.1", port: port))
    let fd = socket(address.family, Int32(SOCK_STREAM.rawValue), 0)
    try #require(address.withSockaddr { Glibc.connect(fd, $0, $1) } == 0)
    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
    return fd
  }

  /// Waits for `events` on `fd` until `deadline` (`CLOCK_MONOTONIC` ns); false past it.
  static func waiter(_ fd: Int32, until deadline: UInt64) -> (Int16) -> Bool {
    { events in
      let now = HTTPConnectionLoop.now()
      guard now < deadline else { return false }
      var poller = pollfd(fd: fd, events: events, revents: 0)
      return poll(&poller, 1, Int32(clamping: (deadline - now) / 1_000_000 + 1)) > 0
    }
  }

  @Test func aWholeExchange() throws {
    let server = HTTPServer(tls: TestCertificates.server("server")) { _ in .respond(status: 200, body: Array("{}".utf8)) }
    try server.start()
    defer { server.stop() }
    let fd = try Self.connect(server.port)
    defer { close(fd) }
    let session = try #require(try TLSContext.client(TestCertificates.trustingCA).session(fd: fd, server: false))
    #expect(session.expect(host: "127.0.0.1"))
    let wait = Self.waiter(fd, until: HTTPConnectionLoop.now() + 30_000_000_000)
    #expect(session.handshake(waiting: wait) == .done)
    let request = Array("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\n\r\n{}".utf8)
    guard case .bytes(request.count)? = request.withUnsafeBytes({ session.write(all: $0, waiting: wait) }) else {
      Issue.record("the request was not written")
      return
    }
    var buffer = [UInt8](repeating: 0, count: 4096)
    guard case .bytes(let count)? = buffer.withUnsafeMutableBytes({ session.read(into: $0, waiting: wait) }) else {
      Issue.record("no answer")
      return
    }
    #expect(String(decoding: buffer[0..<count], as: UTF8.self).hasPrefix("HTTP/1.1 200 OK"))
  }

  @Test func aStalledHandshakeGivesUpAtTheDeadline() throws {
    let server = try ScriptedServer { peer in _ = peer.waitForClose() }
    defer { server.stop() }
    let fd = try Self.connect(server.port)
    defer { close(fd) }
    let session = try #require(try TLSContext.client(TestCertificates.trustingCA).session(fd: fd, server: false))
    #expect(session.handshake(waiting: Self.waiter(fd, until: HTTPConnectionLoop.now() + 200_000_000)) == nil)
  }
}
