import Foundation
import Testing

/// `verify` on input that is not a file of notifications: a clear error, never a crash or a pass.
@Suite struct VerifyInputTests {
  /// A directory cannot be read: exit 2 naming it (Foundation's `readData` trapped here).
  @Test(arguments: [["verify", "/tmp"], ["verify", "Scenarios"]])
  func unreadableInputIsAnErrorNotACrash(arguments: [String]) async throws {
    let result = try await ToolProcess.run(arguments)
    #expect(result.code == 2, "stderr: \(result.stderr)")
    #expect(result.stderr.hasPrefix("error: \(arguments[1]): cannot read: Is a directory"))
  }

  /// Nothing to verify (a failed `generate` upstream) is no pass.
  @Test func emptyInputFails() async {
    let result = await runTool(["verify"], stdin: "")
    #expect(result.code == 1)
    #expect(result.stderr == "error: <stdin>: no notification to verify\n")
  }
}
