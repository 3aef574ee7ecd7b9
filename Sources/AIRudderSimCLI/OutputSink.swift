import Foundation
import HTTP1
import Support
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where a command writes: standard output or error, or memory in tests. Buffered, because
/// `generate` writes hundreds of megabytes; locked, because the receiver's connection threads,
/// the progress line and the signal handler write too. The first failed write (a full disk,
/// a closed pipe) is kept in `failure` and ends the output: `Tool.main` reports it.
package final class OutputSink: Sendable {
  private let descriptor: Int32?
  private let name: String
  private let state: Mutex<State>

  private struct State {
    var buffer: [UInt8] = []
    var captured: [UInt8] = []
    var failedWith: Int32?

    /// Writes the buffer to `descriptor`, keeping the first error.
    mutating func flush(to descriptor: Int32?) {
      guard let descriptor, !buffer.isEmpty else { return }
      if let error = buffer.withUnsafeBytes({ OutputFile.writeAll(descriptor, $0).error }), failedWith == nil {
        failedWith = error
      }
      buffer.removeAll(keepingCapacity: true)
    }
  }

  /// Everything written, when the sink is in memory.
  package var captured: [UInt8] { state.withLock { $0.captured } }

  init(descriptor: Int32?, name: String) {
    self.descriptor = descriptor
    self.name = name
    var state = State()
    state.buffer.reserveCapacity(1 << 16)
    self.state = Mutex(state)
  }

  package static func standardOutput() -> OutputSink { OutputSink(descriptor: 1, name: "standard output") }
  package static func standardError() -> OutputSink { OutputSink(descriptor: 2, name: "standard error") }
  package static func memory() -> OutputSink { OutputSink(descriptor: nil, name: "memory") }

  /// Why output was lost, if a write failed; nothing is written after it.
  package var failure: OutputError? {
    state.withLock { $0.failedWith }.map { .cannotWrite(file: name, what: "", reason: OutputError.reason($0)) }
  }

  /// True when the reader closed the pipe (`generate | head`): the output is not wanted any more.
  package var readerHasGone: Bool { state.withLock { $0.failedWith == EPIPE } }

  /// True once a write failed: a producer can stop.
  package var hasFailed: Bool { state.withLock { $0.failedWith != nil } }

  package var text: String { String(decoding: captured, as: UTF8.self) }

  /// True when the sink is a terminal (for progress lines and colour).
  package var isTerminal: Bool { descriptor.map { isatty($0) == 1 } ?? false }

  package func write(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { write($0) }
  }

  package func write(_ bytes: UnsafeRawBufferPointer) {
    state.withLock { state in
      guard descriptor != nil else {
        state.captured.append(contentsOf: bytes)
        return
      }
      guard state.failedWith == nil else { return }
      state.buffer.append(contentsOf: bytes)
      if state.buffer.count >= 1 << 16 { state.flush(to: descriptor) }
    }
  }

  package func write(_ text: String) {
    write(Array(text.utf8))
  }

  /// Writes a line of text followed by a newline.
  package func line(_ text: String) {
    write(text + "\n")
  }

  package func flush() {
    state.withLock { $0.flush(to: descriptor) }
  }

  deinit { flush() }
}
