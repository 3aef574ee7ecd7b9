import Foundation
import Testing

@testable import Conformance
@testable import HTTP1

/// The connection cases against receivers whose defect is in how they treat connections,
/// which an HTTP server will not do on demand: scripted on raw sockets.
@Suite struct ConnectionDefectTests {
  /// Says keep-alive (HTTP/1.1, no `Connection: close`), then closes under the next request.
  @Test func keepAliveReceiverThatDropsTheNextRequestFails() async throws {
    let server = try ScriptedServer { peer in
      guard peer.readRequest() != nil else { return }
      peer.answerOK()
      _ = peer.readRequest()
    }
    defer { server.stop() }
    let result = try await CheckHarness.run("delivery.keep-alive", at: server.url)
    #expect(result.outcome.verdict == .fail, "\(result.outcome.summary)")
    let evidence = try #require(result.outcome.evidence.first)
    #expect(evidence.reusedConnection)
    #expect(evidence.error == "connection closed without a response")
    #expect(evidence.hint?.contains("kept the connection open") == true)
  }

  /// Closing after every answer, even without saying so, is no fault.
  @Test(arguments: ["", "Connection: close\r\n"])
  func receiverThatClosesAfterEachAnswerPasses(_ header: String) async throws {
    let server = try ScriptedServer { peer in
      guard peer.readRequest() != nil else { return }
      peer.answerOK(headers: header)
    }
    defer { server.stop() }
    let result = try await CheckHarness.run("delivery.keep-alive", at: server.url)
    #expect(result.outcome.verdict == .pass, "\(result.outcome.summary)")
    #expect(result.outcome.summary.contains("closes the connection after each answer"))
  }

  /// Keeps every connection and serves many requests on one: passes, and reuse is seen.
  @Test func keepAliveReceiverPasses() async throws {
    let server = try ScriptedServer { peer in
      while peer.readRequest() != nil { peer.answerOK() }
    }
    defer { server.stop() }
    let result = try await CheckHarness.run("delivery.keep-alive", at: server.url)
    #expect(result.outcome.verdict == .pass, "\(result.outcome.summary)")
    #expect(result.outcome.summary.contains("went on a reused connection"))
  }

  /// Serves its first two connections, then answers 503 on every new one (a leak that runs
  /// out of connections, a per-client limit).
  @Test func receiverServingTwoConnectionsFailsFreshConnections() async throws {
    let server = try ScriptedServer { peer in
      guard peer.readRequest() != nil else { return }
      if peer.index < 2 {
        peer.answerOK(headers: "Connection: close\r\n")
      } else {
        let body = #"{"error":"connection limit reached"}"#
        peer.send("HTTP/1.1 503 Service Unavailable\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)")
      }
    }
    defer { server.stop() }
    let result = try await CheckHarness.run("delivery.fresh-connections", at: server.url)
    #expect(result.outcome.verdict == .fail, "\(result.outcome.summary)")
    #expect(result.outcome.evidence.first?.answerPrefix.contains("connection limit reached") == true)

    let fine = try ScriptedServer { peer in
      guard peer.readRequest() != nil else { return }
      peer.answerOK(headers: "Connection: close\r\n")
    }
    defer { fine.stop() }
    #expect(try await CheckHarness.run("delivery.fresh-connections", at: fine.url).outcome.verdict == .pass)
  }

  /// Garbage instead of HTTP is a fail that says so.
  @Test func garbageAnswerFails() async throws {
    let server = try ScriptedServer { peer in
      guard peer.readRequest() != nil else { return }
      peer.send("this is not HTTP\r\n\r\n")
    }
    defer { server.stop() }
    let result = try await CheckHarness.run("delivery.timeout", at: server.url)
    #expect(result.outcome.verdict == .fail)
    #expect(result.outcome.evidence.first?.error?.contains("malformed response") == true)
  }
}

@Suite struct ProbeDeadlineTests {
  /// An answer whose body never ends, sent as fast as the socket takes it: the deadline still
  /// ends the request (a receiver cannot hold `check` past its timeouts).
  @Test func endlessBodyTimesOut() async throws {
    let server = try ScriptedServer { peer in
      guard peer.readRequest() != nil else { return }
      guard peer.send("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n") else { return }
      let chunk = [UInt8](repeating: 0x20, count: 64 * 1024)
      while peer.send(chunk) {}
    }
    defer { server.stop() }
    let result = try await CheckHarness.run(
      "delivery.timeout", at: server.url, settings: CheckHarness.settings(timeout: .milliseconds(500)))
    #expect(result.outcome.verdict == .fail)
    // The status came: said as such (it said "no answer" before), with the first bytes.
    let error = try #require(result.outcome.evidence.first?.error)
    #expect(error.hasPrefix("status 200 arrived, the body never finished within the 500ms timeout; first bytes: HTTP/1.1 200"))
    #expect(result.outcome.summary.hasPrefix("no complete answer (status 200, body unfinished) within the 500ms timeout"))
  }

  /// An answer that arrives but never completes is said as what arrived, with its first
  /// bytes, not as "no answer": a head in bare-LF lines, or a 200 whose body never ends.
  @Test(arguments: [
    ("HTTP/1.1 200 OK\nContent-Type: application/json\nContent-Length: 2\n\n{}", "its lines end in a bare LF"),
    ("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n{\"ok\":", "status 200 arrived, the body never finished"),
  ])
  func unfinishedAnswerSaysWhatArrived(_ answer: String, _ words: String) async throws {
    let server = try ScriptedServer { peer in
      guard peer.readRequest() != nil, peer.send(answer) else { return }
      _ = peer.waitForClose()
    }
    defer { server.stop() }
    let result = try await CheckHarness.run(
      "shape.page-example", at: server.url, settings: CheckHarness.settings(timeout: .milliseconds(500)))
    #expect(result.outcome.verdict == .fail)
    let evidence = try #require(result.outcome.evidence.first)
    let error = try #require(evidence.error)
    #expect(error.contains(words), "\(error)")
    #expect(error.contains("first bytes: HTTP/1.1 200 OK"), "\(error)")
    #expect(!error.hasPrefix("no answer"))
    #expect(evidence.next?.contains("gives up") == true, "AIRudder gives up on it as on a timeout")
  }
}
