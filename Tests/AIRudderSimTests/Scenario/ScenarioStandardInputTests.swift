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

/// `-` as the scenario reads standard input, for every command that takes a scenario.
@Suite struct ScenarioStandardInputTests {
  private let piped = "{ name: 'piped', seed: 7, workflows: 2, contactsPerWorkflow: 3 }"

  /// Piped through the real binary: the same bytes as from a file holding the same scenario.
  @Test func generateReadsTheScenarioFromStandardInput() async throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("piped-\(UUID().uuidString).json")
    try piped.write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    let fromPipe = try await ToolProcess.run(["generate", "-", "--count", "3"], stdin: piped)
    let fromFile = try await ToolProcess.run(["generate", file.path, "--count", "3"])
    #expect(fromPipe.code == 0)
    #expect(fromPipe.stderr == "")
    #expect(fromPipe.stdout.split(separator: "\n").count == 3)
    #expect(fromPipe.stdout == fromFile.stdout)
  }

  @Test func problemsOfAPipedScenarioNameStandardInput() async throws {
    let result = try await ToolProcess.run(["generate", "-"], stdin: "{\n  workflows: 2.5 }")
    #expect(result.code == 2)
    #expect(result.stderr == "error: <stdin>:2:3: workflows: expected a whole number, got 2.5\n")
  }

  /// `run -` and `receive --scenario -` read it too (a bad scenario, so nothing starts).
  @Test(arguments: [["run", "-", "--count", "1"], ["receive", "--scenario", "-"]])
  func everyScenarioArgumentTakesStandardInput(arguments: [String]) async {
    let result = await runTool(arguments, stdin: "{ receiver: { errorRate: 2 } }")
    #expect(result.code == 2)
    #expect(result.stderr == "error: <stdin>:1:15: receiver.errorRate: expected a rate from 0 to 1, got 2.0\n")
  }

  @Test func runTakesAGoodScenarioFromStandardInput() async {
    let result = await runTool(["run", "-", "--count", "2", "--quiet"], stdin: piped)
    #expect(result.code == 0)
    #expect(result.stdout.contains("piped"))
  }
}
