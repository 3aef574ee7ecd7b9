import Testing

@testable import HTTP1

/// `check` keeps the first bytes of an answer's body as evidence, whatever its framing and
/// however the network cuts it; the transport keeps none.
@Suite struct HTTPResponseReaderBodyPrefixTests {
  static func prefix(_ text: String, limit: Int, split: Int, close: Bool = false) -> [UInt8] {
    var reader = HTTPResponseReader(bodyPrefixLimit: limit)
    let bytes = Array(text.utf8)
    var start = 0
    while start < bytes.count {
      let end = min(bytes.count, start + split)
      _ = bytes[start..<end].withUnsafeBytes { reader.consume($0) }
      start = end
    }
    if close { _ = reader.endOfStream() }
    return reader.bodyPrefix
  }

  @Test(arguments: [1, 3, 1000])
  func keepsTheFirstBytesOfEveryFraming(split: Int) {
    let fixed = "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 26\r\n\r\n{\"error\":\"ExtraA is null\"}"
    #expect(Self.prefix(fixed, limit: 512, split: split) == Array("{\"error\":\"ExtraA is null\"}".utf8))
    #expect(Self.prefix(fixed, limit: 9, split: split) == Array("{\"error\":".utf8))
    let chunked = "HTTP/1.1 400 Bad Request\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nbad \r\n5\r\nSign!\r\n0\r\n\r\n"
    #expect(Self.prefix(chunked, limit: 512, split: split) == Array("bad Sign!".utf8))
    let untilClose = "HTTP/1.0 200 OK\r\n\r\nqueued"
    #expect(Self.prefix(untilClose, limit: 512, split: split, close: true) == Array("queued".utf8))
    #expect(Self.prefix(fixed, limit: 0, split: split).isEmpty)
  }
}
