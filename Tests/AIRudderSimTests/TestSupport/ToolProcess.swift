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
  /// closed; `interruptAfter` sends SIGINT after that many seconds. Its standard input,
  /// output and error are written and read while it runs (`PipeDrain`), so any amount passes.
  /// Waits with `Task.sleep`, never blocking one of the few threads other tests' tasks run on.
  static func run(
    _ arguments: [String], stdin: String? = nil, interruptAfter: Double? = nil, timeout: Double = 120
  ) async throws -> Result {
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
    let stdout = PipeDrain(out.fileHandleForReading)
    let stderr = PipeDrain(err.fileHandleForReading)
    if let stdin { PipeDrain.feed(Data(stdin.utf8), to: input.fileHandleForWriting) }
    if let interruptAfter {
      try await Task.sleep(for: .seconds(interruptAfter))
      process.interrupt()
    }
    if await !process.exit(by: Date().addingTimeInterval(timeout)) {
      Issue.record("airudder-sim \(arguments.joined(separator: " ")) did not end within \(timeout)s")
    }
    // The child has ended, so both pipes are at their end (the tool starts no children).
    return Result(
      code: process.terminationStatus,
      stdout: String(decoding: await stdout.data(), as: UTF8.self),
      stderr: String(decoding: await stderr.data(), as: UTF8.self))
  }
}
