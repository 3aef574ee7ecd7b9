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

#if canImport(Glibc)
  import Glibc
#endif

/// Property: whatever value any flag of any command gets, the tool ends with exit 0, 1 or 2,
/// never a signal, and a refusal (exit 2) names the flag. Flags come from each command's
/// `CommandSpec`, so a new flag is covered without touching this test. Each case runs the
/// real binary in a scratch folder (file flags write there).
@Suite(.serialized) struct HostileFlagPropertyTests {
  static let casesPerFlag = Int(ProcessInfo.processInfo.environment["HOSTILE_CASES"] ?? "") ?? 3
  static let seed = UInt64(ProcessInfo.processInfo.environment["HOSTILE_SEED"] ?? "") ?? 0xF1A6

  struct Case: Sendable {
    var command: String
    var flag: String
    /// `--flag value`, or `--flag=value` for a flag that takes none (refused).
    var words: [String]
    var takesFile: Bool
  }

  /// The words before the hostile flag: each command bounded so that every case ends soon
  /// (`run` on the built-in receiver with a count, a duration and short timeouts). The
  /// hostile flag comes last, so it wins over these. `report` is a report for `merge` and `report`.
  static func prefix(_ command: String, report: String = "report.json") -> [String] {
    let smoke = RepositoryPath.scenario("smoke.json")
    switch command {
    case "run":
      return ["run", smoke, "--quiet", "--count", "2", "--duration", "2s", "--timeout", "500ms", "--retry-interval", "100ms"]
    case "generate": return ["generate", smoke, "--count", "2"]
    case "receive": return ["receive", "--port", "0", "--until", "1", "--quiet"]
    case "sign": return ["sign", "--task-id", "ac23fa05005e59b92e0b8a19fa5faf07"]
    // Nothing listens on port 1: a check that gets past its flags ends at once (exit 1).
    case "check": return ["check", "http://127.0.0.1:1/", "--only", "shape.page-example"]
    case "merge", "report": return [command, report]
    default: return [command, "-"]
    }
  }

  static var cases: [Case] {
    var values = HostileValues(seed: seed)
    var cases: [Case] = []
    for command in Tool.commands.map(\.spec) {
      for option in command.options where option.name != "--help" {
        for _ in 0..<casesPerFlag {
          let value = values.word()
          let words = option.valueName == nil ? ["\(option.name)=\(value)"] : [option.name, value]
          cases.append(
            Case(command: command.name, flag: option.name, words: words, takesFile: ["FILE", "OUT"].contains(option.valueName)))
        }
      }
    }
    return cases
  }

  @Test func everyCommandHasCases() {
    let covered = Set(Self.cases.map(\.command))
    #expect(covered == Set(Tool.commands.map(\.spec.name)))
    #expect(Self.cases.contains { $0.command == "receive" && $0.flag == "--delay" })
  }

  @Test func hostileFlagValuesNeverCrashAndRefusalsNameTheFlag() async throws {
    let folder = try ChildRun.scratchFolder("hostile-flags")
    defer { try? FileManager.default.removeItem(at: folder) }
    let notification = await runTool(["generate", RepositoryPath.scenario("smoke.json"), "--count", "1"]).stdout
    let report = folder.appendingPathComponent("shard-report.json").path
    let shard = await runTool(["run", RepositoryPath.scenario("smoke.json"), "--count", "2", "--quiet", "--report", report])
    #expect(shard.code == 0, "a report for merge's and report's cases: \(shard.stderr)")
    let failures = FailureList()
    try await ChildRun.forEach(Self.cases) { item in
      let arguments = Self.prefix(item.command, report: report) + item.words
      let outcome = try await ChildRun.run(arguments, in: folder) { process, stdout in
        if item.command == "receive" { await Self.drive(process, stdout: stdout, posting: notification) }
      }
      let shown = item.words.map { $0.count > 60 ? String($0.prefix(60)) + "…" : $0 }.joined(separator: " ")
      if outcome.signalled || outcome.timedOut || ![0, 1, 2].contains(outcome.status) {
        failures.add("\(item.command) \(shown): \(outcome.summary): \(outcome.stderr.prefix(300))")
      } else if outcome.status == 2 {
        // A file flag may name its file instead ("report.json: cannot write …").
        // The child sees an argument up to its first NUL, as execve passes C strings.
        let value = item.words.count == 2 ? String(item.words[1].prefix { $0 != "\0" }) : ""
        let named =
          outcome.stderr.contains("'\(item.flag)'")
          || (item.takesFile && !value.isEmpty && outcome.stderr.contains(String(value.prefix(200))))
        if !named { failures.add("\(item.command) \(shown): exit 2 without naming the flag: \(outcome.stderr.prefix(300))") }
      }
    }
    for failure in failures.all { Issue.record("\(failure)") }
  }

  /// Lets a `receive` child answer one notification (a delay or a fault is applied then),
  /// then interrupts it if it has not stopped by itself (`--until 1`).
  static func drive(_ process: Process, stdout: URL, posting notification: String) async {
    let deadline = Date().addingTimeInterval(20)
    var port: UInt16?
    while process.isRunning, port == nil, Date() < deadline {
      let text = (try? String(contentsOf: stdout, encoding: .utf8)) ?? ""
      if let range = text.range(of: "listening on http://") {
        let rest = text[range.upperBound...]
        let hostPort = rest.prefix { $0 != "/" && $0 != " " && $0 != "\n" }
        port = hostPort.split(separator: ":").last.flatMap { UInt16($0) }
      }
      if port == nil { try? await Task.sleep(for: .milliseconds(20)) }
    }
    if let port, let client = try? RawClient(port: port, timeout: 2) {
      let body = Array(notification.utf8)
      client.send(
        "POST /hook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n")
      client.send(body)
      _ = client.readResponses(1)
    }
    let stopBy = Date().addingTimeInterval(2)
    while process.isRunning && Date() < stopBy { try? await Task.sleep(for: .milliseconds(20)) }
    if process.isRunning { process.interrupt() }
  }
}
