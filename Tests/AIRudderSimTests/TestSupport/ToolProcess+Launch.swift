import Foundation
import Testing

extension ToolProcess {
  /// The tool running with its standard output and error sent where a test chooses (a full
  /// device, files to watch while it runs), for tests that signal it or fill its disk.
  final class Launched {
    let process: Process

    init(process: Process) { self.process = process }

    func interrupt() { process.interrupt() }

    /// Waits for the end (with `Task.sleep`, bounded by `timeout`; terminated, then killed,
    /// after it).
    /// `signalled` when a signal ended it rather than an exit.
    func end(timeout: Double = 120) async -> (code: Int32, signalled: Bool) {
      if await !process.exit(by: Date().addingTimeInterval(timeout)) {
        Issue.record("airudder-sim did not end within \(timeout)s")
      }
      return (process.terminationStatus, process.terminationReason == .uncaughtSignal)
    }
  }

  /// Starts the tool. `limitFileSize` runs it under `ulimit -f` (512-byte blocks, SIGXFSZ
  /// ignored), so a file it writes fails part-way with EFBIG as on a full disk, without root.
  static func launch(
    _ arguments: [String], stdout: FileHandle, stderr: FileHandle, limitFileSize blocks: Int? = nil
  ) throws -> Launched {
    let process = Process()
    if let blocks {
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      process.arguments = ["-c", "ulimit -f \(blocks); trap '' XFSZ; exec \"$0\" \"$@\"", executable.path] + arguments
    } else {
      process.executableURL = executable
      process.arguments = arguments
    }
    process.currentDirectoryURL = RepositoryPath.root
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    return Launched(process: process)
  }
}
