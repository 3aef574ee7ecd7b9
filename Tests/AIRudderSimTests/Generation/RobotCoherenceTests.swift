import Foundation
import Testing

@testable import Contract
@testable import Generation
@testable import Scenario
@testable import Support

/// Per-label invariants over at least 10,000 calls of each scene: what the robot says, who
/// ends the call and how long it lasts fit the label. Lines are checked against the locale's
/// data, not against what generation made of it.
@Suite struct RobotCoherenceTests {
  static let files = ["collection.json", "marketing.json", "ecommerce.json"]

  /// Every Detail of the first notifications holding at least `calls` of them.
  static func calls(
    _ file: String, calls: Int = 10_000, edit: (inout Scenario) -> Void = { _ in }
  ) throws -> (Scenario, [CallDetail]) {
    var scenario = try ScenarioLoader.load(path: RepositoryPath.scenario(file))
    edit(&scenario)
    var details: [CallDetail] = []
    for item in NotificationGenerator(scenario: scenario) {
      details += item.notification.details
      if details.count >= calls { break }
    }
    return (scenario, details)
  }

  /// What a label's calls may say, from the locale's tables (lowercased openings per hour).
  struct Lines {
    var openings: [Set<String>]
    var allOpenings: Set<String>
    var answers: Set<String>
    var robot: Set<String>
    var user: Set<String>
    var closing: Set<String>
    var promises: Set<String>

    init(_ scenario: Scenario, _ kind: LabelKind) {
      let locale = scenario.locale.data
      let dialogue = locale.dialogue(scenario.scene)
      let lines = dialogue.lines[kind]!
      openings = (0..<24).map { hour in
        Set(dialogue.openings.map { $0.replacingOccurrences(of: "{greeting}", with: locale.greeting(hour: hour)).lowercased() })
      }
      allOpenings = openings.reduce(into: Set<String>()) { $0.formUnion($1) }
      answers = Set(dialogue.answers)
      robot = Set(lines.robot)
      user = Set(lines.user)
      closing = Set(lines.closing)
      promises = Set(lines.promises)
    }
  }

  static func seconds(_ hhmmss: String) -> Int {
    let parts = hhmmss.split(separator: ":").map { Int($0)! }
    return parts[0] * 3600 + parts[1] * 60 + parts[2]
  }

  @Test(arguments: files)
  func dialogueFitsTheLabel(file: String) throws {
    let (scenario, calls) = try Self.calls(file)
    let labels = scenario.robot.labels.isEmpty ? SceneDefaults.labels(scenario.scene) : scenario.robot.labels
    var checked = 0
    let linesByLabel = Dictionary(
      uniqueKeysWithValues: labels.map { ($0.label, Lines(scenario, $0.resolvedKind(in: scenario.scene))) })
    for call in calls where !call.intention.isEmpty {
      let label = try #require(labels.first { $0.label == call.intention })
      let kind = label.resolvedKind(in: scenario.scene)
      let behaviour = label.behaviour(in: scenario.scene, dialer: scenario.dialer)
      let lines = linesByLabel[label.label]!
      let start = try #require(UTCTime.parseISO8601(call.callStartTime))
      let end = try #require(UTCTime.parseISO8601(call.callEndTime))
      let entries = try #require(call.asrResult)
      let hour = Int(((start + Int64(scenario.utcOffset)) % 86_400) / 3600)
      // The greeting, once, for the local hour of the answer.
      #expect(lines.openings[hour].contains(entries[0].robottext.lowercased()), "\(entries[0].robottext) at \(hour)h")
      var previous = -1
      var spoken = 0
      for (index, entry) in entries.enumerated() {
        let offset = Self.seconds(entry.time)
        #expect(offset > previous && offset < Int(end - start))
        previous = offset
        if index % 2 == 0 {
          #expect(entry.text.isEmpty)
          if index > 0 {
            #expect(!lines.allOpenings.contains(entry.robottext.lowercased()), "greeting repeated: \(entry.robottext)")
            #expect(
              lines.robot.contains(entry.robottext) || lines.closing.contains(entry.robottext), "\(kind): \(entry.robottext)")
          }
        } else {
          #expect(entry.robottext.isEmpty)
          if !entry.text.isEmpty {
            spoken += 1
            let fits =
              lines.answers.contains(entry.text) || lines.user.contains(entry.text) || lines.promises.contains(entry.text)
            #expect(fits, "\(kind) call with user line \"\(entry.text)\"")
          }
        }
      }
      #expect(call.talkRound == spoken)
      // The side that hung up has the last turn.
      let last = entries[entries.count - 1]
      if call.hangupType == .byCallee {
        #expect(entries.count % 2 == 0 && !last.text.isEmpty, "callee hung up, last turn \(last)")
        // ...saying why, in the label's words, not a neutral "hello".
        #expect(lines.user.contains(last.text) || lines.promises.contains(last.text), "\(kind) callee's last line \(last.text)")
      } else {
        #expect(entries.count % 2 == 1, "robot hung up, last turn \(last)")
        if entries.count >= 3 { #expect(lines.closing.contains(last.robottext)) }
      }
      // AsrPTP quotes a promise the callee made, only on labels that promise to pay.
      if let ptp = call.asrPTP {
        #expect(behaviour.promisesToPay, "AsrPTP on a \(kind) call")
        #expect(entries.contains { lines.promises.contains($0.text) && ptp == $0.text + " " + $0.time }, "\(ptp)")
      }
      let slots = Set((call.nerSlots?.entries ?? []).map(\.key))
      #expect(slots.isSubset(of: Set(behaviour.nerSlots)))
      if let events = call.eventLabel { #expect(events.entries.map(\.key) == behaviour.eventLabels) }
      checked += 1
    }
    #expect(checked > 3000)
  }

  /// Talk time and hang-up side follow each label's distribution; AsrPTP comes with promises.
  @Test(arguments: files)
  func talkTimeAndHangupSideByLabel(file: String) throws {
    let (scenario, calls) = try Self.calls(file)
    let labels = scenario.robot.labels.isEmpty ? SceneDefaults.labels(scenario.scene) : scenario.robot.labels
    var talks: [String: [Int]] = [:]
    var byCallee: [String: Int] = [:]
    var ptp: [String: Int] = [:]
    for call in calls where !call.intention.isEmpty {
      let talk = UTCTime.parseISO8601(call.callEndTime)! - UTCTime.parseISO8601(call.callStartTime)!
      talks[call.intention, default: []].append(Int(talk))
      if call.hangupType == .byCallee { byCallee[call.intention, default: 0] += 1 }
      if call.asrPTP != nil { ptp[call.intention, default: 0] += 1 }
    }
    for label in labels {
      let behaviour = label.behaviour(in: scenario.scene, dialer: scenario.dialer)
      let sorted = (talks[label.label] ?? []).sorted()
      guard sorted.count >= 150 else { continue }
      let median = Double(sorted[sorted.count / 2])
      #expect(abs(median - behaviour.talkTime.median) <= 0.25 * behaviour.talkTime.median + 1, "\(label.label) median \(median)")
      let share = Double(byCallee[label.label] ?? 0) / Double(sorted.count)
      #expect(abs(share - behaviour.hangupByCalleeRate) < 0.1, "\(label.label) hung up by callee \(share)")
      if label.resolvedKind(in: scenario.scene) == .hangUp {
        #expect(median <= 8, "hang up immediately: median \(median) s")
      }
      if behaviour.promisesToPay {
        #expect(Double(ptp[label.label] ?? 0) / Double(sorted.count) > 0.5, "\(label.label) rarely has AsrPTP")
      } else {
        #expect(ptp[label.label] == nil)
      }
    }
    // Skewed, with a cluster of early hang-ups: mean above median, many calls of a few seconds.
    let all = talks.values.flatMap { $0 }.sorted()
    let mean = Double(all.reduce(0, +)) / Double(all.count)
    #expect(mean > Double(all[all.count / 2]))
    // (Where "hang up immediately" contacts are redialled, their calls are mostly RedailCall.)
    if scenario.dialer.redialOnLabels.isEmpty {
      #expect(Double(all.filter { $0 <= 6 }.count) / Double(all.count) > 0.08)
    }
  }

  /// Unanswered dials: many ring out (`normal`, to the no-answer timeout), the rest fail fast.
  @Test(arguments: files)
  func unansweredDialsRingOut(file: String) throws {
    let (scenario, calls) = try Self.calls(file)
    let unanswered = calls.filter { $0.intention.isEmpty && $0.status == .finished }
    let rangOut = unanswered.filter { $0.ringType == .normal }
    #expect(Double(rangOut.count) > 0.3 * Double(unanswered.count))
    #expect(rangOut.allSatisfy { $0.ringTime == Int(scenario.dialer.noAnswerTimeout.seconds) && $0.asrResult == nil })
    let rings = calls.filter { !$0.intention.isEmpty }.compactMap(\.ringTime).sorted()
    #expect(Double(rings.reduce(0, +)) / Double(rings.count) > Double(rings[rings.count / 2]), "ring times are skewed")
  }
}
