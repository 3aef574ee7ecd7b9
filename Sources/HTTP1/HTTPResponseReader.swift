/// Reads one HTTP/1.1 response from a connection's bytes as they arrive. Only the head is kept
/// (up to `headLimit`, and the body's first `bodyPrefixLimit` bytes when asked); body bytes are skipped as they come, whatever their framing
/// (Content-Length, chunked, or until the server closes), so a huge answer costs no memory.
struct HTTPResponseReader {
  enum Step: Equatable {
    /// Not a whole response yet; read more.
    case needMore
    /// A whole response. `reusable`: the connection may carry the next request (keep-alive,
    /// and nothing came after the response).
    case complete(status: Int, reusable: Bool)
    /// Not HTTP, or broken framing; the connection cannot be trusted after it.
    case malformed(String)
    /// The server closed the connection before the response was whole; `midResponse` when
    /// some of it had arrived.
    case closed(midResponse: Bool)
  }

  /// The most bytes a response head (status line and headers) may have.
  static let headLimit = 64 * 1024
  /// The most bytes a chunk-size line may have.
  static let chunkLineLimit = 1024

  private enum Phase: Equatable {
    case head
    case fixed(remaining: Int)
    case chunkSize
    case chunkData(remaining: Int)
    /// The CR LF after a chunk's data; `seen` of its two bytes arrived.
    case chunkDataEnd(seen: Int)
    case trailers
    case untilClose
    case done
  }

  private var phase = Phase.head
  /// The head, a chunk-size line or the trailers, as far as they arrived.
  private var pending: [UInt8] = []
  private var status = 0
  private var keepAlive = true
  private var receivedAny = false
  /// The final response's `Keep-Alive: timeout=N` in seconds: how long the server keeps the
  /// connection idle before closing it (nil when it did not say).
  private(set) var keepAliveTimeout: Int?
  /// The first body bytes kept, up to `bodyPrefixLimit` (0 for the transport, which keeps
  /// none; `check` shows them as evidence).
  private(set) var bodyPrefix: [UInt8] = []

  /// The status, once the head has been read whole (nil before): for a caller that saw the
  /// deadline pass mid-body.
  var statusRead: Int? { phase == .head ? nil : status }
  private let bodyPrefixLimit: Int

  init(bodyPrefixLimit: Int = 0) {
    self.bodyPrefixLimit = bodyPrefixLimit
  }

  /// Ready for the next response on the connection; the buffers keep their storage, so a
  /// response costs no allocation.
  mutating func reset() {
    phase = .head
    pending.removeAll(keepingCapacity: true)
    status = 0
    keepAlive = true
    receivedAny = false
    keepAliveTimeout = nil
    bodyPrefix.removeAll(keepingCapacity: true)
  }

  /// Keeps body bytes while fewer than `bodyPrefixLimit` are kept.
  @inline(__always) private mutating func keep(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) {
    guard bodyPrefix.count < bodyPrefixLimit, !range.isEmpty else { return }
    let take = min(range.count, bodyPrefixLimit - bodyPrefix.count)
    bodyPrefix.append(contentsOf: bytes[range.lowerBound..<(range.lowerBound + take)])
  }

  /// Takes the next bytes from the connection.
  mutating func consume(_ bytes: UnsafeRawBufferPointer) -> Step {
    guard !bytes.isEmpty else { return .needMore }
    receivedAny = true
    var index = 0
    while index < bytes.count {
      switch phase {
      case .head:
        let searchFrom = max(0, pending.count - 3)
        pending.append(contentsOf: bytes[index...])
        index = bytes.count
        guard let end = Self.headEnd(in: pending, from: searchFrom) else {
          return pending.count > Self.headLimit ? .malformed("response head over \(Self.headLimit) bytes") : .needMore
        }
        guard end - 4 <= Self.headLimit else { return .malformed("response head over \(Self.headLimit) bytes") }
        // What follows the head came in these bytes (the blank line's last byte did), so it is
        // read from them, not copied out of `pending`.
        let rest = UnsafeRawBufferPointer(rebasing: bytes[(bytes.count - (pending.count - end))...])
        if let problem = startBody(head: pending[..<(end - 4)]) { return .malformed(problem) }
        pending.removeAll(keepingCapacity: true)
        if phase == .head {
          // An interim 1xx answer: the real one follows.
          if rest.isEmpty { return .needMore }
          return consume(rest)
        }
        if phase == .done { return finish(extraBytes: !rest.isEmpty) }
        if !rest.isEmpty { return consume(rest) }
        return .needMore
      case .fixed(let remaining):
        let take = min(remaining, bytes.count - index)
        keep(bytes, index..<(index + take))
        index += take
        phase = remaining == take ? .done : .fixed(remaining: remaining - take)
      case .chunkSize:
        guard let newline = bytes[index...].firstIndex(of: 10) else {
          pending.append(contentsOf: bytes[index...])
          index = bytes.count
          if pending.count > Self.chunkLineLimit { return .malformed("chunk-size line over \(Self.chunkLineLimit) bytes") }
          continue
        }
        pending.append(contentsOf: bytes[index...newline])
        index = newline + 1
        guard pending.count <= Self.chunkLineLimit, let size = Self.chunkSize(pending) else {
          return .malformed("malformed chunk size")
        }
        pending.removeAll(keepingCapacity: true)
        phase = size == 0 ? .trailers : .chunkData(remaining: size)
      case .chunkData(let remaining):
        let take = min(remaining, bytes.count - index)
        keep(bytes, index..<(index + take))
        index += take
        phase = remaining == take ? .chunkDataEnd(seen: 0) : .chunkData(remaining: remaining - take)
      case .chunkDataEnd(let seen):
        guard bytes[index] == (seen == 0 ? 13 : 10) else { return .malformed("chunk data not followed by CRLF") }
        index += 1
        phase = seen == 0 ? .chunkDataEnd(seen: 1) : .chunkSize
      case .trailers:
        pending.append(bytes[index])
        index += 1
        if pending.count > Self.headLimit { return .malformed("trailers over \(Self.headLimit) bytes") }
        if pending == [13, 10] || pending.suffix(4) == [13, 10, 13, 10] { phase = .done }
      case .untilClose:
        keep(bytes, index..<bytes.count)
        index = bytes.count
      case .done:
        return finish(extraBytes: true)
      }
    }
    return phase == .done ? finish(extraBytes: false) : .needMore
  }

  /// The server closed the connection (end of stream).
  mutating func endOfStream() -> Step {
    switch phase {
    case .untilClose:
      phase = .done
      return .complete(status: status, reusable: false)
    case .done:
      return .complete(status: status, reusable: false)
    default:
      return .closed(midResponse: receivedAny)
    }
  }

  private mutating func finish(extraBytes: Bool) -> Step {
    // Bytes after the response were not asked for: the connection's state is unknown.
    .complete(status: status, reusable: keepAlive && !extraBytes)
  }

  /// Parses the status line and headers and picks the body's framing; a problem's text if
  /// they are not HTTP/1.x. Works on bytes: this runs for every response of a load test.
  private mutating func startBody(head: ArraySlice<UInt8>) -> String? {
    // Lines are walked in place (no array of them: this runs for every response).
    var rest = head
    func nextLine() -> ArraySlice<UInt8>? {
      guard !rest.isEmpty else { return nil }
      let end = rest.firstIndex(of: 10) ?? rest.endIndex
      let line = rest[..<end]
      rest = end == rest.endIndex ? rest[end...] : rest[(end + 1)...]
      return line.last == 13 ? line.dropLast() : line
    }
    guard let statusLine = nextLine(), statusLine.count >= 12,
      statusLine.starts(with: Self.httpPrefix),
      let minor = statusLine.dropFirst(7).first, minor == UInt8(ascii: "0") || minor == UInt8(ascii: "1"),
      statusLine.dropFirst(8).first == 32,
      let code = Self.decimal(statusLine.dropFirst(9).prefix(3)), code >= 100,
      statusLine.count == 12 || statusLine.dropFirst(12).first == 32
    else { return "not an HTTP/1.x status line" }
    var contentLength: Int?
    var chunked = false
    var otherCoding = false
    // RFC 9112 9.3: `close` anywhere ends the connection; HTTP/1.0 keeps it only when asked.
    var sawClose = false
    var sawKeepAlive = false
    var timeout: Int?
    while let line = nextLine() {
      guard let colon = line.firstIndex(of: 58) else { return "malformed header line" }
      let name = line[..<colon]
      let value = Self.trimmed(line[(colon + 1)...])
      if Self.equalsLowercase(name, Self.contentLength) {
        guard let length = Self.decimal(value) else { return "invalid Content-Length \(String(decoding: value, as: UTF8.self))" }
        if let earlier = contentLength, earlier != length { return "conflicting Content-Length headers" }
        contentLength = length
      } else if Self.equalsLowercase(name, Self.transferEncoding) {
        var last: ArraySlice<UInt8>?
        Self.forEachToken(value) { last = $0 }
        chunked = last.map { Self.equalsLowercase($0, Self.chunked) } ?? false
        otherCoding = !chunked
      } else if Self.equalsLowercase(name, Self.connection) {
        Self.forEachToken(value) { token in
          if Self.equalsLowercase(token, Self.close) { sawClose = true }
          if Self.equalsLowercase(token, Self.keepAliveToken) { sawKeepAlive = true }
        }
      } else if Self.equalsLowercase(name, Self.keepAliveToken) {
        timeout = Self.keepAliveTimeout(value) ?? timeout
      }
    }
    let connectionClose = sawClose || (minor == UInt8(ascii: "0") && !sawKeepAlive)
    if (100...199).contains(code) {
      guard code != 101 else { return "unexpected 101 Switching Protocols" }
      phase = .head
      return nil
    }
    status = code
    keepAlive = !connectionClose
    keepAliveTimeout = timeout
    if code == 204 || code == 304 {
      phase = .done
    } else if chunked {
      phase = .chunkSize
    } else if otherCoding {
      // RFC 9112 6.3: a coding other than chunked last is read until the server closes.
      phase = .untilClose
      keepAlive = false
    } else if let contentLength {
      phase = contentLength == 0 ? .done : .fixed(remaining: contentLength)
    } else {
      phase = .untilClose
      keepAlive = false
    }
    return nil
  }

  private static let httpPrefix = Array("HTTP/1.".utf8)
  private static let contentLength = Array("content-length".utf8)
  private static let transferEncoding = Array("transfer-encoding".utf8)
  private static let connection = Array("connection".utf8)
  private static let chunked = Array("chunked".utf8)
  private static let close = Array("close".utf8)
  private static let keepAliveToken = Array("keep-alive".utf8)

  private static let timeoutParameter = Array("timeout".utf8)

  /// `timeout=N` from a `Keep-Alive` value such as `timeout=5, max=100` (a quoted N too).
  private static func keepAliveTimeout(_ value: ArraySlice<UInt8>) -> Int? {
    // The first `timeout` parameter decides, even when its value is not a number.
    var found = false
    var timeout: Int?
    forEachToken(value) { parameter in
      guard !found, let equals = parameter.firstIndex(of: 61), equalsLowercase(trimmed(parameter[..<equals]), timeoutParameter)
      else { return }
      found = true
      var number = trimmed(parameter[(equals + 1)...])
      if number.count >= 2, number.first == 34, number.last == 34 { number = number.dropFirst().dropLast() }
      timeout = decimal(number)
    }
    return timeout
  }

  /// ASCII case-insensitive comparison with a lowercase name.
  private static func equalsLowercase(_ bytes: ArraySlice<UInt8>, _ lowercase: [UInt8]) -> Bool {
    guard bytes.count == lowercase.count else { return false }
    return zip(bytes, lowercase).allSatisfy { (($0 >= 65 && $0 <= 90) ? $0 | 0x20 : $0) == $1 }
  }

  private static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
    var slice = bytes
    while let first = slice.first, first == 32 || first == 9 { slice.removeFirst() }
    while let last = slice.last, last == 32 || last == 9 { slice.removeLast() }
    return slice
  }

  /// Each element of a comma-separated header value, trimmed, as `split` gives them (empty
  /// ones between two commas left out), without an array: this runs for every response.
  private static func forEachToken(_ value: ArraySlice<UInt8>, _ body: (ArraySlice<UInt8>) -> Void) {
    var start = value.startIndex
    while start < value.endIndex {
      let end = value[start...].firstIndex(of: 44) ?? value.endIndex
      if start < end { body(trimmed(value[start..<end])) }
      start = end + 1
    }
  }

  /// A non-negative decimal of at most 18 digits, nil otherwise.
  private static func decimal(_ bytes: ArraySlice<UInt8>) -> Int? {
    guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
    var value = 0
    for byte in bytes {
      guard byte >= 48 && byte <= 57 else { return nil }
      value = value * 10 + Int(byte - 48)
    }
    return value
  }

  /// The index just past the CR LF CR LF that ends a head, searching from `start`.
  private static func headEnd(in bytes: [UInt8], from start: Int) -> Int? {
    var index = start
    while index + 3 < bytes.count {
      if bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 { return index + 4 }
      index += 1
    }
    return nil
  }

  /// The size from a chunk-size line (`1a;ext=1\r\n`), nil if it is not hex.
  private static func chunkSize(_ line: [UInt8]) -> Int? {
    var text = line
    if text.last == 10 { text.removeLast() }
    if text.last == 13 { text.removeLast() }
    let digits = text.prefix { $0 != UInt8(ascii: ";") }
    let hex = String(decoding: digits, as: UTF8.self).trimmingSpaces
    guard !hex.isEmpty, hex.count <= 15 else { return nil }
    return Int(hex, radix: 16)
  }
}
