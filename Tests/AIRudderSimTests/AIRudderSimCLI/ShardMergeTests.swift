import Foundation
import Testing

@testable import AIRudderSimCLI
@testable import Receiver
@testable import Reporting

/// Four shard processes of the built tool against one receiver, then `merge`: the receiver saw
/// exactly the whole run's CallIDs (as `generate` gives them), and the merged figures equal the
/// receiver's. Then the held-out cases: a shard of another shard count, a shard missing, one
/// repeated, each refused naming the files.
@Suite(.serialized) struct ShardMergeTests {
  static let scenarioText = """
    { name: "shards", seed: 7, workflows: 3, contactsPerWorkflow: 40, dialer: { lines: 5 }, aggregation: { maxBatch: 4 },
      load: { concurrency: 8 } }
    """

  /// CallIDs of every notification in NDJSON `text`, taken from `notification` when it is a record.
  static func callIDs(_ text: String) throws -> [String] {
    try text.split(separator: "\n").flatMap { line -> [String] in
      let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      let notification = (object["notification"] as? [String: Any]) ?? object
      let details = try #require(notification["Details"] as? [[String: Any]])
      return details.compactMap { $0["CallID"] as? String }
    }
  }

  @Test func fourShardsMakeTheWholeRun() async throws {
    let folder = try ChildRun.scratchFolder("shards")
    defer { try? FileManager.default.removeItem(at: folder) }
    let scenarioPath = folder.appendingPathComponent("shards.json").path
    try Self.scenarioText.write(toFile: scenarioPath, atomically: true, encoding: .utf8)
    var configuration = ReceiverConfiguration()
    configuration.recordPath = folder.appendingPathComponent("received.jsonl").path
    let receiver = try MockReceiver.start(configuration: configuration)
    defer { receiver.stop() }

    let shards = 4
    let count = 50
    let reports = (0..<shards).map { folder.appendingPathComponent("shard-\($0).json").path }
    let results = try await withThrowingTaskGroup(of: ToolProcess.Result.self) { group in
      for index in 0..<shards {
        group.addTask {
          try await ToolProcess.run([
            "run", scenarioPath, "--url", receiver.url.absoluteString, "--shard", "\(index)/\(shards)", "--count", "\(count)",
            "--start-at", "+1s", "--report", reports[index], "--quiet",
          ])
        }
      }
      return try await group.reduce(into: []) { $0.append($1) }
    }
    for result in results { #expect(result.code == 0, "\(result.stdout)\(result.stderr)") }
    receiver.stop()

    let generated = await runTool(["generate", scenarioPath, "--count", "\(count)"])
    let expected = try Self.callIDs(generated.stdout)
    let received = try Self.callIDs(try String(contentsOfFile: configuration.recordPath!, encoding: .utf8))
    #expect(Set(received) == Set(expected), "the receiver's unique CallIDs are the whole run's")
    #expect(received.count == expected.count, "none twice")

    let mergedPath = folder.appendingPathComponent("merged.json").path
    let htmlPath = folder.appendingPathComponent("merged.html").path
    let merge = await runTool(["merge"] + reports + ["--report", mergedPath, "--html", htmlPath])
    #expect(merge.code == 0, "\(merge.stderr)")
    #expect(merge.stdout.hasPrefix("airudder-sim merge: shards (seed 7, --count \(count)), 4 of 4 shards"))
    let page = try String(contentsOfFile: htmlPath, encoding: .utf8)
    #expect(page.contains("4 of 4 shards") && page.contains("<svg"))
    let merged = try RunReport.read(path: mergedPath)
    let counts = receiver.counts()
    #expect(merged.notifications.generated == count)
    #expect(merged.notifications.delivered == counts.accepted)
    #expect(merged.attempts.total == counts.requests)
    #expect(merged.latencyHistogram.count == UInt64(counts.requests))
    #expect(counts.uniqueCalls == expected.count && counts.duplicates == 0)
    #expect(merged.timeSeries.intervals.map(\.started).reduce(0, +) == count)

    // Held out: another shard count, a shard missing, a shard repeated.
    let other = folder.appendingPathComponent("other-0-of-2.json").path
    let second = try MockReceiver.start(configuration: ReceiverConfiguration())
    defer { second.stop() }
    let otherRun = try await ToolProcess.run([
      "run", scenarioPath, "--url", second.url.absoluteString, "--shard", "0/2", "--count", "\(count)", "--report", other,
      "--quiet",
    ])
    #expect(otherRun.code == 0)
    let cases: [([String], String)] = [
      ([other] + reports.dropFirst(), "shard count 2 in \(other); 4 in \(reports[1]), \(reports[2]), \(reports[3])"),
      (Array(reports.dropLast()), "shard 3/4 missing: \(reports[0]), \(reports[1]), \(reports[2]) hold 3 of 4"),
      (reports + [reports[2]], "shard 2/4 is given more than once (\(reports[2]), \(reports[2]))"),
      ([mergedPath] + reports, "\(mergedPath) is a merged report"),
    ]
    for (files, message) in cases {
      let refused = await runTool(["merge"] + files)
      #expect(refused.code == 2 && refused.stderr.contains(message), "\(refused.stderr)")
      #expect(refused.stdout.isEmpty)
    }
    let partial = await runTool(["merge", "--allow-partial"] + reports.dropLast())
    #expect(partial.code == 0 && partial.stderr.contains("warning: partial merge: shard 3/4 missing"))
  }
}
