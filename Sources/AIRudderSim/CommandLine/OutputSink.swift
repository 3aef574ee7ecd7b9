import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where a command writes: standard output or error, or memory in tests. Buffered, because
/// `generate` writes hundreds of megabytes; locked, because the receiver's connection threads,
/// the progress line and the signal handler write too.
public final class OutputSink: @unchecked Sendable {
  private let descriptor: Int32?
  private let lock = NSLock()
  private var buffer: [UInt8] = []
  private var capturedBytes: [UInt8] = []

  /// Everything written, when the sink is in memory.
  public var captured: [UInt8] { lock.withLock { capturedBytes } }

  private init(descriptor: Int32?) {
    self.descriptor = descriptor
    buffer.reserveCapacity(1 << 16)
  }

  public static func standardOutput() -> OutputSink { OutputSink(descriptor: 1) }
  public static func standardError() -> OutputSink { OutputSink(descriptor: 2) }
  public static func memory() -> OutputSink { OutputSink(descriptor: nil) }

  public var text: String { String(decoding: captured, as: UTF8.self) }

  /// True when the sink is a terminal (for progress lines and colour).
  public var isTerminal: Bool { descriptor.map { isatty($0) == 1 } ?? false }

  public func write(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { write($0) }
  }

  public func write(_ bytes: UnsafeRawBufferPointer) {
    lock.withLock {
      guard descriptor != nil else {
        capturedBytes.append(contentsOf: bytes)
        return
      }
      buffer.append(contentsOf: bytes)
      if buffer.count >= 1 << 16 { flushLocked() }
    }
  }

  public func write(_ text: String) {
    write(Array(text.utf8))
  }

  /// Writes a line of text followed by a newline.
  public func line(_ text: String) {
    write(text + "\n")
  }

  public func flush() {
    lock.withLock { flushLocked() }
  }

  private func flushLocked() {
    guard let descriptor, !buffer.isEmpty else { return }
    buffer.withUnsafeBytes { raw in
      var offset = 0
      while offset < raw.count {
        let written = Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          break  // A closed pipe (`generate | head`): nothing more can be written.
        }
        offset += written
      }
    }
    buffer.removeAll(keepingCapacity: true)
  }

  deinit { flush() }
}
