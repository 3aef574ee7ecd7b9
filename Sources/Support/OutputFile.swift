#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file the tool streams lines to (`--journal`, `--record`). Opened in place, so a device or
/// a pipe (`/dev/stdout`, `>(gzip)`) stays one: `FileManager.createFile` renamed a new regular
/// file over whatever was there, `/dev/full` included. Every write is checked. After the first
/// failure nothing more is written (a full disk is not retried once per attempt), the error is
/// kept for the end of the run, and a regular file is cut back to its last complete line, so
/// every line it keeps is whole. Not thread-safe: its owner serialises the calls.
package final class OutputFile {
  let path: String
  /// What the file is for, in messages ("the journal").
  let what: String
  private var descriptor: Int32
  /// The first error; nothing is written after it.
  package var failure: OutputError?
  /// Bytes at the start of the file that end with a complete line.
  private var complete = 0

  /// Creates or truncates `path`.
  package init(path: String, what: String) throws(OutputError) {
    self.path = path
    self.what = what
    descriptor = Self.openForWriting(path, flags: O_CREAT | O_TRUNC)
    guard descriptor >= 0 else {
      throw OutputError.cannotCreate(file: path, what: what, reason: OutputError.reason(errno))
    }
  }

  /// Writes `bytes`, which are whole lines (each ends with a newline).
  package func write(_ bytes: UnsafeRawBufferPointer) {
    guard failure == nil, descriptor >= 0, !bytes.isEmpty else { return }
    let (written, error) = Self.writeAll(descriptor, bytes)
    guard let error else {
      complete += written
      return
    }
    failure = .cannotWrite(file: path, what: what, reason: OutputError.reason(error))
    if let lastNewline = bytes.prefix(written).lastIndex(of: UInt8(ascii: "\n")) { complete += lastNewline + 1 }
    // A regular file drops its torn last line; a pipe or a device cannot be cut (and need not be).
    _ = ftruncate(descriptor, off_t(complete))
  }

  /// Closes the file; a failing close (a delayed write error) counts as a write error.
  package func close() {
    guard descriptor >= 0 else { return }
    if Glibc.close(descriptor) != 0, errno != EINTR, failure == nil {
      failure = .cannotWrite(file: path, what: what, reason: OutputError.reason(errno))
    }
    descriptor = -1
  }

  deinit { close() }

  /// `open(2)` for writing. `O_NONBLOCK` while opening, so a FIFO nobody reads fails (ENXIO)
  /// instead of hanging the run; writes then block as usual.
  package static func openForWriting(_ path: String, flags: Int32) -> Int32 {
    var descriptor: Int32
    repeat {
      descriptor = open(path, O_WRONLY | O_CLOEXEC | O_NONBLOCK | flags, 0o666)
    } while descriptor < 0 && errno == EINTR
    if descriptor >= 0 { _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK) }
    return descriptor
  }

  /// Writes all of `bytes` (short writes continue, EINTR retries). Returns the bytes written
  /// and the `errno` that stopped it, if any.
  package static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> (written: Int, error: Int32?) {
    var offset = 0
    while offset < bytes.count {
      let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
      if written < 0 {
        if errno == EINTR { continue }
        return (offset, errno)
      }
      // write(2) returns 0 for a non-empty buffer only when nothing more can be written.
      if written == 0 { return (offset, ENOSPC) }
      offset += written
    }
    return (offset, nil)
  }
}
