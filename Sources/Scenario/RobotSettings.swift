import Contract

/// What the voicebot says and how it labels calls.
package struct RobotSettings: Decodable, Sendable {
  /// Intention labels with weights; empty means the scene's defaults.
  package var labels: [IntentionLabel] = []
  /// `Intention` of a contact that was never connected.
  package var unconnectedLabel = ""
  /// Robot lines and user lines for every label without a `dialogue` of its own (the first
  /// robot line opens each call); empty means the locale's lines for each label.
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
    // In the file's order, as the payload's objects list them.
    if s.contains(.nerSlots) {
      let slots = try s.container.nestedContainer(keyedBy: AnyKey.self, forKey: .nerSlots)
      nerSlots = try slots.allKeys.map { key in
        let values = try slots.decode([String].self, forKey: key)
        if values.isEmpty {
          throw DecodingError.dataCorrupted(
            .init(codingPath: slots.codingPath + [key], debugDescription: "expected at least one value"))
        }
        return (key: key.stringValue, values: values)
      }
    }
    if s.contains(.eventLabels) {
      let events = try s.container.nestedContainer(keyedBy: AnyKey.self, forKey: .eventLabels)
      eventLabels = try events.allKeys.map { (key: $0.stringValue, value: try events.decode(String.self, forKey: $0)) }
    }
  }
}
