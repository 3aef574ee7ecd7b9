import Support

extension Scenario {
  /// What the labels name must exist: a `like` kind of this scene (its locales have lines for
  /// it), `nerSlots` and `eventLabels` the robot defines.
  func checkLabels(_ s: SettingsContainer<CodingKeys>) throws {
    let kinds = LabelKind.kinds(of: scene)
    let slots = (robot.nerSlots.isEmpty ? SceneDefaults.nerSlots(scene) : robot.nerSlots).map(\.key)
    let events = (robot.eventLabels.isEmpty ? SceneDefaults.eventLabels(scene) : robot.eventLabels).map(\.key)
    for (index, label) in robot.labels.enumerated() {
      func fail(_ key: IntentionLabel.CodingKeys, _ message: String, at element: Int? = nil) -> DecodingError {
        var path: [any CodingKey] = s.codingPath + [CodingKeys.robot, RobotSettings.CodingKeys.labels, AnyKey(index: index), key]
        if let element { path.append(AnyKey(index: element)) }
        return DecodingError.dataCorrupted(.init(codingPath: path, debugDescription: message))
      }
      if let kind = label.kind, !kinds.contains(kind) {
        throw fail(
          .like,
          "\"\(kind.rawValue)\" is not a kind of the \(scene.rawValue) scene; expected one of: \(kinds.map(\.rawValue).joined(separator: ", "))"
        )
      }
      for (element, name) in (label.nerSlots ?? []).enumerated() where !slots.contains(name) {
        throw fail(.nerSlots, Suggestion.unknown("slot", name, among: slots) + " (robot.nerSlots)", at: element)
      }
      for (element, name) in (label.eventLabels ?? []).enumerated() where !events.contains(name) {
        throw fail(.eventLabels, Suggestion.unknown("event label", name, among: events) + " (robot.eventLabels)", at: element)
      }
    }
  }
}
