/// Reads HTTP/1.1 requests from the bytes of a connection, one after another (keep-alive),
/// with `Content-Length` or chunked bodies, and tells when a client waits for
/// `100 Continue`. Every limit is checked before the bytes are buffered further.
package struct HTTPRequestParser {
  package enum Step: Equatable {
    /// Not a whole request yet; read more.
    case needMore
    /// The headers ask for `Expect: 100-continue` and are acceptable: send `100 Continue`,
    /// then read more.
    case sendContinue
    /// A whole request; the connection's bytes after it stay buffered for the next one.
    case request(HTTPRequestBox)
    /// A request to refuse with this status; the connection cannot be trusted after it.
    case reject(status: Int, reason: String)
  }

  /// A reference so that `Step` stays cheap to compare in tests.
  package final class HTTPRequestBox: Equatable, Sendable {
    package let request: HTTPRequest
    init(_ request: HTTPRequest) { self.request = request }
    package static func == (a: HTTPRequestBox, b: HTTPRequestBox) -> Bool { a === b }
  }

  private let limits: HTTPLimits
  private var buffer: [UInt8] = []
  private var head: (request: HTTPRequest, bodyStart: Int)?
  private var continueSent = false

  package init(limits: HTTPLimits = HTTPLimits()) {
    self.limits = limits
  }

  /// Bytes received but not yet part of a returned request.
  package var bufferedCount: Int { buffer.count }

  /// The head of the next request is whole and its body is being read.
  package var isReadingBody: Bool { head != nil }

  package mutating func append(_ bytes: UnsafeRawBufferPointer) {
    buffer.append(contentsOf: bytes)
  }

  package mutating func append(_ bytes: [UInt8]) {
    buffer.append(contentsOf: bytes)
  }

  /// Parses as far as the buffered bytes allow.
  package mutating func next() -> Step {
    if head == nil {
      switch parseHead() {
      case .incomplete: return .needMore
      case .failed(let status, let reason): return .reject(status: status, reason: reason)
      case .parsed(let request, let bodyStart):
        head = (request, bodyStart)
        continueSent = false
      }
    }
    guard let (request, bodyStart) = head else { return .needMore }
    let body: BodyResult
    if let encoding = request.header("transfer-encoding") {
      guard encoding.lowercased() == "chunked" else {
        return .reject(status: 400, reason: "unsupported Transfer-Encoding \(encoding)")
      }
      body = parseChunked(from: bodyStart)
    } else if let lengthText = request.header("content-length") {
      guard let length = Int(lengthText.trimmingSpaces), length >= 0 else {
        return .reject(status: 400, reason: "invalid Content-Length \(lengthText)")
      }
      guard length <= limits.bodyBytes else {
        return .reject(status: 413, reason: "body of \(length) bytes is over \(limits.bodyBytes)")
      }
      body =
        buffer.count - bodyStart >= length
        ? .complete(Array(buffer[bodyStart..<(bodyStart + length)]), bodyStart + length) : .incomplete
    } else {
      body = .complete([], bodyStart)
    }
    switch body {
    case .incomplete:
      if !continueSent, request.header("expect")?.lowercased() == "100-continue" {
        continueSent = true
        return .sendContinue
      }
      return .needMore
    case .failed(let status, let reason):
      return .reject(status: status, reason: reason)
    case .complete(let bytes, let end):
      var complete = request
      complete.body = bytes
      buffer.removeFirst(end)
      head = nil
      return .request(HTTPRequestBox(complete))
    }
  }

  private enum HeadResult {
    case incomplete
    case failed(Int, String)
    case parsed(HTTPRequest, Int)
  }

  private enum BodyResult {
    case incomplete
    case failed(Int, String)
    case complete([UInt8], Int)
  }

  private func parseHead() -> HeadResult {
    // Tolerate blank lines between requests (RFC 9112 section 2.2).
    var start = 0
    while start + 1 < buffer.count, buffer[start] == 13, buffer[start + 1] == 10 { start += 2 }
    guard let lineEnd = findCRLF(from: start) else {
      if buffer.count - start > limits.requestLine { return .failed(414, "request line over \(limits.requestLine) bytes") }
      return .incomplete
    }
    guard lineEnd - start <= limits.requestLine else { return .failed(414, "request line over \(limits.requestLine) bytes") }
    guard let line = String(validating: buffer[start..<lineEnd], as: UTF8.self) else {
      return .failed(400, "request line is not UTF-8")
    }
    let parts = line.split(separator: " ", omittingEmptySubsequences: false)
    guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy({ $0.isLetter && $0.isUppercase }), !parts[1].isEmpty,
      parts[2] == "HTTP/1.1" || parts[2] == "HTTP/1.0"
    else { return .failed(400, "malformed request line") }

    var headers: [(name: String, value: String)] = []
    var position = lineEnd + 2
    while true {
      guard let end = findCRLF(from: position) else {
        if buffer.count - lineEnd > limits.headerBytes { return .failed(431, "headers over \(limits.headerBytes) bytes") }
        return .incomplete
      }
      if end - lineEnd > limits.headerBytes { return .failed(431, "headers over \(limits.headerBytes) bytes") }
      if end == position { break }  // the empty line ends the head
      guard headers.count < limits.headerCount else { return .failed(431, "more than \(limits.headerCount) headers") }
      guard let text = String(validating: buffer[position..<end], as: UTF8.self), let colon = text.firstIndex(of: ":") else {
        return .failed(400, "malformed header line")
      }
      let name = text[..<colon]
      guard !name.isEmpty, !name.contains(" "), !name.contains("\t") else { return .failed(400, "malformed header name") }
      headers.append((name.lowercased(), String(text[text.index(after: colon)...]).trimmingSpaces))
      position = end + 2
    }
    let contentLengths = headers.filter { $0.name == "content-length" }
    if contentLengths.count > 1 && Set(contentLengths.map(\.value)).count > 1 {
      return .failed(400, "conflicting Content-Length headers")
    }
    if contentLengths.count > 0 && headers.contains(where: { $0.name == "transfer-encoding" }) {
      return .failed(400, "both Content-Length and Transfer-Encoding")
    }
    let request = HTTPRequest(
      method: String(parts[0]), target: String(parts[1]), version: String(parts[2]), headers: headers, body: [])
    return .parsed(request, position + 2)
  }

  private func parseChunked(from start: Int) -> BodyResult {
    var body: [UInt8] = []
    var position = start
    while true {
      guard let sizeEnd = findCRLF(from: position) else {
        return buffer.count - position > 1024 ? .failed(400, "malformed chunk size") : .incomplete
      }
      guard let sizeLine = String(validating: buffer[position..<sizeEnd], as: UTF8.self),
        let size = Int(sizeLine.split(separator: ";", maxSplits: 1).first.map(String.init)?.trimmingSpaces ?? "", radix: 16),
        size >= 0
      else { return .failed(400, "malformed chunk size") }
      guard body.count + size <= limits.bodyBytes else { return .failed(413, "body over \(limits.bodyBytes) bytes") }
      let dataStart = sizeEnd + 2
      if size == 0 {
        // Trailer lines, then an empty line.
        var trailer = dataStart
        while true {
          guard let end = findCRLF(from: trailer) else {
            return buffer.count - dataStart > limits.headerBytes ? .failed(431, "trailers too large") : .incomplete
          }
          if end == trailer { return .complete(body, end + 2) }
          trailer = end + 2
        }
      }
      guard buffer.count >= dataStart + size + 2 else { return .incomplete }
      guard buffer[dataStart + size] == 13, buffer[dataStart + size + 1] == 10 else {
        return .failed(400, "chunk not followed by CRLF")
      }
      body.append(contentsOf: buffer[dataStart..<(dataStart + size)])
      position = dataStart + size + 2
    }
  }

  private func findCRLF(from start: Int) -> Int? {
    var index = start
    while index + 1 < buffer.count {
      if buffer[index] == 13 && buffer[index + 1] == 10 { return index }
      index += 1
    }
    return nil
  }
}

extension StringProtocol {
  /// Without leading and trailing spaces and tabs. Works on the UTF-8 view: the version built
  /// on `reversed()` instantiated generic metadata on every call and was the hottest code
  /// of header parsing.
  var trimmingSpaces: String {
    let text = Substring(self)
    let isBlank: (UInt8) -> Bool = { $0 == 32 || $0 == 9 }
    guard let first = text.utf8.firstIndex(where: { !isBlank($0) }), let last = text.utf8.lastIndex(where: { !isBlank($0) })
    else { return "" }
    return String(text[first...last])
  }
}
