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

/// No silent loss of output: every file the tool writes (report, journal, record, standard
/// output) that cannot be written in full is named with the system's reason, and the exit is
/// non-zero. Run on the real binary, with `/dev/full` standing in for a full disk.
@Suite(.serialized) struct OutputFailureTests {
  /// A fresh directory, removed by the caller.
  static func directory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("outputs-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// An empty file in `directory`, and a handle on it to give the tool as an output.
  static func capture(_ name: String, in directory: URL) throws -> (url: URL, handle: FileHandle) {
    let url = directory.appendingPathComponent(name)
    try Data().write(to: url)
    return (url, try FileHandle(forWritingTo: url))
  }

  /// Every line of `url` parses as a JSON object; returns how many there are.
  static func wholeLines(_ url: URL, sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
    let text = try String(contentsOf: url, encoding: .utf8)
    #expect(text.isEmpty || text.hasSuffix("\n"), "the last line is torn", sourceLocation: sourceLocation)
    let lines = text.split(separator: "\n")
    for (number, line) in lines.enumerated() {
      let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      #expect(object != nil, "line \(number + 1) is not JSON: \(line.suffix(80))", sourceLocation: sourceLocation)
    }
    return lines.count
  }

  static func isCharacterDevice(_ path: String) -> Bool {
    (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType) == .typeCharacterSpecial
  }

  @Test(arguments: [
    ("--journal", "/dev/full: cannot write the journal: No space left on device"),
    ("--report", "/dev/full: cannot write the report: No space left on device"),
    ("--record", "/dev/full: cannot write the record: No space left on device"),
  ])
  func fullDeviceIsNamedAndFailsTheRun(flag: String, message: String) async throws {
    let result = try await ToolProcess.run(["run", "Scenarios/smoke.json", "--quiet", flag, "/dev/full"])
    #expect(result.code == 1, "stderr: \(result.stderr)")
    #expect(result.stderr.contains("error: \(message)"), "stderr: \(result.stderr)")
    #expect(result.stdout.contains("delivered 10"), "the run itself still ends cleanly")
    // Written in place: the device is not replaced by a regular file (FileManager.createFile did).
    #expect(Self.isCharacterDevice("/dev/full"))
  }

  @Test(arguments: ["--report", "--journal", "--record"])
  func uncreatableFileIsAUsageErrorThatSaysCreate(flag: String) async throws {
    let result = try await ToolProcess.run(["run", "Scenarios/smoke.json", "--quiet", flag, "/nonexistent-dir/out.json"])
    #expect(result.code == 2)
    #expect(result.stderr.hasPrefix("error: /nonexistent-dir/out.json: cannot create the "), "stderr: \(result.stderr)")
    #expect(result.stderr.contains(": No such file or directory") && !result.stderr.contains("cannot read"))
  }

  @Test(arguments: [
    ["generate", "Scenarios/load.json", "--count", "2000"], ["sign", "--task-id", "t1"], ["--version"],
  ])
  func fullStandardOutputIsAnError(arguments: [String]) async throws {
    let directory = try Self.directory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let errors = try Self.capture("stderr.txt", in: directory)
    let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
    let launched = try ToolProcess.launch(arguments, stdout: full, stderr: errors.handle)
    let end = await launched.end()
    #expect(end.code == 1 && !end.signalled)
    #expect(
      try String(contentsOf: errors.url, encoding: .utf8) == "error: standard output: cannot write: No space left on device\n")
  }

  /// `generate | head`: the reader went away. Stop generating at once and end quietly with
  /// 141, the status of a tool killed by SIGPIPE (`set -o pipefail` sees the same).
  @Test func closedPipeStopsGenerateQuietly() async throws {
    let directory = try Self.directory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let errors = try Self.capture("stderr.txt", in: directory)
    let pipe = Pipe()
    let launched = try ToolProcess.launch(
      ["generate", "Scenarios/load.json"], stdout: pipe.fileHandleForWriting, stderr: errors.handle)
    try pipe.fileHandleForWriting.close()
    _ = try pipe.fileHandleForReading.read(upToCount: 100)
    try pipe.fileHandleForReading.close()
    let end = await launched.end()
    #expect(end.code == 141 && !end.signalled)
    #expect(try String(contentsOf: errors.url, encoding: .utf8) == "")
  }

  /// A file that fills part-way (here `ulimit -f`, as a full disk does): the error names the
  /// journal, the run still ends with its summary, and every line the journal kept is whole.
  @Test func journalThatFillsKeepsWholeLinesAndFailsTheRun() async throws {
    let directory = try Self.directory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let journal = directory.appendingPathComponent("journal.jsonl")
    let output = try Self.capture("stdout.txt", in: directory)
    let errors = try Self.capture("stderr.txt", in: directory)
    let launched = try ToolProcess.launch(
      ["run", "Scenarios/load.json", "--count", "2000", "--concurrency", "16", "--quiet", "--journal", journal.path],
      stdout: output.handle, stderr: errors.handle, limitFileSize: 64)
    let end = await launched.end()
    let stderr = try String(contentsOf: errors.url, encoding: .utf8)
    #expect(end.code == 1 && !end.signalled, "stderr: \(stderr)")
    #expect(stderr == "error: \(journal.path): cannot write the journal: File too large\n")
    #expect(try String(contentsOf: output.url, encoding: .utf8).contains("delivered 2000"))
    let kept = try Self.wholeLines(journal)
    #expect(kept > 0 && kept < 2000)
  }

  /// A second SIGINT exits at once, but never leaves an empty or torn report: it holds the
  /// state at that moment, marked interrupted; the journal is flushed on a whole line.
  @Test func secondInterruptLeavesACompleteReportAndJournal() async throws {
    let directory = try Self.directory()
    defer { try? FileManager.default.removeItem(at: directory) }
    // Half of the answers take a minute: after the first signal the run waits for them.
    let scenario = directory.appendingPathComponent("slow.json")
    try """
    { version: 1, name: "slow", scene: "collection", seed: 42, workflows: 1, contactsPerWorkflow: 40,
      load: { concurrency: 8 }, retry: { timeout: "120s", interval: "60s", maxRetries: 5 },
      receiver: { delay: "60s", delayRate: 0.5 } }
    """.write(to: scenario, atomically: true, encoding: .utf8)
    let report = directory.appendingPathComponent("report.json")
    let journal = directory.appendingPathComponent("journal.jsonl")
    let record = directory.appendingPathComponent("record.jsonl")
    let errors = try Self.capture("stderr.txt", in: directory)
    let launched = try ToolProcess.launch(
      ["run", scenario.path, "--quiet", "--report", report.path, "--journal", journal.path, "--record", record.path],
      stdout: FileHandle.nullDevice, stderr: errors.handle)
    func lines(_ url: URL) -> Int {
      ((try? String(contentsOf: url, encoding: .utf8)) ?? "").split(separator: "\n").count
    }
    // Some attempts were answered and journaled (within a quarter second); the rest wait.
    #expect(await eventually { lines(journal) >= 2 })
    let journaledBefore = lines(journal)
    launched.interrupt()
    #expect(await eventually { ((try? String(contentsOf: errors.url, encoding: .utf8)) ?? "").contains("stopping") })
    launched.interrupt()
    let end = await launched.end()
    #expect(end.code == 130 && !end.signalled)

    let data = try Data(contentsOf: report)
    #expect(!data.isEmpty, "a 0-byte report")
    let decoded = try JSONDecoder().decode(RunReport.self, from: data)
    #expect(decoded.interrupted && decoded.exitCode == 130)
    #expect(decoded.notifications.balanced, "open notifications are closed as abandoned or cancelled: \(decoded.notifications)")
    let journaled = try Self.wholeLines(journal)
    // The journal is closed before the ledger is read: it holds no attempt the report lacks.
    #expect(
      journaled >= journaledBefore && journaled <= decoded.attempts.total,
      "journal \(journaled), report \(decoded.attempts.total)")
    _ = try Self.wholeLines(record)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".tmp") }
    #expect(leftovers.isEmpty)
  }
}
