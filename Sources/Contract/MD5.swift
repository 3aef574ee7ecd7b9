/// MD5 (RFC 1321), written here because Foundation on Linux has none and the default build
/// takes no packages. Used for AIRudder's `Sign` and to tell input files apart (a report's
/// `scenario_md5`, `source_md5`), never for security.
package struct MD5: Sendable {
  private var state: (UInt32, UInt32, UInt32, UInt32) = (0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476)
  private var pending: [UInt8] = []
  private var length: UInt64 = 0

  package init() {
    pending.reserveCapacity(64)
  }

  /// The 16-byte digest of `bytes`.
  package static func digest<Bytes: Sequence>(_ bytes: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
    var md5 = MD5()
    md5.update(bytes)
    return md5.finalize()
  }

  /// Lowercase hex of the digest of the UTF-8 bytes of `text`.
  package static func hex(_ text: String) -> String {
    hexString(digest(Array(text.utf8)))
  }

  package mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
    // Contiguous bytes (an array, a file's buffer, Data) go block by block, not byte by byte:
    // a contact list or a replay file can be hundreds of megabytes.
    if bytes.withContiguousStorageIfAvailable({ update(contiguous: $0) }) != nil { return }
    for byte in bytes {
      pending.append(byte)
      length &+= 1
      if pending.count == 64 {
        pending.withUnsafeBufferPointer { compress($0) }
        pending.removeAll(keepingCapacity: true)
      }
    }
  }

  private mutating func update(contiguous bytes: UnsafeBufferPointer<UInt8>) {
    var start = 0
    // Top up a partial block first; then whole blocks straight from `bytes`.
    while !pending.isEmpty && start < bytes.count {
      pending.append(bytes[start])
      start += 1
      if pending.count == 64 {
        pending.withUnsafeBufferPointer { compress($0) }
        pending.removeAll(keepingCapacity: true)
      }
    }
    while bytes.count - start >= 64 {
      compress(UnsafeBufferPointer(rebasing: bytes[start..<(start + 64)]))
      start += 64
    }
    pending.append(contentsOf: bytes[start...])
    length &+= UInt64(bytes.count)
  }

  /// Pads as RFC 1321 section 3.1–3.2 says and returns the digest (A, B, C, D little-endian).
  package mutating func finalize() -> [UInt8] {
    let bitLength = length &* 8
    var tail = pending
    tail.append(0x80)
    while tail.count % 64 != 56 { tail.append(0) }
    for shift in stride(from: 0, to: 64, by: 8) { tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
    tail.withUnsafeBufferPointer { buffer in
      for offset in stride(from: 0, to: buffer.count, by: 64) {
        compress(UnsafeBufferPointer(rebasing: buffer[offset..<(offset + 64)]))
      }
    }
    pending.removeAll()
    var out: [UInt8] = []
    out.reserveCapacity(16)
    for word in [state.0, state.1, state.2, state.3] {
      for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8(truncatingIfNeeded: word >> UInt32(shift))) }
    }
    return out
  }

  /// Per-step left-rotation amounts, RFC 1321 section 3.4.
  private static let shifts: [UInt32] = [
    7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
    5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
    4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
    6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
  ]

  /// T[i] = floor(2^32 * abs(sin(i + 1))), RFC 1321 section 3.4.
  private static let constants: [UInt32] = [
    0xd76a_a478, 0xe8c7_b756, 0x2420_70db, 0xc1bd_ceee, 0xf57c_0faf, 0x4787_c62a, 0xa830_4613, 0xfd46_9501,
    0x6980_98d8, 0x8b44_f7af, 0xffff_5bb1, 0x895c_d7be, 0x6b90_1122, 0xfd98_7193, 0xa679_438e, 0x49b4_0821,
    0xf61e_2562, 0xc040_b340, 0x265e_5a51, 0xe9b6_c7aa, 0xd62f_105d, 0x0244_1453, 0xd8a1_e681, 0xe7d3_fbc8,
    0x21e1_cde6, 0xc337_07d6, 0xf4d5_0d87, 0x455a_14ed, 0xa9e3_e905, 0xfcef_a3f8, 0x676f_02d9, 0x8d2a_4c8a,
    0xfffa_3942, 0x8771_f681, 0x6d9d_6122, 0xfde5_380c, 0xa4be_ea44, 0x4bde_cfa9, 0xf6bb_4b60, 0xbebf_bc70,
    0x289b_7ec6, 0xeaa1_27fa, 0xd4ef_3085, 0x0488_1d05, 0xd9d4_d039, 0xe6db_99e5, 0x1fa2_7cf8, 0xc4ac_5665,
    0xf429_2244, 0x432a_ff97, 0xab94_23a7, 0xfc93_a039, 0x655b_59c3, 0x8f0c_cc92, 0xffef_f47d, 0x8584_5dd1,
    0x6fa8_7e4f, 0xfe2c_e6e0, 0xa301_4314, 0x4e08_11a1, 0xf753_7e82, 0xbd3a_f235, 0x2ad7_d2bb, 0xeb86_d391,
  ]

  private mutating func compress(_ block: UnsafeBufferPointer<UInt8>) {
    var words = [UInt32](repeating: 0, count: 16)
    for index in 0..<16 {
      let base = index * 4
      words[index] =
        UInt32(block[base]) | UInt32(block[base + 1]) << 8 | UInt32(block[base + 2]) << 16 | UInt32(block[base + 3]) << 24
    }
    var (a, b, c, d) = state
    for step in 0..<64 {
      var f: UInt32
      let g: Int
      switch step {
      case 0..<16:
        f = (b & c) | (~b & d)
        g = step
      case 16..<32:
        f = (d & b) | (~d & c)
        g = (5 * step + 1) % 16
      case 32..<48:
        f = b ^ c ^ d
        g = (3 * step + 5) % 16
      default:
        f = c ^ (b | ~d)
        g = (7 * step) % 16
      }
      f = f &+ a &+ Self.constants[step] &+ words[g]
      a = d
      d = c
      c = b
      let shift = Self.shifts[step]
      b = b &+ ((f << shift) | (f >> (32 - shift)))
    }
    state = (state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d)
  }
}

/// Lowercase hex of `bytes`.
package func hexString(_ bytes: [UInt8]) -> String {
  let digits = Array("0123456789abcdef".utf8)
  var out = [UInt8]()
  out.reserveCapacity(bytes.count * 2)
  for byte in bytes {
    out.append(digits[Int(byte >> 4)])
    out.append(digits[Int(byte & 0x0F)])
  }
  return String(decoding: out, as: UTF8.self)
}
