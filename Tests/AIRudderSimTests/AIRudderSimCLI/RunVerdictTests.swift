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

/// `run` as a CI gate: its exit code and its files never claim a pass the receiver did not earn.
@Suite(.serialized) struct RunVerdictTests {
  /// A scenario file in the temporary folder whose built-in receiver applies `receiver`.
  static func scenario(receiver: String, load: String = "{ mode: \"concurrency\", concurrency: 4 }") throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-\(UUID().uuidString).json")
    let text = """
      { name: "verdict", scene: "collection", locale: "id-ID", seed: 7, workflows: 1, contactsPerWorkflow: 200,
        load: \(load), retry: { timeout: "2s", interval: "60s", maxRetries: 5 }, timeScale: 60, receiver: \(receiver) }
      """
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url
  }

  /// A receiver that refuses everything, cut short by --duration: every notification waited for a
  /// retry when the run ended. That is no success: exit 1, and the summary says why.
  @Test func refusedEverythingUntilTheDurationEndedFails() async throws {
    let file = try Self.scenario(receiver: "{ errorRate: 1, errorStatus: 503 }")
    defer { try? FileManager.default.removeItem(at: file) }
    let report = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-\(UUID().uuidString).json")
    defer { try? FileManager.default.removeItem(at: report) }
    let result = try await ToolProcess.run(["run", file.path, "--duration", "2s", "--quiet", "--report", report.path])
    #expect(result.code == 1, "stdout: \(result.stdout)\nstderr: \(result.stderr)")
    #expect(result.stdout.contains("delivered 0"))
    #expect(result.stdout.contains("threshold missed: nothing was delivered"))
    #expect(result.stdout.contains("threshold missed: abandoned"))
    let decoded = try JSONDecoder().decode(RunReport.self, from: Data(contentsOf: report))
    #expect(decoded.notifications.abandoned > 0 && decoded.notifications.abandoned == decoded.notifications.generated)
    #expect(decoded.notifications.cancelled == 0)
    #expect(decoded.exitCode == 1)
  }

  /// `rate.achieved` is notifications started per second while the run was starting them, not over
  /// a wall time that includes waiting for the last retries.
  @Test func achievedRateIgnoresTheWaitForRetries() async throws {
    let file = try Self.scenario(receiver: "{ failFirst: 1, failFirstRate: 1 }")
    defer { try? FileManager.default.removeItem(at: file) }
    let report = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-\(UUID().uuidString).json")
    defer { try? FileManager.default.removeItem(at: report) }
    let result = try await ToolProcess.run([
      "run", file.path, "--rate", "20", "--count", "10", "--quiet", "--report", report.path,
    ])
    #expect(result.code == 0, "stdout: \(result.stdout)\nstderr: \(result.stderr)")
    let decoded = try JSONDecoder().decode(RunReport.self, from: Data(contentsOf: report))
    #expect(decoded.notifications.deliveredOnAttempt == [0, 10, 0, 0, 0, 0], "each delivered on its retry, 1 s later")
    // Starts are on a 50 ms schedule, 20 a second; a loaded machine may start some late (the first
    // one late shortens the span), so the bounds are wide. Over the wall time with the retries'
    // wait it would be about 7.
    #expect(decoded.rate.achieved > 12 && decoded.rate.achieved < 30, "achieved \(decoded.rate.achieved)")
  }

  /// Every command answers -h as it answers --help.
  @Test(arguments: ["run", "receive", "generate", "sign", "verify"])
  func shortHelpOnEveryCommand(command: String) async {
    let long = await runTool([command, "--help"])
    let short = await runTool([command, "-h"])
    #expect(short.code == 0, "stderr: \(short.stderr)")
    #expect(short.stdout == long.stdout && !short.stdout.isEmpty)
  }
}
