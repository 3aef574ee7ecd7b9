import Foundation
import Testing

@testable import Contract

/// The harness that runs the built tool: output far past what a pipe holds (64 KiB) comes
/// back whole instead of leaving the child blocked on a full pipe until the timeout.
@Suite struct ToolProcessTests {
  @Test func outputLargerThanAPipeComesBackWhole() async throws {
    let arguments = ["generate", "Scenarios/collection.json", "--count", "2000"]
    let child = try await ToolProcess.run(arguments)
    let inProcess = await runTool(arguments)
    #expect(child.code == 0 && child.stderr.isEmpty, "exit \(child.code): \(child.stderr)")
    #expect(inProcess.stdout.utf8.count > 16 * 65_536, "too little output to test: \(inProcess.stdout.utf8.count) bytes")
    #expect(child.stdout.utf8.count == inProcess.stdout.utf8.count)
    #expect(MD5.hex(child.stdout) == MD5.hex(inProcess.stdout), "the same bytes (compared by digest: megabytes)")
    #expect(child.stdout.split(separator: "\n").count == 2000)
  }

  /// Standard input past what a pipe holds, while the tool writes as much: both go through.
  @Test func inputLargerThanAPipeGoesThrough() async throws {
    let generated = await runTool(["generate", "Scenarios/collection.json", "--count", "2000"])
    #expect(generated.stdout.utf8.count > 16 * 65_536)
    let child = try await ToolProcess.run(["verify"], stdin: generated.stdout)
    #expect(child.code == 0 && child.stdout.hasPrefix("verified 2000 notifications"), "exit \(child.code): \(child.stderr)")
    let inProcess = await runTool(["verify"], stdin: generated.stdout)
    #expect(inProcess.code == 0 && inProcess.stdout.hasPrefix("verified 2000 notifications"))
  }
}
