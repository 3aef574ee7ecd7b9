import Contract
import Scenario

/// One robot label as generation uses it: its behaviour resolved (kind defaults, the dialer's
/// settings, the label's own) and every line it can say, made once per scenario so that a
/// call only picks from arrays. A class: a call takes one reference, not a dozen arrays.
final class LabelScript: Sendable {
  let label: IntentionLabel
  let talkTime: TimeSampler
  let hangupByCalleeRate: Double
  let promisesToPay: Bool
  /// `NerSlots` this label fills, with the values each may take.
  let nerSlots: [(key: String, values: [String])]
  /// `EventLabel` of its calls; nil when it hits none.
  let eventLabel: OrderedStringMap?
  /// The robot's first line by the local hour of the answer (0–23), greeting filled in.
  let openings: [[String]]
  /// The callee's first answer.
  let answers: [String]
  let robot: [String]
  let user: [String]
  let closing: [String]
  let promises: [String]

  init(
    label: IntentionLabel, scenario: Scenario, nerSlots: [(key: String, values: [String])],
    eventLabels: [(key: String, value: String)]
  ) {
    self.label = label
    let scene = scenario.scene
    let behaviour = label.behaviour(in: scene, dialer: scenario.dialer)
    talkTime = TimeSampler(behaviour.talkTime)
    hangupByCalleeRate = behaviour.hangupByCalleeRate
    promisesToPay = behaviour.promisesToPay
    self.nerSlots = behaviour.nerSlots.compactMap { name in nerSlots.first { $0.key == name } }
    let events = behaviour.eventLabels.compactMap { name in eventLabels.first { $0.key == name } }
    eventLabel = events.isEmpty ? nil : OrderedStringMap(events)

    let locale = scenario.locale.data
    let dialogue = locale.dialogue(scene)
    let kindLines = dialogue.lines[label.resolvedKind(in: scene)] ?? dialogue.lines[.hangUp]!
    let localePromises = dialogue.lines[.promiseToPay]?.promises ?? LocaleData.all[0].collection.lines[.promiseToPay]!.promises
    let robotSettings = scenario.robot
    if let own = label.dialogue?.applied(to: kindLines) {
      openings = Self.openings(dialogue.openings, locale)
      answers = dialogue.answers
      (robot, user, closing) = (own.robot, own.user, own.closing)
      promises = own.promises.isEmpty ? localePromises : own.promises
    } else if !robotSettings.robotLines.isEmpty || !robotSettings.userLines.isEmpty {
      // `robot.transcript`: the first robot line opens, the others fill; the last one closes.
      let robotLines = robotSettings.robotLines.isEmpty ? kindLines.robot : robotSettings.robotLines
      let userLines = robotSettings.userLines.isEmpty ? kindLines.user : robotSettings.userLines
      openings = Array(repeating: [robotLines[0]], count: 24)
      answers = userLines
      robot = robotLines.count > 1 ? Array(robotLines.dropFirst()) : robotLines
      user = userLines
      closing = [robotLines[robotLines.count - 1]]
      promises = kindLines.promises.isEmpty ? localePromises : kindLines.promises
    } else {
      openings = Self.openings(dialogue.openings, locale)
      answers = dialogue.answers
      (robot, user, closing) = (kindLines.robot, kindLines.user, kindLines.closing)
      promises = kindLines.promises.isEmpty ? localePromises : kindLines.promises
    }
  }

  /// Each opening with `{greeting}` replaced, per local hour; a line that starts with the
  /// greeting starts with a capital ("Buenos días, le llamamos …"). Made once per greeting.
  private static func openings(_ templates: [String], _ locale: LocaleData) -> [[String]] {
    let byGreeting = locale.greetings.map { entry in
      templates.map { filled($0, greeting: entry.text) }
    }
    return (0..<24).map { hour in
      byGreeting[locale.greetings.lastIndex { $0.fromHour <= hour } ?? 0]
    }
  }

  private static func filled(_ template: String, greeting: String) -> String {
    let marker = Array("{greeting}".utf8)
    let bytes = Array(template.utf8)
    var out: [UInt8] = []
    var index = 0
    while index < bytes.count {
      if index + marker.count <= bytes.count && bytes[index..<(index + marker.count)].elementsEqual(marker) {
        out += index == 0 ? Array((greeting.prefix(1).uppercased() + greeting.dropFirst()).utf8) : Array(greeting.utf8)
        index += marker.count
      } else {
        out.append(bytes[index])
        index += 1
      }
    }
    return String(decoding: out, as: UTF8.self)
  }
}
