import Foundation
import Testing

@testable import AIRudderSimCLI
@testable import Contract
@testable import Generation
@testable import HTTP1
@testable import Receiver
@testable import Reporting
@testable import Scenario
@testable import Support

@Suite struct CommandLineTests {
  /// Bad usage: one line naming the problem, the usage line, exit 2.
  @Test(arguments: [
    (["generate"], "error: missing SCENARIO"),
    (["generate", "x.json", "--count"], "error: option '--count' needs a value (N)"),
    (["generate", "x.json", "--count", "ten"], "error: invalid value 'ten' for '--count': expected a whole number of 1 or more"),
    (["generate", "x.json", "--count", "0"], "error: invalid value '0' for '--count': expected a whole number of 1 or more"),
    (
      ["generate", "x.json", "--seed", "-1"],
      "error: invalid value '-1' for '--seed': expected a whole number from 0 to 18446744073709551615"
    ),
    (["generate", "x.json", "--cont", "3"], "error: unknown option '--cont'; did you mean '--count'?"),
    (["generate", "a.json", "b.json"], "error: unexpected argument 'b.json'"),
    (["generate", "x.json", "--pretty=yes"], "error: option '--pretty' takes no value"),
    (["sign"], "error: missing --task-id ID"),
    (["verify", "a", "b"], "error: unexpected argument 'b'"),
  ])
  func usageErrors(arguments: [String], message: String) async {
    let result = await runTool(arguments)
    #expect(result.code == 2)
    let lines = result.stderr.split(separator: "\n")
    #expect(lines.first.map(String.init) == message)
    #expect(lines.count == 2 && lines[1].hasPrefix("usage: airudder-sim \(arguments[0])"))
    #expect(result.stdout.isEmpty)
  }

  @Test func unknownAndMissingCommands() async {
    let unknown = await runTool(["generat"])
    #expect(unknown.code == 2)
    #expect(unknown.stderr.hasPrefix("error: unknown command 'generat'; did you mean 'generate'?"))
    let none = await runTool([])
    #expect(none.code == 2 && none.stderr.hasPrefix("error: missing command"))
  }

  @Test func helpAndVersion() async {
    let help = await runTool(["--help"])
    #expect(help.code == 0 && help.stdout.contains("generate") && help.stdout.contains("verify"))
    #expect(await runTool(["--version"]).stdout == "\(Tool.version)\n")
    for command in ["generate", "sign", "verify"] {
      let result = await runTool([command, "--help"])
      #expect(result.code == 0 && result.stdout.contains("usage: airudder-sim \(command)"))
    }
  }

  @Test func badScenarioIsExit2WithTheFileNamed() async throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).json")
    try #"{ "dialer": { "connectRate": 2 } }"#.write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    let result = await runTool(["generate", file.path])
    #expect(result.code == 2)
    #expect(result.stderr == "error: \(file.path):1:15: dialer.connectRate: expected a rate from 0 to 1, got 2.0\n")
    let missing = await runTool(["generate", "/no/such.json"])
    #expect(missing.code == 2 && missing.stderr == "error: /no/such.json: cannot read scenario: no such file\n")
  }

  @Test func signPrintsTheSeedAnswer() async {
    let result = await runTool(["sign", "--task-id", "ac23fa05005e59b92e0b8a19fa5faf07"])
    #expect(result.code == 0 && result.stdout == "4d6017151d678e816c678d90e56e6e28\n")
    #expect(await runTool(["sign", "--task-id=abc", "--key", "k"]).stdout == MD5.hex("abck") + "\n")
  }

  @Test func generateWritesNDJSONThatVerifies() async throws {
    let smoke = RepositoryPath.scenario("smoke.json")
    let generated = await runTool(["generate", smoke, "--count", "5", "--key", "s3cret"])
    #expect(generated.code == 0)
    let lines = generated.stdout.split(separator: "\n")
    #expect(lines.count == 5)
    for line in lines { _ = try JSONDecoder().decode(CallCompletionNotification.self, from: Data(line.utf8)) }
    #expect(!generated.stdout.contains("s3cret"))

    let good = await runTool(["verify", "--key", "s3cret"], stdin: generated.stdout)
    #expect(good.code == 0 && good.stdout.hasPrefix("verified 5 notifications"))
    let bad = await runTool(["verify"], stdin: generated.stdout)
    #expect(bad.code == 1)
    #expect(bad.stderr.hasPrefix("error: <stdin>:1: notification 1: Sign"))

    let pretty = await runTool(["generate", smoke, "--count", "3", "--pretty"])
    #expect(pretty.stdout.split(separator: "\n").count > 3)
    #expect(await runTool(["verify", "-"], stdin: pretty.stdout).code == 0)
    #expect(
      await runTool(["generate", smoke, "--count", "3", "--seed", "7"]).stdout
        != runTool(["generate", smoke, "--count", "3"]).stdout)
  }

  @Test(arguments: [
    ("{\"TaskID\": \"a\"", "error: <stdin>:1: the JSON object starting here is not complete"),
    ("[1, 2]", "error: <stdin>:1: expected a JSON object, found '['"),
    ("{}\nnot json", "error: <stdin>:2: expected a JSON object, found 'n'"),
  ])
  func verifyRejectsMalformedInput(input: String, message: String) async {
    let result = await runTool(["verify"], stdin: input)
    #expect(result.code == 2)
    #expect(result.stderr == message + "\n")
  }

  @Test func verifyReportsMissingSign() async {
    let result = await runTool(["verify"], stdin: #"{"TaskID": "abc", "Details": []}"#)
    #expect(result.code == 1 && result.stderr.contains("missing Sign"))
  }
}
