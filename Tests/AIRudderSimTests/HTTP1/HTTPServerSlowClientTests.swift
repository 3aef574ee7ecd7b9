import Foundation
import Testing

@testable import AIRudderSimCLI
@testable import Delivery
@testable import Generation
@testable import HTTP1
@testable import Receiver
@testable import Reporting
@testable import Scenario
@testable import Support

#if canImport(Glibc)
  import Glibc
#endif

/// A slow client holds up only itself: a head or body trickled in forever meets its own
/// deadline, however often bytes arrive, and connections that send slowly or nothing cannot
/// keep a valid client out, not even at the connection limit.
@Suite(.serialized) struct HTTPServerSlowClientTests {
  static func receiver(_ adjust: (inout ReceiverConfiguration) -> Void = { _ in }) throws -> MockReceiver {
    var configuration = ReceiverConfiguration()
    // Long enough that only the deadline a test is about can close a connection.
    configuration.limits.idleTimeout = .seconds(120)
    configuration.limits.headTimeout = .seconds(120)
    configuration.limits.bodyTimeout = .seconds(120)
    adjust(&configuration)
    return try MockReceiver.start(configuration: configuration)
  }

  static let partialHead = "POST /hook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"

  /// Sends `piece(n)` every 50 ms until the server closes the connection (bounded at 60 s);
  /// what the server sent, whether it closed, and how many pieces went.
  private func trickle(_ client: RawClient, _ piece: (Int) -> String) -> (received: String, closed: Bool, pieces: Int) {
    var received: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    let giveUp = ContinuousClock.now + .seconds(60)
    var pieces = 0
    while ContinuousClock.now < giveUp {
      while true {
        let count = buffer.withUnsafeMutableBytes { recv(client.fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
        if count > 0 {
          received += buffer[0..<count]
          continue
        }
        if count == 0 || errno == ECONNRESET { return (String(decoding: received, as: UTF8.self), true, pieces) }
        break
      }
      client.send(piece(pieces))
      pieces += 1
      usleep(50_000)
    }
    return (String(decoding: received, as: UTF8.self), false, pieces)
  }

  @Test func aHeadTrickledInForeverIsClosedByTheHeadDeadline() throws {
    let receiver = try Self.receiver { $0.limits.headTimeout = .milliseconds(500) }
    defer { receiver.stop() }
    let client = try RawClient(port: receiver.port)
    client.send(Self.partialHead + "X-Slow: ")
    // A byte of a header every 50 ms: an idle timer would never fire (and it takes minutes to
    // reach a size limit).
    let (received, closed, pieces) = trickle(client) { _ in "a" }
    #expect(closed, "still open after \(pieces) bytes of header")
    #expect(received.hasPrefix("HTTP/1.1 408 "), "answered: \(received.prefix(40))")
    #expect(pieces >= 2)
    // The deadline is the slow client's own: a valid client is answered.
    let valid = try RawClient(port: receiver.port)
    valid.send(post(try validBody()))
    #expect(valid.readResponses(1).statuses == [200])
  }

  @Test func aBodyTrickledInForeverIsClosedByTheBodyDeadline() throws {
    let receiver = try Self.receiver { $0.limits.bodyTimeout = .milliseconds(500) }
    defer { receiver.stop() }
    let client = try RawClient(port: receiver.port)
    client.send(Self.partialHead + "Content-Length: 100000\r\n\r\n{")
    let (received, closed, pieces) = trickle(client) { _ in " " }
    #expect(closed, "still open after \(pieces) body bytes")
    #expect(received.hasPrefix("HTTP/1.1 408 "), "answered: \(received.prefix(40))")
  }

  @Test func theHeadDeadlineStartsWithTheRequestNotWithTheIdleWaitBeforeIt() async throws {
    let receiver = try Self.receiver { $0.limits.headTimeout = .milliseconds(300) }
    defer { receiver.stop() }
    let client = try RawClient(port: receiver.port)
    let body = try validBody()
    client.send(post(body))
    #expect(client.readResponses(1).statuses == [200])
    // Idle on the kept-alive connection for longer than the head deadline: still served.
    try await Task.sleep(for: .milliseconds(900))
    client.send(post(body))
    #expect(client.readResponses(1).statuses == [200])
  }

  /// Today's receiver held 512 connections and closed every one past that at once.
  @Test func sixHundredSlowClientsDoNotLockOutAValidOne() async throws {
    let receiver = try Self.receiver()
    defer { receiver.stop() }
    var slow: [RawClient] = []
    for _ in 0..<600 {
      let client = try RawClient(port: receiver.port)
      client.send(Self.partialHead)
      slow.append(client)
    }
    #expect(await eventually { receiver.openConnections == 600 }, "open: \(receiver.openConnections)")
    let valid = try RawClient(port: receiver.port)
    valid.send(post(try validBody(), keepAlive: false))
    #expect(valid.readResponses(1).statuses == [200])
    receiver.stop()
    #expect(receiver.openConnections == 0)
    #expect(slow.first?.waitForClose() == true, "stop closes the slow connections too")
  }

  /// At the limit, the connection that has waited longest without a request being answered
  /// makes room; one whose request is being answered is never the one closed.
  @Test func atTheConnectionLimitTheOldestIncompleteConnectionMakesRoom() async throws {
    let receiver = try Self.receiver {
      $0.limits.maxConnections = 8
      $0.faults.delay = SettingDuration(seconds: 2)
      $0.faults.delayRate = 1
    }
    defer { receiver.stop() }
    // A request being answered (delayed by the fault) …
    let answered = try RawClient(port: receiver.port, timeout: 30)
    answered.send(post(try validBody(number: 2)))
    #expect(await eventually { receiver.counts().requests == 1 }, "the delayed request reached the handler")
    // … then more slow clients than the limit has room for, oldest first.
    var slow: [RawClient] = []
    for _ in 0..<12 {
      let client = try RawClient(port: receiver.port)
      client.send(Self.partialHead)
      slow.append(client)
      #expect(await eventually { receiver.openConnections == min(8, slow.count + 1) })
    }
    let valid = try RawClient(port: receiver.port, timeout: 30)
    valid.send(post(try validBody()))
    #expect(valid.readResponses(1).statuses == [200])
    #expect(answered.readResponses(1).statuses == [200], "the request being answered was not shed")
    #expect(slow[0].waitForClose() && slow[5].waitForClose(), "the oldest slow clients made room")
    #expect(receiver.openConnections <= 8)
  }
}
