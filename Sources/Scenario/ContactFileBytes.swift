import Contract
import Glibc

/// Reads a file from a given offset through `pread` into its own buffer, so that every
/// workflow's cursor reads its own part of one open file, with no shared position to race on.
struct ContactFileBytes {
  let descriptor: Int32
  private var buffer: [UInt8]
  private var index = 0
  private var filled = 0
  /// File offset of `buffer[0]`.
  private var bufferOffset: Int
  /// Why reading stopped early (an I/O error), if it did.
  private(set) var failure: String?
  /// The MD5 of what was read so far, when asked for (the check's reading from the start).
  private(set) var digest: MD5?

  init(descriptor: Int32, offset: Int, capacity: Int, digesting: Bool = false) {
    self.descriptor = descriptor
    digest = digesting ? MD5() : nil
    bufferOffset = offset
    buffer = [UInt8](repeating: 0, count: max(capacity, 512))
  }

  /// File offset of the next byte.
  var offset: Int { bufferOffset + index }

  @inline(__always) mutating func peek() -> UInt8? {
    if index == filled && !refill() { return nil }
    return buffer[index]
  }

  @inline(__always) mutating func next() -> UInt8? {
    if index == filled && !refill() { return nil }
    defer { index += 1 }
    return buffer[index]
  }

  private mutating func refill() -> Bool {
    guard failure == nil else { return false }
    bufferOffset += filled
    index = 0
    filled = 0
    while true {
      let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, off_t(bufferOffset)) }
      if count < 0 {
        if errno == EINTR { continue }
        failure = String(cString: strerror(errno))
        return false
      }
      filled = count
      if count > 0, digest != nil { digest!.update(buffer[0..<count]) }
      return count > 0
    }
  }
}
