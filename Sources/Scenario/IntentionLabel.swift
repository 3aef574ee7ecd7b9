import Support

/// One `Intention` the robot can give, with its weight and `intention_description`, and how
/// its calls go: each part left out takes its kind's default (`LabelBehaviour`).
package struct IntentionLabel: Decodable, Sendable {
  package var label: String
  package var weight: Double
  package var description: String
  /// `like`: the kind whose defaults and lines the label takes; nil means the scene's default
  /// label of the same name, else the scene's neutral kind.
  package var kind: LabelKind?
  package var talkTime: TimeDistribution?
  package var hangupByCalleeRate: Double?
  /// `asrPTP`: whether the callee promises to pay (and `AsrPTP` quotes it).
  package var promisesToPay: Bool?
  package var nerSlots: [String]?
  package var eventLabels: [String]?
  package var dialogue: DialogueOverride?

  package init(_ label: String, weight: Double, description: String, kind: LabelKind? = nil) {
    self.label = label
    self.weight = weight
    self.description = description
    self.kind = kind
  }

  enum CodingKeys: String, CodingKey, CaseIterable {
    case label, weight, description, like, talkTime, hangupByCalleeRate, asrPTP, nerSlots, eventLabels, dialogue
  }

  package init(from decoder: any Decoder) throws {
    let s = try SettingsContainer(decoder, keys: CodingKeys.self)
    guard s.contains(.label) else { throw s.invalidHere("expected a \"label\"") }
    label = try s.value(.label, default: "")
    weight = try s.value(.weight, default: 1, in: 0...1e9, expected: "a weight from 0 to 1000000000")
    description = try s.value(.description, default: "")
    kind = try s.optional(.like)
    talkTime = try s.optional(.talkTime)
    if let talkTime {
      guard talkTime.min >= 1 else {
        throw s.invalid(.talkTime, "expected a talk time of at least 1s (its min, or its median without a min)")
      }
      guard talkTime.max <= 3600 else {
        throw s.invalid(
          .talkTime,
          "expected a talk time of at most 1h (its max, or its median without a max), got \(SettingDuration.seconds(talkTime.max))"
        )
      }
    }
    hangupByCalleeRate = try s.optional(.hangupByCalleeRate, in: 0...1, expected: "a rate from 0 to 1")
    promisesToPay = try s.optional(.asrPTP)
    nerSlots = try s.optional(.nerSlots)
    eventLabels = try s.optional(.eventLabels)
    dialogue = try s.optional(.dialogue)
  }

  /// The label's kind in `scene`, as `like` or the scene's label of the same name give it.
  package func resolvedKind(in scene: Scene) -> LabelKind {
    kind ?? SceneDefaults.labels(scene).first { $0.label == label }?.kind ?? LabelKind.neutral(of: scene)
  }

  /// The kind's defaults, then the dialer's settings for every label, then this label's own.
  package func behaviour(in scene: Scene, dialer: DialerSettings) -> LabelBehaviour {
    var behaviour = LabelBehaviour.defaults(resolvedKind(in: scene))
    if let talkTime = talkTime ?? dialer.talkTime { behaviour.talkTime = talkTime }
    if let rate = hangupByCalleeRate ?? dialer.hangupByCalleeRate { behaviour.hangupByCalleeRate = rate }
    if let promisesToPay { behaviour.promisesToPay = promisesToPay }
    if let nerSlots { behaviour.nerSlots = nerSlots }
    if let eventLabels { behaviour.eventLabels = eventLabels }
    return behaviour
  }
}
