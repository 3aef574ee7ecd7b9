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

@Suite(.serialized) struct RunCommandTests {
  @Test(arguments: [
    (["run"], "error: missing SCENARIO"),
    (
      ["run", "Scenarios/smoke.json", "--rate", "fast"],
      "error: invalid value 'fast' for '--rate': expected notifications per second above 0"
    ),
    (
      ["run", "Scenarios/smoke.json", "--rate", "5", "--timeline"],
      "error: invalid value '5.0' for '--rate': expected either --rate or --timeline, not both"
    ),
    (
      ["run", "Scenarios/smoke.json", "--url", "http://127.0.0.1:99999/"],
      #"error: invalid value 'http://127.0.0.1:99999/' for '--url': expected a port from 1 to 65535 in "http://127.0.0.1:99999/", got 99999"#
    ),
    (
      ["run", "Scenarios/smoke.json", "--url", "ftp://host/x"],
      #"error: invalid value 'ftp://host/x' for '--url': unsupported scheme "ftp" in "ftp://host/x"; expected http or https"#
    ),
    (
      ["run", "Scenarios/smoke.json", "--url", "not a url"],
      #"error: invalid value 'not a url' for '--url': expected an absolute http or https URL, got "not a url""#
    ),
    (
      ["run", "Scenarios/smoke.json", "--duration", "soon"],
      "error: invalid value 'soon' for '--duration': expected a duration such as 10s, 250ms or 1m"
    ),
    (
      ["run", "Scenarios/smoke.json", "--max-p99", "500"],
      "error: invalid value '500' for '--max-p99': a duration needs a unit; did you mean 500ms or 500s?"
    ),
    (
      ["run", "Scenarios/smoke.json", "--timeout", "10"],
      "error: invalid value '10' for '--timeout': a duration needs a unit; did you mean 10ms or 10s?"
    ),
    (
      ["run", "Scenarios/smoke.json", "--timeout", "1e308"],
      "error: invalid value '1e308' for '--timeout': expected a duration of at most 30 days (720h)"
    ),
    (
      ["run", "Scenarios/smoke.json", "--duration", "1e308"],
      "error: invalid value '1e308' for '--duration': expected a duration of at most 30 days (720h)"
    ),
    (
      ["run", "Scenarios/smoke.json", "--retry-interval", "720h1ms"],
      "error: invalid value '720h1ms' for '--retry-interval': expected a duration of at most 30 days (720h)"
    ),
    (["run", "Scenarios/smoke.json", "--report", ""], "error: invalid value '' for '--report': expected a file path"),
    (["receive", "--scenario="], "error: invalid value '' for '--scenario': expected a file path"),
    (
      ["receive", "--host", "localhost:80"],
      "error: invalid value 'localhost:80' for '--host': expected an IPv4 or IPv6 address such as 127.0.0.1 or ::1"
    ),
    (
      ["receive", "--delay", "1e308"], "error: invalid value '1e308' for '--delay': expected a duration of at most 30 days (720h)"
    ),
    (
      ["receive", "--down-for", "5"],
      "error: invalid value '5' for '--down-for': a duration needs a unit; did you mean 5ms or 5s?"
    ),
    (
      ["run", "Scenarios/smoke.json", "--concurrency", "0"],
      "error: invalid value '0' for '--concurrency': expected a whole number from 1 to 10000"
    ),
    (
      ["run", "Scenarios/smoke.json", "--min-success-rate", "2"],
      "error: invalid value '2' for '--min-success-rate': expected a rate from 0 to 1, or a percentage such as 99%"
    ),
    (
      ["run", "Scenarios/smoke.json", "--record", "r.jsonl", "--url", "http://127.0.0.1:9/"],
      "error: invalid value 'r.jsonl' for '--record': expected a run with the built-in receiver (no --url)"
    ),
    (
      ["run", "Scenarios/smoke.json", "--transport", "curl"],
      "error: invalid value 'curl' for '--transport': expected auto, sockets or urlsession"
    ),
    (
      ["run", "Scenarios/smoke.json", "--transport", "urlsession", "--url", "https://127.0.0.1:9/", "--cacert", "ca.pem"],
      "error: invalid value 'ca.pem' for '--cacert': URLSession cannot do this; use --transport sockets (or auto)"
    ),
    (["receive", "--port", "70000"], "error: invalid value '70000' for '--port': expected a whole number from 0 to 65535"),
    (["receive", "--error-rate", "1.5"], "error: invalid value '1.5' for '--error-rate': expected a rate from 0 to 1"),
  ])
  func usageErrors(arguments: [String], message: String) async {
    let result = await runTool(arguments.map { $0 == "Scenarios/smoke.json" ? RepositoryPath.scenario("smoke.json") : $0 })
    #expect(result.code == 2)
    #expect(result.stderr.split(separator: "\n").first.map(String.init) == message)
  }

  /// The issue's "done when": the retry story, reconciled, with no other software.
  @Test func retryDemoTellsTheWholeStory() async throws {
    let result = try await ToolProcess.run(["run", "Scenarios/retry-demo.json", "--quiet"])
    #expect(result.code == 0, "stderr: \(result.stderr)")
    for line in [
      "generated 12  delivered 11  dropped 1  abandoned 0  cancelled 0", "#1: 7  #2: 1  #3: 3", "timeout 1",
      "accepted 11", "duplicates 1", "balanced",
    ] {
      #expect(result.stdout.contains(line), "missing \(line) in\n\(result.stdout)")
    }
    #expect(result.stderr.isEmpty)
  }

  /// SIGINT while retries wait: they are abandoned, the report is written, exit 130.
  @Test func interruptWithRetriesWaiting() async throws {
    let report = FileManager.default.temporaryDirectory.appendingPathComponent("interrupt-\(UUID().uuidString).json")
    defer { try? FileManager.default.removeItem(at: report) }
    let result = try await ToolProcess.run(
      ["run", "Scenarios/retry-demo.json", "--time-scale", "1", "--report", report.path, "--quiet"], interruptAfter: 3)
    #expect(result.code == 130)
    #expect(result.stderr.contains("stopping"))
    let decoded = try JSONDecoder().decode(RunReport.self, from: Data(contentsOf: report))
    #expect(decoded.interrupted && decoded.notifications.balanced && decoded.notifications.abandoned > 0)
    #expect(decoded.exitCode == 130)
  }

  @Test func unreachableURLExitsOneWithConnectionErrors() async throws {
    let result = try await ToolProcess.run([
      "run", "Scenarios/smoke.json", "--url", "http://127.0.0.1:9/", "--count", "2", "--max-retries", "1", "--retry-interval",
      "100ms", "--quiet",
    ])
    #expect(result.code == 1)
    #expect(result.stdout.contains("dropped 2"))
    #expect(result.stdout.contains("connection refused"))
  }
}
