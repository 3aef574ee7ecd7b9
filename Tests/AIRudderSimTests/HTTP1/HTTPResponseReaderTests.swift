import Testing

@testable import AIRudderSimCLI
@testable import Delivery
@testable import Generation
@testable import HTTP1
@testable import Receiver
@testable import Reporting
@testable import Scenario
@testable import Support

@Suite struct HTTPResponseReaderTests {
  typealias Step = HTTPResponseReader.Step

  /// Feeds `text` in pieces of `split` bytes (the network may cut anywhere); the last step,
  /// and the end-of-stream step when `close` is set.
  static func read(_ text: String, split: Int = .max, close: Bool = false) -> Step {
    var reader = HTTPResponseReader()
    let bytes = Array(text.utf8)
    var step = Step.needMore
    var start = 0
    while start < bytes.count {
      let end = min(bytes.count, start + max(1, min(split, bytes.count)))
      step = bytes[start..<end].withUnsafeBytes { reader.consume($0) }
      if step != .needMore { return step }
      start = end
    }
    return close ? reader.endOfStream() : step
  }

  static let responses: [(String, Step)] = [
    ("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}", .complete(status: 200, reusable: true)),
    ("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n", .complete(status: 503, reusable: true)),
    ("HTTP/1.1 204 No Content\r\n\r\n", .complete(status: 204, reusable: true)),
    ("HTTP/1.1 200\r\nContent-Length: 2\r\n\r\n{}", .complete(status: 200, reusable: true)),
    ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n", .complete(status: 200, reusable: true)),
    (
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1a;name=x\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\nX-Trailer: 1\r\n\r\n",
      .complete(status: 200, reusable: true)
    ),
    ("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n", .complete(status: 201, reusable: true)),
    ("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}", .complete(status: 200, reusable: false)),
    ("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\n{}", .complete(status: 200, reusable: false)),
    ("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 2\r\n\r\n{}", .complete(status: 200, reusable: true)),
    // Comma-separated values: `close` anywhere closes; the last coding decides chunked.
    ("HTTP/1.1 200 OK\r\nConnection: keep-alive, close\r\nContent-Length: 0\r\n\r\n", .complete(status: 200, reusable: false)),
    ("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n", .complete(status: 200, reusable: true)),
    ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked,\r\n\r\n0\r\n\r\n", .complete(status: 200, reusable: true)),
    ("hello", .needMore),
    ("SSH-2.0-OpenSSH_9.2\r\n\r\n", .malformed("not an HTTP/1.x status line")),
    ("HTTP/1.1 2x0 OK\r\n\r\n", .malformed("not an HTTP/1.x status line")),
    ("HTTP/2 200\r\n\r\n", .malformed("not an HTTP/1.x status line")),
    ("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}", .malformed("conflicting Content-Length headers")),
    ("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", .malformed("invalid Content-Length -1")),
    ("HTTP/1.1 200 OK\r\nno colon here\r\n\r\n", .malformed("malformed header line")),
    ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", .malformed("malformed chunk size")),
    ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}XX", .malformed("chunk data not followed by CRLF")),
    ("HTTP/1.1 101 Switching Protocols\r\n\r\n", .malformed("unexpected 101 Switching Protocols")),
  ]

  /// Every response gives the same result whether it arrives whole or a byte at a time.
  @Test(arguments: responses, [Int.max, 7, 1])
  func readsWhateverTheSplit(_ response: (String, Step), split: Int) {
    #expect(Self.read(response.0, split: split) == response.1)
  }

  /// One reader, reset between responses as a kept-alive connection does, reads every
  /// response as a fresh reader does, whatever came before it (a timeout, a close, a chunked
  /// body, a malformed head, a response cut short): the same step, the same end-of-stream step
  /// for the ones the server closes, keep-alive timeout, status and kept body bytes.
  @Test(arguments: [Int.max, 7, 1])
  func aResetReaderReadsLikeANewOne(split: Int) {
    let timed = (
      "HTTP/1.1 200 OK\r\nKeep-Alive: timeout=5, max=100\r\nContent-Length: 2\r\n\r\n{}",
      Step.complete(status: 200, reusable: true)
    )
    let opened = ([timed] + Self.responses).map { ($0.0, $0.1, false) }
    let closed = Self.closes.map { ($0.0, $0.1, true) }
    var reused = HTTPResponseReader(bodyPrefixLimit: 16)
    for (text, expected, close) in opened + closed + opened.reversed() + closed.reversed() {
      reused.reset()
      var fresh = HTTPResponseReader(bodyPrefixLimit: 16)
      let bytes = Array(text.utf8)
      var steps: (Step, Step) = (.needMore, .needMore)
      var start = 0
      while start < bytes.count && steps.0 == .needMore {
        let end = min(bytes.count, start + split)
        steps = bytes[start..<end].withUnsafeBytes { (reused.consume($0), fresh.consume($0)) }
        start = end
      }
      if close && steps.0 == .needMore { steps = (reused.endOfStream(), fresh.endOfStream()) }
      #expect(steps.0 == expected, "\(text.debugDescription)")
      #expect(steps.1 == expected)
      #expect(reused.keepAliveTimeout == fresh.keepAliveTimeout)
      #expect(reused.statusRead == fresh.statusRead)
      #expect(reused.bodyPrefix == fresh.bodyPrefix)
    }
  }

  static let closes: [(String, Step)] = [
    ("", .closed(midResponse: false)),
    ("HTTP/1.1 200 OK\r\nContent-Le", .closed(midResponse: true)),
    ("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n{}", .closed(midResponse: true)),
    ("HTTP/1.1 200 OK\r\n\r\nbody until the server closes", .complete(status: 200, reusable: false)),
    ("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\nbytes", .complete(status: 200, reusable: false)),
    // An empty last element (between the last two commas, blank): not chunked, so until close.
    ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, ,\r\n\r\n0\r\n\r\n", .complete(status: 200, reusable: false)),
  ]

  /// The server closing the connection: the end of a body framed by the close, otherwise a
  /// response cut short.
  @Test(arguments: closes)
  func serverCloses(_ response: (String, Step)) {
    #expect(Self.read(response.0, close: true) == response.1)
  }

  /// A 10 MB body is skipped, not kept: the reader holds only the head.
  @Test func largeBodiesAreSkipped() {
    var reader = HTTPResponseReader()
    let head = Array("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 10000000\r\n\r\n".utf8)
    #expect(head.withUnsafeBytes { reader.consume($0) } == .needMore)
    let chunk = [UInt8](repeating: 120, count: 100_000)
    for _ in 0..<99 { #expect(chunk.withUnsafeBytes { reader.consume($0) } == .needMore) }
    #expect(chunk.withUnsafeBytes { reader.consume($0) } == .complete(status: 500, reusable: true))
  }

  /// Bytes after the response, unasked for, leave the connection in an unknown state. (When
  /// they come in a later read, the idle connection turns readable and the loop closes it.)
  @Test func bytesAfterTheResponseMakeTheConnectionUnusable() {
    #expect(Self.read("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}extra") == .complete(status: 200, reusable: false))
    #expect(Self.read("HTTP/1.1 204 No Content\r\n\r\nHTTP/1.1 200 OK\r\n") == .complete(status: 204, reusable: false))
  }

  @Test func headsOverTheLimitAreRefused() {
    let huge = "HTTP/1.1 200 OK\r\nX-Filler: " + String(repeating: "a", count: HTTPResponseReader.headLimit) + "\r\n\r\n"
    #expect(Self.read(huge, split: 4096) == .malformed("response head over \(HTTPResponseReader.headLimit) bytes"))
  }
}
