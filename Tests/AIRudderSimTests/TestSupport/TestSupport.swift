import Foundation
import Testing

@testable import AIRudderSimCLI
@testable import Contract
@testable import Delivery
@testable import Generation
@testable import HTTP1
@testable import Receiver
@testable import Reporting
@testable import Scenario
@testable import Support

/// Paths inside the repository, found from this file so tests run from any directory.
enum RepositoryPath {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static func scenario(_ name: String) -> String {
    root.appendingPathComponent("Scenarios/\(name)").path
  }

  static func golden(_ name: String) -> URL {
    root.appendingPathComponent("Tests/AIRudderSimTests/Golden/\(name)")
  }

  static func fixture(_ name: String) -> URL {
    root.appendingPathComponent("Tests/AIRudderSimTests/Fixtures/\(name)")
  }
}

/// Compares `actual` with a golden file, as swift-argument-parser's `assertSnapshot` does;
/// `UPDATE_GOLDEN=1 swift test` rewrites the file instead.
func assertGolden(_ actual: String, file name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
  let url = RepositoryPath.golden(name)
  if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
    try actual.write(to: url, atomically: true, encoding: .utf8)
    return
  }
  let expected = try String(contentsOf: url, encoding: .utf8)
  if actual != expected {
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let firstDifference =
      zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
      ?? min(actualLines.count, expectedLines.count)
    Issue.record(
      "output differs from golden file \(name) at line \(firstDifference + 1) (run UPDATE_GOLDEN=1 swift test to accept)",
      sourceLocation: sourceLocation)
  }
}

/// Runs the tool in-process and returns its exit code and what it wrote. `environment` is all
/// the tool sees of one (none by default, whatever the test process has).
func runTool(
  _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]
) async -> (code: Int32, stdout: String, stderr: String) {
  let out = OutputSink.memory()
  let err = OutputSink.memory()
  var input = FileHandle.nullDevice
  if let stdin {
    // Written while the tool reads it: a pipe holds 64 KiB.
    let pipe = Pipe()
    PipeDrain.feed(Data(stdin.utf8), to: pipe.fileHandleForWriting)
    input = pipe.fileHandleForReading
  }
  let code = await Tool.main(arguments, stdin: input, stdout: out, stderr: err, environment: environment)
  return (code, out.text, err.text)
}

/// A scenario decoded from JSON text written in a test.
func scenario(_ json: String) throws -> Scenario {
  try ScenarioLoader.decode(Data(json.utf8), file: "test.json")
}
