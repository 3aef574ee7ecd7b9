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

/// Property: whatever value any scenario key holds, the tool ends with exit 0, 1 or 2, never a
/// signal, and a refusal (exit 2) names the key. Keys come from the settings' `CodingKeys`,
/// so a new key is covered without touching this test. Each case runs the real binary: a
/// trap kills only that child.
@Suite(.serialized) struct HostileInputPropertyTests {
  /// Values tried per key; `HOSTILE_CASES` raises it for a longer local hunt.
  static let casesPerKey = Int(ProcessInfo.processInfo.environment["HOSTILE_CASES"] ?? "") ?? 3
  static let seed = UInt64(ProcessInfo.processInfo.environment["HOSTILE_SEED"] ?? "") ?? 0x5EED_8

  /// A key path to fuzz: `["dialer", "talkTime"]`, `["robot", "labels", "0", "weight"]`.
  struct KeyPath: Sendable, CustomStringConvertible {
    var components: [String]
    var description: String { components.joined(separator: ".") }
    /// The name a refusal must mention (the last key that is not an array position).
    var name: String { components.last { Int($0) == nil }! }
    /// Keys `generate` does not read: checked with `run` on the built-in receiver.
    var isDeliveryKey: Bool { ["load", "retry", "timeScale", "receiver", "thresholds"].contains(components[0]) }
  }

  /// Every key, nested keys included, from the `CodingKeys` of each settings type.
  static var keyPaths: [KeyPath] {
    func names<K: CodingKey & CaseIterable>(_: K.Type) -> [String] { K.allCases.map(\.stringValue) }
    let nested: [String: [String]] = [
      "dialer": names(DialerSettings.CodingKeys.self), "robot": names(RobotSettings.CodingKeys.self),
      "aggregation": names(AggregationSettings.CodingKeys.self), "fields": FieldPresence.fields.map(\.name),
      "collection": names(CollectionSettings.CodingKeys.self), "edgeCases": names(EdgeCaseSettings.CodingKeys.self),
      "target": names(TargetSettings.CodingKeys.self), "load": names(LoadSettings.CodingKeys.self),
      "retry": names(RetrySettings.CodingKeys.self), "receiver": names(ReceiverSettings.CodingKeys.self),
      "thresholds": names(ThresholdSettings.CodingKeys.self),
    ]
    let ranges: Set<String> = [
      "ringTime", "noAnswerRingTime", "talkTime", "borrowedAmount", "tenorDays", "daysPastDue", "owingMarkup",
    ]
    var paths: [KeyPath] = []
    for key in names(Scenario.CodingKeys.self) {
      paths.append(KeyPath(components: [key]))
      for sub in nested[key] ?? [] {
        paths.append(KeyPath(components: [key, sub]))
        if ["ringTime", "noAnswerRingTime", "talkTime"].contains(sub) {
          paths += names(TimeDistribution.CodingKeys.self).map { KeyPath(components: [key, sub, $0]) }
        } else if ranges.contains(sub) {
          paths += names(SettingRange<Int>.CodingKeys.self).map { KeyPath(components: [key, sub, $0]) }
        }
        if key == "dialer" && sub == "callingHours" {
          paths += names(CallingHours.CodingKeys.self).map { KeyPath(components: [key, sub, $0]) }
        }
        if key == "robot" && sub == "transcript" {
          paths += names(RobotSettings.TranscriptKeys.self).map { KeyPath(components: [key, sub, $0]) }
        }
        if key == "robot" && sub == "labels" {
          paths += names(IntentionLabel.CodingKeys.self).map { KeyPath(components: [key, sub, "0", $0]) }
          paths += names(DialogueOverride.CodingKeys.self).map { KeyPath(components: [key, sub, "0", "dialogue", $0]) }
        }
      }
    }
    return paths
  }

  /// A small scenario (one workflow, 12 contacts) with `value` (JSON text) at `path`.
  static func scenarioText(_ path: KeyPath, value: String) -> String {
    var base: [String: Any] = [
      "seed": "42", "workflows": "1", "contactsPerWorkflow": "12",
      "dialer": ["lines": "4", "redialInterval": "\"2m\""] as [String: Any],
    ]
    func set(_ value: Any, at components: ArraySlice<String>, in object: [String: Any]) -> [String: Any] {
      var object = object
      let key = components.first!
      if components.count == 1 {
        object[key] = value
      } else if components.dropFirst().first.flatMap({ Int($0) }) != nil {
        // An array of objects (`robot.labels`): one valid element with the hostile key in it.
        let element = set(value, at: components.dropFirst(2), in: ["label": "\"A\"", "weight": "1"])
        object[key] = "[" + render(element) + "]"
      } else {
        object[key] = set(value, at: components.dropFirst(), in: object[key] as? [String: Any] ?? [:])
      }
      return object
    }
    func render(_ object: [String: Any]) -> String {
      let members = object.keys.sorted().map { key -> String in
        let value = object[key]!
        return "\"\(key)\": " + ((value as? [String: Any]).map(render) ?? (value as! String))
      }
      return "{" + members.joined(separator: ", ") + "}"
    }
    base = set(value, at: path.components[...], in: base)
    return render(base)
  }

  struct Case: Sendable {
    var path: KeyPath
    var value: String
  }

  static var cases: [Case] {
    var values = HostileValues(seed: seed)
    return keyPaths.flatMap { path in (0..<casesPerKey).map { _ in Case(path: path, value: values.json()) } }
  }

  @Test func everyKeyHasCases() {
    let paths = Self.keyPaths.map(\.description)
    for expected in [
      "dialer.talkTime.max", "retry.timeout", "receiver.delay", "robot.labels.0.weight", "fields.NerSlots", "thresholds.maxP99",
    ] {
      #expect(paths.contains(expected))
    }
  }

  @Test func hostileValuesNeverCrashAndRefusalsNameTheKey() async throws {
    let folder = try ChildRun.scratchFolder("hostile-keys")
    defer { try? FileManager.default.removeItem(at: folder) }
    let failures = FailureList()
    try await ChildRun.forEach(Self.cases) { item in
      let file = folder.appendingPathComponent("\(UUID().uuidString).json")
      try Data(Self.scenarioText(item.path, value: item.value).utf8).write(to: file)
      defer { try? FileManager.default.removeItem(at: file) }
      let arguments =
        item.path.isDeliveryKey
        ? ["run", file.path, "--quiet", "--count", "2", "--duration", "2s", "--timeout", "500ms", "--retry-interval", "100ms"]
        : ["generate", file.path, "--count", "2"]
      let outcome = try await ChildRun.run(arguments, in: folder)
      let shown = item.value.count > 80 ? String(item.value.prefix(80)) + "…" : item.value
      if outcome.signalled || outcome.timedOut || ![0, 1, 2].contains(outcome.status) {
        failures.add("\(item.path) = \(shown): \(outcome.summary): \(outcome.stderr.prefix(300))")
      } else if outcome.status == 2
        && !(outcome.stderr.contains(item.path.name) && outcome.stderr.contains(file.lastPathComponent))
      {
        failures.add("\(item.path) = \(shown): exit 2 without naming the key: \(outcome.stderr.prefix(300))")
      }
    }
    for failure in failures.all { Issue.record("\(failure)") }
  }
}

/// Failures collected from concurrent cases, reported in one place.
final class FailureList: @unchecked Sendable {
  private let lock = NSLock()
  private var items: [String] = []
  func add(_ text: String) { lock.withLock { items.append(text) } }
  var all: [String] { lock.withLock { items.sorted() } }
}
