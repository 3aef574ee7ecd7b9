import Contract

/// What the voicebot says and how it labels calls.
package struct RobotSettings: Decodable, Sendable {
  /// Intention labels with weights; empty means the scene's defaults.
  package var labels: [IntentionLabel] = []
  /// `Intention` of a contact that was never connected.
  package var unconnectedLabel = ""
  /// Robot lines and user lines of transcripts; empty means the locale's and scene's defaults.
  package var robotLines: [String] = []
  package var userLines: [String] = []
  /// Probability that a user turn is silent (empty `text`), as in the seed's example.
  package var userSilenceRate = 0.2
  /// `NerSlots` names with their possible values; empty means the scene's defaults.
  package var nerSlots: [(key: String, values: [String])] = []
  /// `EventLabel` entries a call may hit; empty means the scene's defaults.
  package var eventLabels: [(key: String, value: String)] = []

  package init() {}

  enum CodingKeys: String, CodingKey, CaseIterable {
    case labels, unconnectedLabel, transcript, userSilenceRate, nerSlots, eventLabels
  }

  enum TranscriptKeys: String, CodingKey, CaseIterable {
    case robot, user
  }

  package init(from decoder: any Decoder) throws {
    let s = try SettingsContainer(decoder, keys: CodingKeys.self)
    labels = try s.value(.labels, default: [])
    if s.contains(.labels) && (labels.isEmpty || !labels.contains(where: { $0.weight > 0 })) {
      throw s.invalid(.labels, "expected at least one label with a weight above 0")
    }
    unconnectedLabel = try s.value(.unconnectedLabel, default: unconnectedLabel)
    if s.contains(.transcript) {
      let t = try SettingsContainer(try s.container.superDecoder(forKey: .transcript), keys: TranscriptKeys.self)
      robotLines = try t.value(.robot, default: [])
      userLines = try t.value(.user, default: [])
      if t.contains(.robot) && robotLines.isEmpty { throw t.invalid(.robot, "expected at least one robot line") }
      if t.contains(.user) && userLines.isEmpty { throw t.invalid(.user, "expected at least one user line") }
    }
    userSilenceRate = try s.rate(.userSilenceRate, default: userSilenceRate)
    let slots: [String: [String]] = try s.value(.nerSlots, default: [:])
    if let empty = slots.first(where: { $0.value.isEmpty }) {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: s.codingPath + [CodingKeys.nerSlots, AnyKey(stringValue: empty.key)],
          debugDescription: "expected at least one value"))
    }
    nerSlots = slots.sorted { $0.key < $1.key }.map { (key: $0.key, values: $0.value) }
    let events: [String: String] = try s.value(.eventLabels, default: [:])
    eventLabels = events.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) }
  }
}

/// One `Intention` the robot can give, with its weight and `intention_description`.
package struct IntentionLabel: Decodable, Sendable, Hashable {
  package var label: String
  package var weight: Double
  package var description: String

  package init(_ label: String, weight: Double, description: String) {
    self.label = label
    self.weight = weight
    self.description = description
  }

  enum CodingKeys: String, CodingKey, CaseIterable {
    case label, weight, description
  }

  package init(from decoder: any Decoder) throws {
    let s = try SettingsContainer(decoder, keys: CodingKeys.self)
    guard s.contains(.label) else { throw s.invalidHere("expected a \"label\"") }
    label = try s.value(.label, default: "")
    weight = try s.value(.weight, default: 1, in: 0...1e9, expected: "a weight from 0 to 1000000000")
    description = try s.value(.description, default: "")
  }
}
