import Foundation
import Testing

@testable import AIRudderSimCLI
@testable import Contract
@testable import Delivery
@testable import Generation
@testable import HTTP1
@testable import Reporting
@testable import Scenario
@testable import Support

@Suite struct ReplayTests {
  /// `generate`'s notifications for smoke.json, each as its own bytes (compact or indented).
  static func generated(pretty: Bool = false, key: String = Signer.defaultKey) throws -> [Data] {
    var signer = Signer(key: key)
    var writer = JSONByteWriter(pretty: pretty)
    return try NotificationGenerator(scenario: ScenarioLoader.load(path: RepositoryPath.scenario("smoke.json"))).map {
      var item = $0
      signer.sign(&item.notification)
      writer.reset()
      item.notification.write(to: &writer)
      return writer.withBytes { Data($0) }
    }
  }

  enum Layout: String, CaseIterable, Sendable {
    case ndjson, crlf, concatenated, indented, array, captured
  }

  /// The file's text and the notifications in it, each as the bytes that must be posted.
  static func input(_ layout: Layout) throws -> (text: Data, objects: [Data]) {
    func joined(_ objects: [Data], _ separator: String, _ prefix: String = "", _ suffix: String = "") -> Data {
      var text = Data(prefix.utf8)
      for (index, object) in objects.enumerated() {
        if index > 0 { text.append(Data(separator.utf8)) }
        text.append(object)
      }
      text.append(Data(suffix.utf8))
      return text
    }
    switch layout {
    case .ndjson:
      let objects = try generated()
      return (joined(objects, "\n", "", "\n"), objects)
    case .crlf:
      let objects = try generated()
      return (joined(objects, "\r\n", "\r\n", "\r\n"), objects)
    case .concatenated:
      let objects = try generated()
      return (joined(objects, ""), objects)
    case .indented:
      let objects = try generated(pretty: true)
      return (joined(objects, "\n\n", "", "\n"), objects)
    case .array:
      let objects = try generated()
      return (joined(objects, ",\n  ", "[\n  ", "\n]\n"), objects)
    case .captured:
      // The vendor page's example as captured: its own spacing and order, kept byte for byte.
      let text = try Data(contentsOf: RepositoryPath.fixture("seed-example.json"))
      let start = text.firstIndex(of: UInt8(ascii: "{"))!
      let end = text.lastIndex(of: UInt8(ascii: "}"))!
      return (text, [Data(text[start...end])])
    }
  }

  static func write(_ text: Data, _ name: String = "payloads.json") throws -> (folder: URL, path: String) {
    let folder = try ChildRun.scratchFolder("replay")
    let url = folder.appendingPathComponent(name)
    try text.write(to: url)
    return (folder, url.path)
  }

  /// Replays through the dispatcher against a scripted receiver; returns what was posted.
  static func replay(
    _ payloads: ReplayPayloads, mode: LoadSettings.Mode = .concurrency, timeScale: Double = 1, shard: Shard = .whole,
    respond: @escaping @Sendable (Int, Data) -> (AttemptOutcome, Duration) = { _, _ in (.response(status: 200), .zero) }
  ) async -> (RunCounts, [ScriptedTransport<ImmediateTestClock>.Post]) {
    let clock = ImmediateTestClock()
    let transport = ScriptedTransport(clock: clock, advance: { clock.advance(by: $0) }, respond: respond)
    var plan = DeliveryPlan(mode: mode, concurrency: 1, policy: RetryPolicy(timeScale: timeScale))
    plan.replay = payloads
    plan.shard = shard
    let ledger = RunLedger(maxAttempts: plan.policy.maxAttempts)
    await Dispatcher(scenario: Scenario(), plan: plan, transport: transport, clock: clock, recorder: ledger).run()
    return (ledger.snapshot(), transport.recorded)
  }

  /// Each notification is posted with exactly the bytes it had in the file, retries too, and
  /// accounted for as generated ones are.
  @Test(arguments: Layout.allCases)
  func replaySendsIdenticalBytes(_ layout: Layout) async throws {
    let (text, objects) = try Self.input(layout)
    let (folder, path) = try Self.write(text)
    defer { try? FileManager.default.removeItem(at: folder) }
    let payloads = try ReplayPayloads.load(path: path, stdin: .nullDevice, timeline: false, resignKey: nil)
    let (counts, posts) = await Self.replay(payloads) { attempt, _ in
      (attempt == 1 ? .response(status: 503) : .response(status: 200), .milliseconds(5))
    }
    #expect(posts.filter { $0.attempt == 1 }.map(\.body) == objects)
    // Retries wait beside the worker and take the slot in the order they wake, which the
    // scheduler decides: each notification's retry carries its bytes, in whatever order.
    let bytewise: (Data, Data) -> Bool = { $0.lexicographicallyPrecedes($1) }
    #expect(
      posts.filter { $0.attempt == 2 }.map(\.body).sorted(by: bytewise) == objects.sorted(by: bytewise),
      "a retry resends the same bytes")
    #expect(counts.generated == objects.count && counts.delivered == objects.count && counts.isBalanced)
    #expect(counts.deliveredDetails == objects.reduce(0) { $0 + (try! Self.details(in: $1)) })
  }

  /// A byte-order mark before the first object (as Windows tools save captures) is skipped, and
  /// the objects after it are sent byte for byte.
  @Test func byteOrderMarkIsSkipped() async throws {
    let (text, objects) = try Self.input(.ndjson)
    let (folder, path) = try Self.write(Data([0xEF, 0xBB, 0xBF]) + text)
    defer { try? FileManager.default.removeItem(at: folder) }
    let payloads = try ReplayPayloads.load(path: path, stdin: .nullDevice, timeline: false, resignKey: nil)
    let (_, posts) = await Self.replay(payloads)
    #expect(posts.map(\.body) == objects)
  }

  /// A shard replays its share of the file by position, as it sends its share of a generated
  /// run: the shares of every shard count together are the whole file, none twice.
  @Test(arguments: [2, 3])
  func shardsReplayTheirShareByPosition(count: Int) async throws {
    let (text, objects) = try Self.input(.ndjson)
    let (folder, path) = try Self.write(text)
    defer { try? FileManager.default.removeItem(at: folder) }
    let payloads = try ReplayPayloads.load(path: path, stdin: .nullDevice, timeline: false, resignKey: nil)
    var union: [Data] = []
    for index in 0..<count {
      let (counts, posts) = await Self.replay(payloads, shard: Shard(index: index, count: count))
      let expected = objects.enumerated().filter { $0.offset % count == index }.map(\.element)
      #expect(posts.map(\.body) == expected, "shard \(index)/\(count)")
      #expect(counts.generated == expected.count && counts.isBalanced)
      union += posts.map(\.body)
    }
    #expect(union.count == objects.count && Set(union) == Set(objects))
  }

  static func details(in object: Data) throws -> Int {
    let json = try JSONSerialization.jsonObject(with: object) as! [String: Any]
    return (json["Details"] as! [Any]).count
  }

  /// `--resign` replaces each Sign by md5(TaskID + KEY) and changes no other byte.
  @Test(arguments: [Layout.ndjson, .indented, .captured])
  func resignChangesOnlyTheSign(_ layout: Layout) async throws {
    let (text, objects) = try Self.input(layout)
    let (folder, path) = try Self.write(text)
    defer { try? FileManager.default.removeItem(at: folder) }
    let payloads = try ReplayPayloads.load(path: path, stdin: .nullDevice, timeline: false, resignKey: "their-key")
    let (_, posts) = await Self.replay(payloads)
    #expect(posts.count == objects.count)
    for (post, original) in zip(posts, objects) {
      let before = try JSONSerialization.jsonObject(with: original) as! [String: Any]
      let after = try JSONSerialization.jsonObject(with: post.body) as! [String: Any]
      let taskID = before["TaskID"] as! String
      let oldSign = before["Sign"] as! String
      let newSign = after["Sign"] as! String
      #expect(newSign == Signer.sign(taskID: taskID, key: "their-key"))
      #expect(newSign != oldSign)
      // Putting the old Sign back gives the original bytes.
      let body = String(decoding: post.body, as: UTF8.self)
      #expect(
        body.replacingOccurrences(of: "\"\(newSign)\"", with: "\"\(oldSign)\"") == String(decoding: original, as: UTF8.self))
    }
  }

  /// `--timeline` posts each at its latest CallEndTime / time scale, earliest first, whatever
  /// the file's order.
  @Test func timelineSendsEachAtItsLatestCallEndTime() async throws {
    let objects = try Self.generated()
    let (folder, path) = try Self.write(Data(objects.reversed().joined(separator: [10])))
    defer { try? FileManager.default.removeItem(at: folder) }
    let payloads = try ReplayPayloads.load(path: path, stdin: .nullDevice, timeline: true, resignKey: nil)
    let ends = try objects.map { object -> Int64 in
      let json = try JSONSerialization.jsonObject(with: object) as! [String: Any]
      return (json["Details"] as! [[String: Any]]).map { UTCTime.parseISO8601($0["CallEndTime"] as! String)! }.max()!
    }
    let order = ends.indices.sorted { (ends[$0], $0) < (ends[$1], $1) }
    let intended = order.map { Duration.seconds(Double(ends[$0] - ends[order[0]]) / 60) }

    let clock = ManualTestClock()
    let transport = ScriptedTransport(clock: clock) { _, _ in (.response(status: 200), .zero) }
    var plan = DeliveryPlan(mode: .timeline, concurrency: 4, policy: RetryPolicy(timeScale: 60))
    plan.replay = payloads
    let ledger = RunLedger(maxAttempts: 6)
    let dispatcher = Dispatcher(scenario: Scenario(), plan: plan, transport: transport, clock: clock, recorder: ledger)
    let run = Task { await dispatcher.run() }
    for index in intended.indices {
      #expect(await eventually { transport.recorded.count >= index + 1 })
      if index + 1 < intended.count && intended[index + 1] > intended[index] {
        #expect(await eventually { clock.sleeperCount == 1 })
        clock.advance(by: intended[index + 1] - intended[index])
      }
    }
    await run.value(unstick: { clock.advance(by: .seconds(3600)) })
    #expect(transport.recorded.map(\.body) == order.map { objects[$0] }, "earliest first")
    #expect(transport.recorded.map(\.started.offset) == intended, "each at its latest CallEndTime / 60")
  }

  struct Malformed: Sendable, CustomTestStringConvertible {
    var text: String
    var message: String
    var timeline = false
    var resign = false
    var testDescription: String { message }
  }

  static let malformed: [Malformed] = [
    Malformed(text: "{\"a\": 1}\n{\"b\": [1, 2,]}\n", message: "p.json:2:13: unexpected character ']', expected a value"),
    Malformed(
      text: "{\"a\": 1}\n\n{\"b\": {\"c\": 1}\n",
      message: "p.json:4:1: the notification starting at line 3, column 1 is not complete"),
    Malformed(text: "[{\"a\": 1} {\"b\": 2}]", message: "p.json:1:11: expected ',' or ']' after a notification"),
    Malformed(text: "{\"a\": \"x\ny\"}", message: "p.json:1:9: control character 0xA in a string (write it escaped)"),
    Malformed(text: "{\"a\": 01}", message: "p.json:1:8: expected ',' or '}', found '1'"),
    Malformed(text: "{\"a\": 1}, {\"b\": 2}", message: "p.json:1:9: expected a notification (a JSON object)"),
    Malformed(text: "  garbage", message: "p.json:1:3: expected a notification (a JSON object)"),
    Malformed(text: "{'a': 1}", message: "p.json:1:2: expected a key in double quotes, found '''"),
    Malformed(text: "[{\"a\": 1}] {}", message: "p.json:1:12: unexpected text after the array"),
    Malformed(text: " \n", message: "p.json: no notification to send"),
    Malformed(
      text: "{\"TaskID\": \"t\", \"Sign\": \"s\"}\n{\"TaskID\": \"t\"}\n",
      message: "p.json:2:1: notification 2: no Sign string to replace (--resign)", resign: true),
    Malformed(
      text: "{\"Details\": [{\"CallID\": \"c\"}]}",
      message: "p.json:1:1: notification 1: no Details[].CallEndTime (yyyy-MM-ddTHH:mm:ssZ) to time it by (--timeline)",
      timeline: true),
  ]

  /// A malformed object is refused, naming its line and column, before anything is sent.
  @Test(arguments: malformed)
  func malformedInputNamesItsLine(_ bad: Malformed) throws {
    let (folder, path) = try Self.write(Data(bad.text.utf8), "p.json")
    defer { try? FileManager.default.removeItem(at: folder) }
    let error = #expect(throws: ReplayError.self) {
      try ReplayPayloads.load(path: path, stdin: .nullDevice, timeline: bad.timeline, resignKey: bad.resign ? "k" : nil)
    }
    #expect(error?.errorDescription?.replacingOccurrences(of: folder.path + "/", with: "") == bad.message)
  }

  /// `run --payloads -` reads standard input; the built-in receiver accepts every one and
  /// records what it received.
  @Test func payloadsFromStandardInput() async throws {
    let (text, objects) = try Self.input(.ndjson)
    let folder = try ChildRun.scratchFolder("replay-stdin")
    defer { try? FileManager.default.removeItem(at: folder) }
    let record = folder.appendingPathComponent("received.jsonl")
    let result = await runTool(
      ["run", "--payloads", "-", "--quiet", "--record", record.path], stdin: String(decoding: text, as: UTF8.self))
    #expect(result.code == 0, "\(result.stderr)")
    #expect(result.stdout.contains("generated \(objects.count)  delivered \(objects.count)"))
    let received = try String(contentsOf: record, encoding: .utf8).split(separator: "\n").map {
      let line = try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
      return try JSONSerialization.data(withJSONObject: line["notification"]!, options: .sortedKeys)
    }
    let sent = try objects.map {
      try JSONSerialization.data(withJSONObject: JSONSerialization.jsonObject(with: $0), options: .sortedKeys)
    }
    #expect(Set(received) == Set(sent) && received.count == sent.count)
  }

  /// A bad file stops `run` before its header, so nothing was sent (exit 2).
  @Test func malformedInputStopsTheRunBeforeItStarts() async throws {
    let result = await runTool(["run", "--payloads", "-"], stdin: "{\"a\": 1}\n{\"b\": tru}\n")
    #expect(result.code == 2)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr == "error: <stdin>:2:7: unexpected character '}', expected true\n")
  }

  @Test(arguments: [
    (["run", "Scenarios/smoke.json", "--resign"], "error: missing --payloads FILE (--resign re-signs replayed payloads)"),
    (
      ["run", "--payloads", "x.ndjson", "--seed", "3"],
      "error: invalid value '3' for '--seed': expected no --seed with --payloads"
    ),
    (["run", "-", "--payloads", "-"], "error: invalid value '-' for '--payloads': expected a file when the scenario is read"),
  ])
  func replayFlagsAreChecked(_ arguments: [String], _ message: String) async throws {
    let result = await runTool(
      arguments.map { $0.hasPrefix("Scenarios/") ? RepositoryPath.scenario(String($0.dropFirst(10))) : $0 })
    #expect(result.code == 2)
    #expect(result.stderr.hasPrefix(message))
  }
}
