import Foundation
import Support

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `--report FILE`, whole or not at all: written to a temporary file in the same directory,
/// synced, then renamed over the report, so a reader (or a second Ctrl-C) never finds it empty
/// or cut short. An existing device or pipe (`/dev/stdout`, `>(jq .)`) is written in place,
/// never replaced; a symbolic link is followed, not replaced.
package struct ReportFile: Sendable {
  let path: String
  /// How messages name the file: `the report`, `the HTML report`.
  let what: String
  package static let what = "the report"

  package init(path: String, what: String = ReportFile.what) {
    self.path = path
    self.what = what
  }

  /// Before the run: the directory must take a new file (a temporary one is created and
  /// removed again, so no empty report appears), and a report left by an earlier run is
  /// removed, so the file is never another run's.
  package func prepare() throws(OutputError) {
    switch try destination() {
    case .inPlace:
      guard access(path, W_OK) == 0 else { throw cannotCreate(errno) }
    case .replaced(let target):
      let (temporary, descriptor) = try createTemporary(beside: target)
      _ = Glibc.close(descriptor)
      unlink(temporary)
      if unlink(target) != 0 && errno != ENOENT { throw cannotCreate(errno) }
    }
  }

  /// Writes `data` as the whole report.
  package func write(_ data: Data) throws(OutputError) {
    switch try destination() {
    case .inPlace:
      let descriptor = OutputFile.openForWriting(path, flags: O_TRUNC)
      guard descriptor >= 0 else { throw cannotCreate(errno) }
      let error = data.withUnsafeBytes { OutputFile.writeAll(descriptor, $0).error }
      let closed = Glibc.close(descriptor) == 0 || errno == EINTR
      if let error { throw cannotWrite(error) }
      if !closed { throw cannotWrite(errno) }
    case .replaced(let target):
      let (temporary, descriptor) = try createTemporary(beside: target)
      var failure = data.withUnsafeBytes { OutputFile.writeAll(descriptor, $0).error }
      // Synced before the rename: after a crash the name points at the whole report, not at
      // blocks the kernel had yet to write.
      if failure == nil && fsync(descriptor) != 0 && errno != EINVAL { failure = errno }
      if Glibc.close(descriptor) != 0 && errno != EINTR && failure == nil { failure = errno }
      if failure == nil && rename(temporary, target) != 0 { failure = errno }
      if let failure {
        unlink(temporary)
        throw cannotWrite(failure)
      }
    }
  }

  private enum Destination {
    /// A device, a pipe or a socket: written where it is.
    case inPlace
    /// A regular file or none yet: a temporary file is renamed to `target` (symlinks resolved).
    case replaced(target: String)
  }

  private func destination() throws(OutputError) -> Destination {
    var info = stat()
    guard stat(path, &info) == 0 else {
      // A dangling symbolic link (`prepare` removed the report it pointed at): write there.
      guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: path) else {
        return .replaced(target: path)
      }
      if destination.hasPrefix("/") { return .replaced(target: destination) }
      return .replaced(target: URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(destination).path)
    }
    switch info.st_mode & S_IFMT {
    case S_IFDIR: throw cannotCreate(EISDIR)
    case S_IFREG:
      guard let resolved = realpath(path, nil) else { return .replaced(target: path) }
      defer { free(resolved) }
      return .replaced(target: String(cString: resolved))
    default: return .inPlace
    }
  }

  /// `.NAME.PID.RANDOM.tmp` next to `target`: hidden, and never one that already exists.
  private func createTemporary(beside target: String) throws(OutputError) -> (path: String, descriptor: Int32) {
    let url = URL(fileURLWithPath: target)
    let directory = url.deletingLastPathComponent().path
    let name = url.lastPathComponent
    var lastError = EEXIST
    for _ in 0..<8 {
      let temporary = directory + "/." + name + ".\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
      let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
      if descriptor >= 0 { return (temporary, descriptor) }
      lastError = errno
      if lastError != EEXIST && lastError != EINTR { break }
    }
    throw cannotCreate(lastError)
  }

  private func cannotCreate(_ code: Int32) -> OutputError {
    .cannotCreate(file: path, what: what, reason: OutputError.reason(code))
  }

  private func cannotWrite(_ code: Int32) -> OutputError {
    .cannotWrite(file: path, what: what, reason: OutputError.reason(code))
  }
}
