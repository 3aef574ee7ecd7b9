/// A label's `dialogue` in a scenario: the lists it gives replace the locale's lines for the
/// label's kind; the others stay. A list given is not empty.
package struct DialogueOverride: Decodable, Sendable {
  package var robot: [String]?
  package var user: [String]?
  package var closing: [String]?
  package var promises: [String]?

  enum CodingKeys: String, CodingKey, CaseIterable {
    case robot, user, closing, promises
  }

  package init(from decoder: any Decoder) throws {
    let s = try SettingsContainer(decoder, keys: CodingKeys.self)
    robot = try s.optional(.robot)
    user = try s.optional(.user)
    closing = try s.optional(.closing)
    promises = try s.optional(.promises)
    for (key, list) in [(CodingKeys.robot, robot), (.user, user), (.closing, closing), (.promises, promises)]
    where list?.isEmpty == true {
      throw s.invalid(key, "expected at least one line")
    }
  }

  /// `lines` with the lists given here put in.
  package func applied(to lines: DialogueLines) -> DialogueLines {
    DialogueLines(
      robot: robot ?? lines.robot, user: user ?? lines.user, closing: closing ?? lines.closing,
      promises: promises ?? lines.promises)
  }
}
