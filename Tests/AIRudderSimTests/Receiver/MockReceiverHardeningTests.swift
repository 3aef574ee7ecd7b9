import Foundation
import Testing

@testable import AIRudderSimCLI
@testable import Contract
@testable import Delivery
@testable import Generation
@testable import HTTP1
@testable import Receiver
@testable import Reporting
@testable import Scenario
@testable import Support

/// Every bad input from the issue, thrown at a live receiver; after each, a valid request still
/// gets its answer and no connection is left open.
@Suite(.serialized) struct MockReceiverHardeningTests {
  static func receiver() throws -> MockReceiver {
    var configuration = ReceiverConfiguration()
    configuration.limits.idleTimeout = .milliseconds(300)
    configuration.limits.bodyBytes = 256 * 1024
    configuration.limits.requestLine = 1024
    configuration.limits.headerCount = 20
    return try MockReceiver.start(configuration: configuration)
  }

  private func assertStillServes(_ receiver: MockReceiver) throws {
    let client = try RawClient(port: receiver.port)
    client.send(post(try validBody()))
    #expect(client.readResponses(1).statuses == [200])
  }

  private func assertNoConnectionsLeft(_ receiver: MockReceiver) async {
    #expect(await eventually { receiver.openConnections == 0 }, "connections left open: \(receiver.openConnections)")
  }

  /// (what is sent, the status expected or nil for a close without answer)
  static let badInputs: [(String, [UInt8], Int?)] = [
    ("garbage bytes", [0x00, 0xFF, 0x13, 0x37] + Array("\r\n\r\n".utf8), 400),
    ("a request line over the limit", Array(("POST /" + String(repeating: "x", count: 4000) + " HTTP/1.1\r\n\r\n").utf8), 414),
    ("too many headers", Array(("POST / HTTP/1.1\r\n" + (0..<30).map { "h\($0): v\r\n" }.joined() + "\r\n").utf8), 431),
    ("a body over the limit", Array("POST / HTTP/1.1\r\nContent-Length: 99999999\r\n\r\n".utf8), 413),
    ("a Content-Length shorter than the body", Array("POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\n{\"a\": 1}\r\n".utf8), 400),
    ("a bad chunk size", Array("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nxyz\r\n".utf8), 400),
    ("a wrong method", Array("GET / HTTP/1.1\r\nConnection: close\r\n\r\n".utf8), 405),
    ("not JSON", Array("POST / HTTP/1.1\r\nContent-Length: 3\r\nConnection: close\r\n\r\nabc".utf8), 400),
  ]

  @Test(arguments: 0..<badInputs.count)
  func badInputIsAnsweredAndTheServerGoesOn(index: Int) async throws {
    let (_, bytes, status) = Self.badInputs[index]
    let receiver = try Self.receiver()
    defer { receiver.stop() }
    do {
      let client = try RawClient(port: receiver.port)
      client.send(bytes)
      #expect(client.readResponses(1).statuses.first == status)
    }
    try assertStillServes(receiver)
    await assertNoConnectionsLeft(receiver)
  }

  @Test func truncatedBodyThenHangUp() async throws {
    let receiver = try Self.receiver()
    defer { receiver.stop() }
    do {
      let client = try RawClient(port: receiver.port)
      client.send("POST / HTTP/1.1\r\nContent-Length: 1000\r\n\r\n{\"partial\":")
    }
    try assertStillServes(receiver)
    await assertNoConnectionsLeft(receiver)
  }

  @Test func halfARequestThenStallIsClosedByTheIdleTimeout() async throws {
    let receiver = try Self.receiver()
    defer { receiver.stop() }
    let staller = try RawClient(port: receiver.port)
    staller.send("POST / HTTP/1.1\r\nHost: x\r\n")
    try assertStillServes(receiver)  // the stalled client blocks nobody
    #expect(staller.waitForClose())
    await assertNoConnectionsLeft(receiver)
  }

  @Test func wrongContentLengthLongerThanTheBodyTimesOut() async throws {
    let receiver = try Self.receiver()
    defer { receiver.stop() }
    let client = try RawClient(port: receiver.port)
    client.send("POST / HTTP/1.1\r\nContent-Length: 500\r\n\r\n{}")
    #expect(client.waitForClose())
    try assertStillServes(receiver)
    await assertNoConnectionsLeft(receiver)
  }

  @Test func manyMalformedRequestsInARow() async throws {
    let receiver = try Self.receiver()
    defer { receiver.stop() }
    for round in 0..<200 {
      let client = try RawClient(port: receiver.port)
      var bytes = Self.badInputs[round % Self.badInputs.count].1
      if round % 3 == 0 { bytes = Array(bytes.prefix(bytes.count / 2)) }  // and cut short
      client.send(bytes)
    }
    try assertStillServes(receiver)
    await assertNoConnectionsLeft(receiver)
    #expect(receiver.counts().accepted == 1)
  }

  @Test func expectContinueAndChunkedBodies() async throws {
    let receiver = try Self.receiver()
    defer { receiver.stop() }
    let body = try validBody()
    let client = try RawClient(port: receiver.port)
    client.send("POST / HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: \(body.count)\r\n\r\n")
    #expect(client.readResponses(1).statuses == [100])
    client.send(body)
    #expect(client.readResponses(1).statuses == [200])
    let chunked = try RawClient(port: receiver.port)
    let half = body.count / 2
    chunked.send("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n" + String(half, radix: 16) + "\r\n")
    chunked.send(
      Array(body[..<half]) + Array("\r\n".utf8) + Array(String(body.count - half, radix: 16).utf8) + Array("\r\n".utf8))
    chunked.send(Array(body[half...]) + Array("\r\n0\r\n\r\n".utf8))
    #expect(chunked.readResponses(1).statuses == [200])
    #expect(receiver.counts().duplicates == 1, "the same notification twice: its CallID again")
  }

  /// 64 clients at once, each keeping its connection for several requests.
  @Test func sixtyFourConcurrentKeepAliveConnections() async throws {
    let receiver = try Self.receiver()
    defer { receiver.stop() }
    let bodies = try (1...8).map { try validBody(number: $0) }
    let results = await withTaskGroup(of: [Int].self) { group in
      for index in 0..<64 {
        group.addTask {
          guard let client = try? RawClient(port: receiver.port) else { return [] }
          var statuses: [Int] = []
          for round in 0..<3 {
            client.send(post(bodies[(index + round) % bodies.count]))
            statuses += client.readResponses(1).statuses
          }
          return statuses
        }
      }
      var all: [[Int]] = []
      for await result in group { all.append(result) }
      return all
    }
    #expect(results.count == 64 && results.allSatisfy { $0 == [200, 200, 200] })
    let counts = receiver.counts()
    #expect(counts.requests == 192 && counts.answers["200"] == 192)
    #expect(counts.accepted == 8)
    await assertNoConnectionsLeft(receiver)
  }
}
