import Foundation
import Testing

/// Runs the built tool as a child process in a scratch folder, with its output in files (a
/// pipe would fill up and stall the child), so that a trap kills only the child and the test
/// sees the signal. Used by the hostile-input property tests.
enum ChildRun {
  struct Outcome {
    var status: Int32
    /// Killed by a signal (a trap is SIGILL or SIGTRAP), not exited.
    var signalled: Bool
    var timedOut: Bool
    var stdout: String
    var stderr: String

    var summary: String {
      timedOut ? "did not end" : signalled ? "killed by signal \(status)" : "exit \(status)"
    }
  }

  /// Runs `arguments` in `folder`; `whileRunning` gets the stdout file and may drive the child
  /// (connect to it, interrupt it). The child is terminated after `timeout` seconds.
  static func run(
    _ arguments: [String], in folder: URL, timeout: Double = 60, environment: [String: String] = [:],
    whileRunning: ((_ process: Process, _ stdout: URL) async -> Void)? = nil
  ) async throws -> Outcome {
    let name = UUID().uuidString
    let out = folder.appendingPathComponent("\(name).out")
    let err = folder.appendingPathComponent("\(name).err")
    for file in [out, err] where !FileManager.default.createFile(atPath: file.path, contents: nil) {
      throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path])
    }
    let outHandle = try FileHandle(forWritingTo: out)
    let errHandle = try FileHandle(forWritingTo: err)
    defer {
      try? outHandle.close()
      try? errHandle.close()
      try? FileManager.default.removeItem(at: out)
      try? FileManager.default.removeItem(at: err)
    }
    let process = Process()
    process.executableURL = ToolProcess.executable
    process.arguments = arguments
    process.currentDirectoryURL = folder
    if !environment.isEmpty {
      process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = outHandle
    process.standardError = errHandle
    try process.run()
    if let whileRunning { await whileRunning(process, out) }
    let timedOut = await !process.exit(by: Date().addingTimeInterval(timeout))
    let stdout = (try? Data(contentsOf: out)).map { String(decoding: $0.prefix(4096), as: UTF8.self) } ?? ""
    let stderr = (try? Data(contentsOf: err)).map { String(decoding: $0.prefix(8192), as: UTF8.self) } ?? ""
    return Outcome(
      status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
      timedOut: timedOut, stdout: stdout, stderr: stderr)
  }

  /// A fresh scratch folder for one test's children and their files.
  static func scratchFolder(_ label: String) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("airudder-sim-\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  /// Runs `cases` at most `width` at a time, in order of the results.
  static func forEach<Case: Sendable>(
    _ cases: [Case], width: Int = 4, _ body: @escaping @Sendable (Case) async throws -> Void
  ) async throws {
    try await withThrowingTaskGroup(of: Void.self) { group in
      var next = 0
      while next < min(width, cases.count) {
        let item = cases[next]
        group.addTask { try await body(item) }
        next += 1
      }
      while try await group.next() != nil, next < cases.count {
        let item = cases[next]
        group.addTask { try await body(item) }
        next += 1
      }
      try await group.waitForAll()
    }
  }
}
