import Foundation
import Testing

@testable import AIRudderSimCLI
@testable import Contract
@testable import Delivery
@testable import HTTP1
@testable import Receiver
@testable import Reporting
@testable import Scenario
@testable import Support

#if canImport(Glibc)
  import Glibc
#endif

/// The socket transport against a scripted loopback server: the bytes it sends, keep-alive,
/// its connection bound, its whole-request deadline, and every way a server can misbehave.
@Suite struct SocketTransportTests {
  static let body = Data(#"{"TaskID":"t-1","Sign":"x","Details":[]}"#.utf8)

  /// Answers `200 {}` to every request on every connection, counting requests.
  static func okServer(delay: Duration = .zero, requests: Counter = Counter()) throws -> ScriptedServer {
    try ScriptedServer { peer in
      while peer.readRequest() != nil {
        requests.increment()
        if delay > .zero { Thread.sleep(forTimeInterval: delay.seconds) }
        peer.answerOK()
      }
    }
  }

  @Test func sendsAIRuddersHeadersAndTheBodyUnchanged() async throws {
    let seen = Box<(head: String, body: [UInt8])>()
    let server = try ScriptedServer { peer in
      if let request = peer.readRequest() {
        seen.value = request
        peer.answerOK()
      }
    }
    defer { server.stop() }
    let transport = try #require(SocketTransport(url: server.url, connections: 1))
    #expect(await transport.post(Self.body, timeout: .seconds(5)) == .response(status: 200))
    let request = try #require(seen.value)
    let lines = request.head.components(separatedBy: "\r\n")
    #expect(lines.first == "POST /hook?source=test HTTP/1.1")
    #expect(lines.contains("Host: 127.0.0.1:\(server.port)"))
    #expect(lines.contains("Content-Type: application/json"))
    #expect(lines.contains("User-Agent: Airudder"))
    #expect(lines.contains("Content-Length: \(Self.body.count)"))
    #expect(request.body == Array(Self.body))
  }

  /// A body far larger than the socket's buffers, read slowly: the request goes out in many
  /// partial writes (head and body in one `sendmsg`, resumed where the last one stopped).
  @Test func largeBodyArrivesWholeThroughPartialWrites() async throws {
    let body = Data((0..<(6 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) })
    let seen = Box<[UInt8]>()
    let server = try ScriptedServer { peer in
      Thread.sleep(forTimeInterval: 0.2)
      if let request = peer.readRequest() {
        seen.value = request.body
        peer.answerOK()
      }
    }
    defer { server.stop() }
    let transport = try #require(SocketTransport(url: server.url, connections: 1))
    #expect(await transport.post(body, timeout: .seconds(60)) == .response(status: 200))
    // Compared as a Bool: a failure must not print six megabytes.
    let same = seen.value.map { $0 == Array(body) }
    #expect(seen.value?.count == body.count)
    #expect(same == true, "the body arrived changed")
  }

  @Test func keepAliveCarriesSequentialRequestsOnOneConnection() async throws {
    let requests = Counter()
    let server = try Self.okServer(requests: requests)
    defer { server.stop() }
    // A long idle limit: a test task on a starved pool may resume seconds later (the default
    // 4 s limit would then rightly close the connection).
    let transport = try #require(SocketTransport(url: server.url, connections: 4, keepAliveIdle: .seconds(600)))
    for _ in 0..<5 { #expect(await transport.post(Self.body, timeout: .seconds(5)) == .response(status: 200)) }
    #expect(requests.value == 5 && server.connectionCount == 1)
  }

  /// More requests than connections: the rest wait in line, none is lost, and no more than
  /// `connections` are ever opened.
  @Test(arguments: [1, 3])
  func neverMoreConnectionsThanAllowed(connections: Int) async throws {
    let requests = Counter()
    let server = try Self.okServer(delay: .milliseconds(20), requests: requests)
    defer { server.stop() }
    let transport = try #require(SocketTransport(url: server.url, connections: connections))
    let outcomes = await withTaskGroup(of: AttemptOutcome.self) { group in
      for _ in 0..<12 { group.addTask { await transport.post(Self.body, timeout: .seconds(30)) } }
      return await group.reduce(into: []) { $0.append($1) }
    }
    #expect(outcomes.count == 12 && outcomes.allSatisfy { $0 == .response(status: 200) })
    #expect(requests.value == 12 && server.connectionCount <= connections)
  }

  enum Silence: String, CaseIterable {
    /// Reads the request and says nothing.
    case silent
    /// Sends a head promising 100 bytes, then one byte every 50 ms: never idle, and whole
    /// after 5 s, so an idle timeout (URLSession's own kind) would see a 200, not a timeout.
    case trickling
  }

  /// The deadline covers the whole request: a server that trickles bytes times out like a
  /// silent one, never early, and its connection is closed (the answer could still come).
  /// No upper bound on the time taken: on a loaded machine the test task itself may resume
  /// late; the outcome alone tells a deadline from an idle timeout here.
  @Test(arguments: Silence.allCases)
  func theDeadlineCoversTheWholeRequest(_ silence: Silence) async throws {
    let closedByClient = Box<Bool>()
    let server = try ScriptedServer { peer in
      guard peer.readRequest() != nil else { return }
      if silence == .trickling {
        peer.send("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n")
        for _ in 0..<100 {
          Thread.sleep(forTimeInterval: 0.05)
          guard peer.send("x") else { break }
        }
      }
      closedByClient.value = peer.waitForClose()
    }
    defer { server.stop() }
    let transport = try #require(SocketTransport(url: server.url, connections: 1))
    let clock = ContinuousClock()
    let start = clock.now
    let outcome = await transport.post(Self.body, timeout: .milliseconds(300))
    let taken = start.duration(to: clock.now)
    #expect(outcome == .timeout)
    #expect(taken >= .milliseconds(300), "timed out after \(taken), before the deadline")
    #expect(await eventually { closedByClient.value != nil } && closedByClient.value == true)
  }

  enum Misbehaviour: String, CaseIterable {
    case closesWithoutAnswer, closesMidResponse, resets, answersGarbage, answersHTTP2

    func play(_ peer: ScriptedServer.Peer) {
      switch self {
      case .closesWithoutAnswer: break
      case .closesMidResponse: peer.send("HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\n{}")
      case .resets:
        // SO_LINGER with a zero timeout: close sends RST instead of FIN.
        var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
        setsockopt(peer.fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
      case .answersGarbage: peer.send("SSH-2.0-OpenSSH_9.2\r\n\r\n")
      case .answersHTTP2: peer.send("HTTP/2 200\r\ncontent-length: 0\r\n\r\n")
      }
    }

    var expected: AttemptOutcome {
      switch self {
      case .closesWithoutAnswer: .connectionError("connection closed without a response")
      case .closesMidResponse: .connectionError("connection closed mid-response")
      case .resets: .connectionError("connection reset")
      case .answersGarbage, .answersHTTP2: .other("malformed response: not an HTTP/1.x status line")
      }
    }
  }

  /// Each misbehaviour is one attempt of the right class, named; the server sees the request
  /// once (no hidden resend that would show up as a duplicate).
  @Test(arguments: Misbehaviour.allCases)
  func misbehavingServersAreNamedAttempts(_ misbehaviour: Misbehaviour) async throws {
    let requests = Counter()
    let server = try ScriptedServer { peer in
      guard peer.readRequest() != nil else { return }
      requests.increment()
      misbehaviour.play(peer)
    }
    defer { server.stop() }
    let transport = try #require(SocketTransport(url: server.url, connections: 1))
    #expect(await transport.post(Self.body, timeout: .seconds(5)) == misbehaviour.expected)
    #expect(requests.value == 1 && server.connectionCount == 1)
  }

  @Test func refusedConnectionsAreNamed() async throws {
    let server = try ScriptedServer { _ in }
    let url = server.url
    server.stop()
    let transport = try #require(SocketTransport(url: url, connections: 1))
    #expect(await transport.post(Self.body, timeout: .seconds(5)) == .connectionError("connection refused"))
  }

  /// `localhost` is both loopbacks, whatever /etc/hosts says (libcurl does the same): a
  /// receiver on either is reached.
  @Test(.enabled(if: ScriptedServer.ipv6LoopbackAvailable), arguments: [false, true])
  func localhostReachesEitherLoopback(ipv6: Bool) async throws {
    let server = try ScriptedServer(ipv6: ipv6) { peer in
      if peer.readRequest() != nil { peer.answerOK() }
    }
    defer { server.stop() }
    let url = try #require(URL(string: "http://localhost:\(server.port)/"))
    let transport = try #require(SocketTransport(url: url, connections: 1))
    #expect(await transport.post(Self.body, timeout: .seconds(5)) == .response(status: 200))
  }

  @Test func localhostResolvesToBothLoopbacksInOrder() throws {
    let url = try #require(URL(string: "http://LocalHost:8080/"))
    let target = try #require(HTTPTarget(url: url))
    #expect(target.resolve()?.map(\.family) == [AF_INET, AF_INET6])
  }

  /// A kept-alive connection the server closed is not used again: the next request goes on a
  /// new connection and arrives once.
  @Test func aClosedIdleConnectionIsNotReused() async throws {
    let requests = Counter()
    let server = try ScriptedServer { peer in
      // One exchange per connection, then the server closes it (keep-alive promised).
      if peer.readRequest() != nil {
        requests.increment()
        peer.answerOK()
      }
    }
    defer { server.stop() }
    let transport = try #require(SocketTransport(url: server.url, connections: 1))
    #expect(await transport.post(Self.body, timeout: .seconds(5)) == .response(status: 200))
    try await Task.sleep(for: .milliseconds(200))
    #expect(await transport.post(Self.body, timeout: .seconds(5)) == .response(status: 200))
    #expect(requests.value == 2 && server.connectionCount == 2)
  }

  /// A 5 MB chunked answer is read to its end and dropped; the connection carries on.
  @Test func largeChunkedAnswersAreReadAndDropped() async throws {
    let server = try ScriptedServer { peer in
      while peer.readRequest() != nil {
        peer.send("HTTP/1.1 500 Internal Server Error\r\nTransfer-Encoding: chunked\r\n\r\n")
        let chunk = "100000\r\n" + String(repeating: "e", count: 0x100000) + "\r\n"
        for _ in 0..<5 { peer.send(chunk) }
        peer.send("0\r\n\r\n")
      }
    }
    defer { server.stop() }
    let transport = try #require(SocketTransport(url: server.url, connections: 1, keepAliveIdle: .seconds(600)))
    for _ in 0..<2 { #expect(await transport.post(Self.body, timeout: .seconds(20)) == .response(status: 500)) }
    #expect(server.connectionCount == 1)
  }

  /// Shutting the loop down ends what is in flight instead of leaving a caller waiting. The
  /// server has read the request and never answers, so the request is on the wire when the
  /// loop shuts down, and only the shutdown can end it (its deadline is minutes away).
  @Test func shutdownEndsRequestsInFlight() async throws {
    let received = Box<Bool>()
    let closedByClient = Box<Bool>()
    let server = try ScriptedServer { peer in
      guard peer.readRequest() != nil else { return }
      received.value = true
      closedByClient.value = peer.waitForClose()
    }
    defer { server.stop() }
    let loop = HTTPConnectionLoop(target: try #require(HTTPTarget(url: server.url)), maxConnections: 1)
    let outcome = Box<AttemptOutcome>()
    Task {
      outcome.value = await withUnsafeContinuation { continuation in
        loop.submit(
          .init(
            head: Array("POST / HTTP/1.1\r\nContent-Length: 0\r\n\r\n".utf8), body: Data(),
            deadline: HTTPConnectionLoop.now() + 600_000_000_000, continuation: continuation))
      }
    }
    try #require(await eventually { received.value == true }, "the server never got the request")
    #expect(outcome.value == nil, "ended before the shutdown: \(String(describing: outcome.value))")
    loop.shutdown()
    // The loop resumed the caller before `shutdown` returned; its task may take a while to run.
    #expect(await eventually { outcome.value != nil }, "the request in flight was left waiting")
    #expect(outcome.value == .connectionError("transport closed"))
    #expect(await eventually { closedByClient.value != nil } && closedByClient.value == true, "its connection was not closed")
    let late = await withUnsafeContinuation { continuation in
      loop.submit(.init(head: [], body: Data(), deadline: HTTPConnectionLoop.now() + 1_000_000_000, continuation: continuation))
    }
    #expect(late == .connectionError("transport closed"), "a request after shutdown ends at once")
  }

  /// URL → host, port, request target, Host header.
  static let targets: [(String, [String]?)] = [
    ("http://127.0.0.1:8080/hook", ["127.0.0.1", "8080", "/hook", "127.0.0.1:8080"]),
    ("http://example.com", ["example.com", "80", "/", "example.com"]),
    ("http://[::1]:9000/a/b?x=1&y=%20", ["::1", "9000", "/a/b?x=1&y=%20", "[::1]:9000"]),
    ("https://127.0.0.1/hook", ["127.0.0.1", "443", "/hook", "127.0.0.1"]),
    ("ftp://127.0.0.1/hook", nil),
  ]

  @Test(arguments: targets)
  func targetsFromURLs(_ pair: (String, [String]?)) throws {
    let target = HTTPTarget(url: try #require(URL(string: pair.0)))
    #expect(target.map { [$0.host, String($0.port), $0.requestTarget, $0.hostHeader] } == pair.1)
  }

  @Test func transportChoiceFollowsTheScheme() throws {
    let http = try #require(URL(string: "http://127.0.0.1:1/"))
    let https = try #require(URL(string: "https://127.0.0.1:1/"))
    #expect(TransportChoice.automatic.resolved(for: http) == .sockets)
    // https goes through the sockets too, with OpenSSL 3 loaded at run time (this machine has it).
    #expect(TLSLibrary.isAvailable)
    #expect(TransportChoice.automatic.resolved(for: https) == .sockets)
    #expect(TransportChoice.urlSession.resolved(for: http) == .urlSession)
    #expect(TransportChoice.sockets.problem(with: https) == nil)
    #expect(TransportChoice.sockets.problem(with: http) == nil && TransportChoice.urlSession.problem(with: https) == nil)
    #expect(try TransportChoice.automatic.makeTransport(for: http, connections: 1) is SocketTransport)
    #expect(try TransportChoice.automatic.makeTransport(for: https, connections: 1) is SocketTransport)
    #expect(try TransportChoice.urlSession.makeTransport(for: https, connections: 1) is URLSessionTransport)
  }
}

/// A value set on one thread and read on another.
final class Box<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: Value?
  var value: Value? {
    get { lock.withLock { stored } }
    set { lock.withLock { stored = newValue } }
  }
}

final class Counter: @unchecked Sendable {
  private let lock = NSLock()
  private var count = 0
  func increment() { lock.withLock { count += 1 } }
  var value: Int { lock.withLock { count } }
}
