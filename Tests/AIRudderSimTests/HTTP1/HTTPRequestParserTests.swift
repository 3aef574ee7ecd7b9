import Testing

@testable import AIRudderSimCLI
@testable import Contract
@testable import Delivery
@testable import HTTP1
@testable import Receiver
@testable import Reporting
@testable import Scenario
@testable import Support

@Suite struct HTTPRequestParserTests {
  private func parse(_ text: String, limits: HTTPLimits = HTTPLimits()) -> [HTTPRequestParser.Step] {
    var parser = HTTPRequestParser(limits: limits)
    parser.append(Array(text.utf8))
    var steps: [HTTPRequestParser.Step] = []
    while true {
      let step = parser.next()
      steps.append(step)
      if case .request = step { continue }
      return steps
    }
  }

  private func requests(_ steps: [HTTPRequestParser.Step]) -> [HTTPRequest] {
    steps.compactMap { if case .request(let box) = $0 { box.request } else { nil } }
  }

  @Test func contentLengthBodyAndPipelining() {
    let steps = parse("POST /a HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}POST /b HTTP/1.1\r\ncontent-length: 3\r\n\r\nabc")
    let parsed = requests(steps)
    #expect(parsed.map(\.target) == ["/a", "/b"])
    #expect(parsed.map { String(decoding: $0.body, as: UTF8.self) } == ["{}", "abc"])
    #expect(steps.last == .needMore)
  }

  @Test func chunkedBodyWithExtensionsAndTrailers() {
    let steps = parse("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3;x=y\r\nabc\r\n2\r\nde\r\n0\r\nTrailer: t\r\n\r\n")
    #expect(requests(steps).map { String(decoding: $0.body, as: UTF8.self) } == ["abcde"])
  }

  @Test func expectContinueIsAskedOnceBeforeTheBody() {
    var parser = HTTPRequestParser()
    parser.append(Array("POST / HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n".utf8))
    #expect(parser.next() == .sendContinue)
    #expect(parser.next() == .needMore)
    parser.append(Array("body".utf8))
    guard case .request(let box) = parser.next() else {
      Issue.record("expected a request")
      return
    }
    #expect(box.request.body == Array("body".utf8))
  }

  @Test func keepAliveRules() {
    let parsed = requests(parse("GET / HTTP/1.1\r\n\r\nGET / HTTP/1.1\r\nConnection: close\r\n\r\nGET / HTTP/1.0\r\n\r\n"))
    #expect(parsed.map(\.keepAlive) == [true, false, false])
  }

  @Test func incompleteInputAsksForMore() {
    #expect(parse("POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc") == [.needMore])
    #expect(parse("POST / HTTP/1.1\r\nHost: x") == [.needMore])
  }

  @Test(arguments: [
    ("\u{01}\u{02}garbage\r\n\r\n", 400),
    ("GET /\r\n\r\n", 400),
    ("get / HTTP/1.1\r\n\r\n", 400),
    ("POST / HTTP/2.0\r\n\r\n", 400),
    ("POST / HTTP/1.1\r\nNoColon\r\n\r\n", 400),
    ("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n", 400),
    ("POST / HTTP/1.1\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n", 400),
    ("POST / HTTP/1.1\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n", 400),
    ("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n", 400),
    ("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 400),
    ("POST / HTTP/1.1\r\nContent-Length: 999999999\r\n\r\n", 413),
  ])
  func rejectsMalformedRequests(text: String, status: Int) {
    guard case .reject(let rejected, _) = parse(text).last else {
      Issue.record("expected a rejection")
      return
    }
    #expect(rejected == status)
  }

  @Test func limitsOnRequestLineHeadersAndBody() {
    var limits = HTTPLimits()
    limits.requestLine = 64
    limits.headerCount = 3
    limits.headerBytes = 200
    limits.bodyBytes = 10
    func status(_ text: String) -> Int? {
      if case .reject(let status, _) = parse(text, limits: limits).last { return status }
      return nil
    }
    #expect(status("GET /" + String(repeating: "a", count: 100) + " HTTP/1.1\r\n\r\n") == 414)
    #expect(status("GET /" + String(repeating: "a", count: 100)) == 414, "even before the line ends")
    #expect(status("GET / HTTP/1.1\r\na: 1\r\nb: 2\r\nc: 3\r\nd: 4\r\n\r\n") == 431)
    #expect(status("GET / HTTP/1.1\r\nx: " + String(repeating: "v", count: 300) + "\r\n\r\n") == 431)
    #expect(status("POST / HTTP/1.1\r\nContent-Length: 11\r\n\r\n") == 413)
    #expect(status("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n8\r\n12345678\r\n8\r\n12345678\r\n0\r\n\r\n") == 413)
  }

  @Test(arguments: [
    ("", ""), ("   ", ""), (" a ", "a"), ("\ta b\t ", "a b"), ("x", "x"), (" é\u{00A0} ", "é\u{00A0}"),
    ("application/json", "application/json"),
  ])
  func trimmingSpacesDropsOnlySpacesAndTabsAtTheEnds(_ pair: (String, String)) {
    #expect(pair.0.trimmingSpaces == pair.1)
    #expect(pair.0[...].trimmingSpaces == pair.1)
  }
}
