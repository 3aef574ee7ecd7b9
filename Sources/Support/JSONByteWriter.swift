import Foundation

/// A small JSON writer that appends UTF-8 bytes to a buffer in the order it is told, compact
/// or indented by two spaces. It exists because generation must reach hundreds of thousands of
/// calls per second, keep the seed page's key order, and give identical bytes for one seed;
/// `JSONEncoder` does none of the three on Linux. A non-copyable struct over raw memory:
/// appends to an `Array` pay a uniqueness check each and a class pays exclusivity checks, and
/// this writer appends a few hundred times per call.
package struct JSONByteWriter: ~Copyable {
  private var base: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  /// Bytes written so far.
  package private(set) var count = 0
  package let pretty: Bool
  private var depth = 0
  /// True right after `{` or `[`: the next member or element needs no comma.
  private var atContainerStart = true

  package init(pretty: Bool = false, capacity: Int = 4096) {
    self.pretty = pretty
    self.capacity = Swift.max(capacity, 64)
    base = .allocate(capacity: self.capacity)
  }

  deinit { base.deallocate() }

  /// Empties the buffer but keeps its storage, so one writer serves a whole run.
  package mutating func reset() {
    count = 0
    depth = 0
    atContainerStart = true
  }

  /// A copy of what was written.
  package var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

  /// What was written, without copying; valid only inside `body`.
  package func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
    try body(UnsafeRawBufferPointer(start: base, count: count))
  }

  /// Appends JSON that is already valid (a received body), as a value.
  package mutating func append(contentsOf json: [UInt8]) {
    json.withUnsafeBufferPointer { put($0) }
  }

  /// Appends raw bytes (a newline between NDJSON records, say).
  package mutating func append(_ byte: UInt8) {
    put(byte)
  }

  // Counts below are bounded by the buffer's allocated size, so the innermost paths use
  // wrapping arithmetic: an overflow check per byte is measurable at this rate.
  @inline(__always) private mutating func reserve(_ extra: Int) {
    if count &+ extra > capacity { grow(toHold: count &+ extra) }
  }

  /// The rare path, kept out of line so every inlined `reserve` stays two instructions.
  @inline(never) private mutating func grow(toHold needed: Int) {
    var grown = capacity * 2
    while grown < needed { grown *= 2 }
    let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
    larger.update(from: base, count: count)
    base.deallocate()
    base = larger
    capacity = grown
  }

  @inline(__always) private mutating func put(_ byte: UInt8) {
    reserve(1)
    base[count] = byte
    count &+= 1
  }

  @inline(__always) private mutating func put(_ buffer: UnsafeBufferPointer<UInt8>) {
    guard let source = buffer.baseAddress, buffer.count > 0 else { return }
    reserve(buffer.count)
    Self.copy(buffer.count, from: source, to: base + count)
    count &+= buffer.count
  }

  /// Copies `length` bytes. Most runs here are short (keys, times, ids, joints), and a
  /// byte loop or a call to memmove costs more than a few word moves. No load straddles the
  /// two words of a small string's stack copy: a load across two earlier stores cannot be
  /// forwarded from them and stalls (measured: a quarter of `stringBody`'s samples).
  @inline(__always) private static func copy(
    _ length: Int, from source: UnsafePointer<UInt8>, to target: UnsafeMutablePointer<UInt8>
  ) {
    guard length <= 16 else {
      target.update(from: source, count: length)
      return
    }
    var offset = 0
    if length >= 8 {
      UnsafeMutableRawPointer(target).storeBytes(of: UnsafeRawPointer(source).loadUnaligned(as: UInt64.self), as: UInt64.self)
      offset = 8
    }
    copyShort(length &- offset, from: source + offset, to: target + offset)
  }

  /// Copies up to eight bytes: one word, two overlapping halves, or first, middle and last.
  @inline(__always) private static func copyShort(
    _ length: Int, from source: UnsafePointer<UInt8>, to target: UnsafeMutablePointer<UInt8>
  ) {
    let from = UnsafeRawPointer(source)
    let to = UnsafeMutableRawPointer(target)
    if length == 8 {
      to.storeBytes(of: from.loadUnaligned(as: UInt64.self), as: UInt64.self)
    } else if length >= 4 {
      let head = from.loadUnaligned(as: UInt32.self)
      let tail = from.loadUnaligned(fromByteOffset: length &- 4, as: UInt32.self)
      to.storeBytes(of: head, as: UInt32.self)
      to.storeBytes(of: tail, toByteOffset: length &- 4, as: UInt32.self)
    } else if length > 0 {
      target[0] = source[0]
      target[length &>> 1] = source[length &>> 1]
      target[length &- 1] = source[length &- 1]
    }
  }

  // MARK: Containers

  @inline(__always) package mutating func beginObject() {
    put(UInt8(ascii: "{"))
    depth += 1
    atContainerStart = true
  }

  package mutating func endObject() {
    closeContainer(UInt8(ascii: "}"))
  }

  package mutating func beginArray() {
    put(UInt8(ascii: "["))
    depth += 1
    atContainerStart = true
  }

  package mutating func endArray() {
    closeContainer(UInt8(ascii: "]"))
  }

  @inline(__always) private mutating func closeContainer(_ byte: UInt8) {
    depth -= 1
    if pretty && !atContainerStart { newlineAndIndent() }
    put(byte)
    atContainerStart = false
  }

  /// Starts the next array element (comma and indentation).
  @inline(__always) package mutating func element() {
    separate()
  }

  /// Starts a member whose key is a literal of the contract (no escaping needed); with
  /// `openingString`, also the opening quote of its string value, in the same step.
  @inline(__always) package mutating func key(_ key: StaticString, openingString: Bool = false) {
    separate()
    let length = key.utf8CodeUnitCount
    reserve(length &+ 4)
    base[count] = UInt8(ascii: "\"")
    Self.copy(length, from: key.utf8Start, to: base + (count &+ 1))
    count &+= length &+ 1
    base[count] = UInt8(ascii: "\"")
    base[count &+ 1] = UInt8(ascii: ":")
    count &+= 2
    if pretty { put(UInt8(ascii: " ")) }
    if openingString { put(UInt8(ascii: "\"")) }
  }

  /// Appends literal JSON text as it is (the caller keeps it valid).
  @inline(__always) package mutating func raw(_ text: StaticString) {
    put(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  /// Appends `prefix`, then `key` quoted with its colon, then `suffix`, as raw bytes in one
  /// piece: the joints of a compact object that a hot loop writes itself (`{"time":"`,
  /// `","text":"`), with the key from the contract's table. No separator, no indentation.
  @inline(__always) package mutating func raw(_ prefix: StaticString, key: StaticString, _ suffix: StaticString) {
    let total = prefix.utf8CodeUnitCount &+ key.utf8CodeUnitCount &+ suffix.utf8CodeUnitCount &+ 3
    reserve(total)
    copy(prefix)
    base[count] = UInt8(ascii: "\"")
    count &+= 1
    copy(key)
    base[count] = UInt8(ascii: "\"")
    base[count &+ 1] = UInt8(ascii: ":")
    count &+= 2
    copy(suffix)
  }

  /// Copies a short literal into room already reserved.
  @inline(__always) private mutating func copy(_ text: StaticString) {
    let length = text.utf8CodeUnitCount
    Self.copy(length, from: text.utf8Start, to: base + count)
    count &+= length
  }

  /// Starts a member whose key comes from data (escaped).
  package mutating func key(escaping key: String) {
    separate()
    string(key)
    put(UInt8(ascii: ":"))
    if pretty { put(UInt8(ascii: " ")) }
  }

  @inline(__always) private mutating func separate() {
    if !atContainerStart { put(UInt8(ascii: ",")) }
    atContainerStart = false
    if pretty { newlineAndIndent() }
  }

  private mutating func newlineAndIndent() {
    put(UInt8(ascii: "\n"))
    for _ in 0..<(depth * 2) { put(UInt8(ascii: " ")) }
  }

  // MARK: Values

  package mutating func null() {
    put(0x6E)
    put(0x75)
    put(0x6C)
    put(0x6C)
  }

  package mutating func int(_ value: Int) {
    if value == 0 {
      put(UInt8(ascii: "0"))
      return
    }
    var magnitude = value.magnitude
    if value < 0 { put(UInt8(ascii: "-")) }
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 20 digits, no heap
    var digitCount = 0
    withUnsafeMutableBytes(of: &digits) { raw in
      while magnitude > 0 {
        raw[digitCount] = UInt8(ascii: "0") + UInt8(magnitude % 10)
        magnitude /= 10
        digitCount += 1
      }
      for index in stride(from: digitCount - 1, through: 0, by: -1) { put(raw[index]) }
    }
  }

  /// A number with a fixed count of decimals (`12.345`); non-finite values are written as 0.
  package mutating func decimal(_ value: Double, places: Int) {
    let text = String(format: "%.\(places)f", value.isFinite ? value : 0)
    var copy = text
    copy.withUTF8 { put($0) }
  }

  /// A JSON string; control characters, quotes and backslashes are escaped, other UTF-8
  /// passes through unchanged.
  package mutating func string(_ value: String) {
    put(UInt8(ascii: "\""))
    stringBody(value)
    put(UInt8(ascii: "\""))
  }

  /// The escaped characters of a string, without its quotes.
  package mutating func stringBody(_ value: String) {
    if value.isEmpty { return }  // Transcripts are half empty strings.
    // `utf8.withContiguousStorageIfAvailable` borrows the string's bytes; `withUTF8` would
    // need a `var` copy, a retain and release per string, a hundred times per call.
    let done: Void? = value.utf8.withContiguousStorageIfAvailable { utf8 in
      writeEscaped(utf8)
    }
    if done == nil {
      var copy = value
      copy.withUTF8 { writeEscaped($0) }
    }
  }

  private mutating func writeEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
    if !Self.mayNeedEscape(utf8) {
      put(utf8)
      return
    }
    let total = utf8.count
    var index = 0
    var runStart = 0
    while index < total {
      let byte = utf8[index]
      if byte < 0x20 || byte == 0x22 || byte == 0x5C {
        if runStart < index { put(UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
        appendEscape(byte)
        runStart = index &+ 1
      }
      index &+= 1
    }
    if runStart < total { put(UnsafeBufferPointer(rebasing: utf8[runStart...])) }
  }

  /// False when no byte needs an escape (the common case); true may be a false alarm, which
  /// the caller's byte loop settles. Eight bytes a word, then the last few as overlapping
  /// halves, or (under four) as first, middle and last over a filler that needs no escape:
  /// no load straddles two words (see `copy`), and no clean string takes the byte loop.
  @inline(__always) private static func mayNeedEscape(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    let total = utf8.count
    let raw = UnsafeRawBufferPointer(utf8)
    var index = 0
    while index &+ 8 <= total {
      if needsEscape(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) { return true }
      index &+= 8
    }
    let rest = total &- index
    if rest >= 4 {
      let head = UInt64(raw.loadUnaligned(fromByteOffset: index, as: UInt32.self))
      let tail = UInt64(raw.loadUnaligned(fromByteOffset: total &- 4, as: UInt32.self))
      return needsEscape(head | tail &<< 32)
    }
    if rest == 0 { return false }
    let filler: UInt64 = 0x6161_6161_6100_0000  // "a"
    let word = UInt64(utf8[index]) | UInt64(utf8[index &+ (rest &>> 1)]) &<< 8 | UInt64(utf8[total &- 1]) &<< 16
    return needsEscape(word | filler)
  }

  /// True when any of the eight bytes is below 0x20, a quote or a backslash (SWAR: a few
  /// integer operations instead of eight comparisons; false alarms fall back to the byte loop).
  @inline(__always) private static func needsEscape(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    func hasZeroByte(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
    let control = (word &- ones &* 0x20) & ~word & highs != 0
    return control || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C))
  }

  private mutating func appendEscape(_ byte: UInt8) {
    put(UInt8(ascii: "\\"))
    switch byte {
    case 0x22: put(0x22)
    case 0x5C: put(0x5C)
    case 0x0A: put(UInt8(ascii: "n"))
    case 0x0D: put(UInt8(ascii: "r"))
    case 0x09: put(UInt8(ascii: "t"))
    case 0x08: put(UInt8(ascii: "b"))
    case 0x0C: put(UInt8(ascii: "f"))
    default:
      let hex: StaticString = "0123456789abcdef"
      put(UInt8(ascii: "u"))
      put(UInt8(ascii: "0"))
      put(UInt8(ascii: "0"))
      hex.withUTF8Buffer { digits in
        put(digits[Int(byte >> 4)])
        put(digits[Int(byte & 0x0F)])
      }
    }
  }
}
