/// A small JSON writer that appends UTF-8 bytes to a buffer in the order it is told, compact
/// or indented by two spaces. It exists because generation must reach hundreds of thousands of
/// calls per second, keep the seed page's key order, and give identical bytes for one seed;
/// `JSONEncoder` does none of the three on Linux.
public struct JSONByteWriter {
  public var bytes: [UInt8]
  public let pretty: Bool
  private var depth = 0
  /// True right after `{` or `[`: the next member or element needs no comma.
  private var atContainerStart = true

  public init(pretty: Bool = false, capacity: Int = 4096) {
    self.pretty = pretty
    bytes = []
    bytes.reserveCapacity(capacity)
  }

  /// Empties the buffer but keeps its storage, so one writer serves a whole run.
  public mutating func reset() {
    bytes.removeAll(keepingCapacity: true)
    depth = 0
    atContainerStart = true
  }

  // MARK: Containers

  public mutating func beginObject() {
    bytes.append(UInt8(ascii: "{"))
    depth += 1
    atContainerStart = true
  }

  public mutating func endObject() {
    closeContainer(UInt8(ascii: "}"))
  }

  public mutating func beginArray() {
    bytes.append(UInt8(ascii: "["))
    depth += 1
    atContainerStart = true
  }

  public mutating func endArray() {
    closeContainer(UInt8(ascii: "]"))
  }

  private mutating func closeContainer(_ byte: UInt8) {
    depth -= 1
    if pretty && !atContainerStart { newlineAndIndent() }
    bytes.append(byte)
    atContainerStart = false
  }

  /// Starts the next array element (comma and indentation).
  public mutating func element() {
    separate()
  }

  /// Starts a member whose key is a literal of the contract (no escaping needed).
  public mutating func key(_ key: StaticString) {
    separate()
    bytes.append(UInt8(ascii: "\""))
    key.withUTF8Buffer { bytes.append(contentsOf: $0) }
    bytes.append(UInt8(ascii: "\""))
    bytes.append(UInt8(ascii: ":"))
    if pretty { bytes.append(UInt8(ascii: " ")) }
  }

  /// Starts a member whose key comes from data (escaped).
  public mutating func key(_ key: String) {
    separate()
    string(key)
    bytes.append(UInt8(ascii: ":"))
    if pretty { bytes.append(UInt8(ascii: " ")) }
  }

  private mutating func separate() {
    if !atContainerStart { bytes.append(UInt8(ascii: ",")) }
    atContainerStart = false
    if pretty { newlineAndIndent() }
  }

  private mutating func newlineAndIndent() {
    bytes.append(UInt8(ascii: "\n"))
    for _ in 0..<(depth * 2) { bytes.append(UInt8(ascii: " ")) }
  }

  // MARK: Values

  public mutating func null() {
    bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
  }

  public mutating func int(_ value: Int) {
    if value == 0 {
      bytes.append(UInt8(ascii: "0"))
      return
    }
    var magnitude = value.magnitude
    if value < 0 { bytes.append(UInt8(ascii: "-")) }
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 20 digits, no heap
    var count = 0
    withUnsafeMutableBytes(of: &digits) { raw in
      while magnitude > 0 {
        raw[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
        magnitude /= 10
        count += 1
      }
      for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(raw[index]) }
    }
  }

  /// A JSON string; control characters, quotes and backslashes are escaped, other UTF-8
  /// passes through unchanged.
  public mutating func string(_ value: String) {
    bytes.append(UInt8(ascii: "\""))
    var value = value
    value.withUTF8 { utf8 in
      var runStart = 0
      for index in 0..<utf8.count {
        let byte = utf8[index]
        guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
        if runStart < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
        appendEscape(byte)
        runStart = index + 1
      }
      if runStart < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...])) }
    }
    bytes.append(UInt8(ascii: "\""))
  }

  private mutating func appendEscape(_ byte: UInt8) {
    bytes.append(UInt8(ascii: "\\"))
    switch byte {
    case 0x22: bytes.append(0x22)
    case 0x5C: bytes.append(0x5C)
    case 0x0A: bytes.append(UInt8(ascii: "n"))
    case 0x0D: bytes.append(UInt8(ascii: "r"))
    case 0x09: bytes.append(UInt8(ascii: "t"))
    case 0x08: bytes.append(UInt8(ascii: "b"))
    case 0x0C: bytes.append(UInt8(ascii: "f"))
    default:
      let hex: StaticString = "0123456789abcdef"
      bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
      hex.withUTF8Buffer { digits in
        bytes.append(digits[Int(byte >> 4)])
        bytes.append(digits[Int(byte & 0x0F)])
      }
    }
  }
}
