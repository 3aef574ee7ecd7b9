import Foundation
import Testing

@testable import AIRudderSimCLI
@testable import Contract
@testable import Delivery
@testable import HTTP1
@testable import Receiver
@testable import Reporting
@testable import Scenario
@testable import Support

/// What a user sees while `run` works.
@Suite struct RunSessionTests {
  /// The retry demo slowed to real time (a retry a minute), on the built-in receiver.
  static func slowDemo(quiet: Bool) throws -> RunOptions {
    let parsed = try ParsedArguments.parse(
      [RepositoryPath.scenario("retry-demo.json"), "--time-scale", "1"] + (quiet ? ["--quiet"] : []), spec: RunCommand.spec)
    return try RunCommand.options(from: parsed)
  }

  /// The header (target, mode, transport, policy) is out before the run ends.
  @Test func headerComesFirst() async throws {
    let stdout = OutputSink.memory()
    let session = RunSession(options: try Self.slowDemo(quiet: true), stdout: stdout, stderr: .memory())
    let run = Task { try await session.execute() }
    let sawHeader = await eventually { stdout.text.contains("retry policy: timeout 10s") }
    session.stop()
    _ = try await run.value
    #expect(sawHeader, "the header was not printed while the run was going")
    #expect(stdout.text.hasPrefix("airudder-sim run: retry-demo -> http://127.0.0.1:"))
  }

  /// Without a terminal and without --quiet, a plain progress line (every 10 s by default) shows
  /// a CI log that a long run is alive.
  @Test func plainProgressWhenNotATerminal() async throws {
    var options = try Self.slowDemo(quiet: false)
    options.plainProgressInterval = .milliseconds(50)
    let stderr = OutputSink.memory()
    let session = RunSession(options: options, stdout: .memory(), stderr: stderr)
    let run = Task { try await session.execute() }
    let sawProgress = await eventually { stderr.text.contains("waiting retry") }
    session.stop()
    _ = try await run.value
    #expect(sawProgress)
    let line = stderr.text.split(separator: "\n").first { $0.hasPrefix("progress ") }.map(String.init) ?? ""
    for part in ["sent ", "delivered ", "in flight ", "waiting retry ", "dropped ", "abandoned ", "p99 "] {
      #expect(line.contains(part), "missing \(part) in \(line)")
    }
    #expect(!stderr.text.contains("\u{1B}"), "no terminal codes in a log")
  }

  /// The progress line names the requests in flight and, in rate mode, the target rate.
  @Test(arguments: [(nil, "2.0/s  p99"), (20.0, "2.0/s of 20.0/s  p99")] as [(Double?, String)])
  func progressLineNamesInFlightAndTarget(target: Double?, pace: String) {
    var counts = RunThresholdsTests.counts(delivered: 3)
    counts.inFlight = 7
    let line = RunProgress(live: false, targetRate: target).line(counts, elapsed: 1.5, rate: 2, color: false)
    #expect(line.contains("in flight 7"))
    #expect(line.contains(pace), "\(line)")
  }
}
