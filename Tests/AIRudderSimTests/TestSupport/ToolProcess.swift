import Foundation
import Testing

/// The built `airudder-sim` executable, run as a user would.
enum ToolProcess {
  /// Next to the test bundle in the build folder.
  static var executable: URL {
    URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("airudder-sim")
  }

  struct Result {
    var code: Int32
    var stdout: String
    var stderr: String
  }

  /// Runs the tool; `stdin`, when given, is written to its standard input, which is then
  /// closed; `interruptAfter` sends SIGINT after that many seconds. Waits with
  /// `Task.sleep`, never blocking one of the few threads other tests' tasks run on.
  static func run(_ arguments: [String], stdin: String? = nil, interruptAfter: Double? = nil, timeout: Double = 120) async throws -> Result {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = RepositoryPath.root
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let input = Pipe()
    if stdin != nil { process.standardInput = input }
    try process.run()
    if let stdin {
      // Small inputs only: a pipe holds 64 KiB, and nobody reads stdout until the tool ends.
      try input.fileHandleForWriting.write(contentsOf: Data(stdin.utf8))
      try input.fileHandleForWriting.close()
    }
    if let interruptAfter {
      try await Task.sleep(for: .seconds(interruptAfter))
      process.interrupt()
    }
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
    if process.isRunning {
      process.terminate()
      Issue.record("airudder-sim \(arguments.joined(separator: " ")) did not end within \(timeout)s")
    }
    process.waitUntilExit()
    return Result(
      code: process.terminationStatus,
      stdout: String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self),
      stderr: String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
  }
}
