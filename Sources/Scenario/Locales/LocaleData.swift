/// What a locale contributes to generated calls: names, the robot's greetings and dialogues per
/// scene and label, the currency and the default country. Locales are data: each is one file
/// (`LocaleData+idID.swift`) holding one value, listed in `LocaleData.all`; adding a locale
/// adds no logic, and `LocaleAndDialerTests.localeDataIsComplete` checks every listed locale.
///
/// Swift tables rather than JSON resources: they are checked by the compiler, cost nothing to
/// load, and cannot go missing (on Linux `Bundle.module` looks for its bundle beside the
/// binary, so a copied `airudder-sim` would stop at its first scenario).
package struct LocaleData: Sendable {
  /// BCP 47 tag, as scenarios write it: `id-ID`.
  package let code: String
  /// ISO 3166 code of the default country (`country` overrides).
  package let country: String
  /// ISO 4217 code of `CurrencyUnit` (`collection.currency` overrides).
  package let currency: String
  package let names: NameData
  /// Greetings by the local hour they start at, from 0 in ascending order: the robot's first
  /// line replaces `{greeting}` with the one for the hour the call was answered.
  package let greetings: [(fromHour: Int, text: String)]
  package let collection: SceneDialogue
  package let marketing: SceneDialogue
  package let ecommerce: SceneDialogue

  package func dialogue(_ scene: Scene) -> SceneDialogue {
    switch scene {
    case .collection: collection
    case .marketing: marketing
    case .ecommerce: ecommerce
    }
  }

  /// The greeting for a local hour (0–23).
  package func greeting(hour: Int) -> String {
    greetings.last { $0.fromHour <= hour }?.text ?? greetings[0].text
  }

  /// Every locale this build knows, in the order `locale`'s error message lists them.
  package static let all: [LocaleData] = [.idID, .enPH, .enUS, .zhCN, .esMX]
}

/// Callee names of a locale.
package struct NameData: Sendable {
  package let male: [String]
  package let female: [String]
  package let family: [String]
  /// Family name first, no space (Chinese).
  package var familyFirst = false
  /// Two family names, paternal then maternal (Spanish).
  package var twoFamilyNames = false
  /// Collection systems often hold names in capitals, as in the seed's example.
  package var uppercaseInCollection = true
}

/// The robot's dialogues in one scene: how it opens every call, how callees first answer, and
/// per kind of label what both sides say.
package struct SceneDialogue: Sendable {
  /// The robot's first line, once per call; `{greeting}` becomes the time of day's greeting.
  package let openings: [String]
  /// The callee's first answer, whatever the label: neutral ("halo", "who is this?"), never
  /// one that confirms who they are (a wrong-person call starts the same way).
  package let answers: [String]
  package let lines: [LabelKind: DialogueLines]
}

/// What each side says in calls of one label. The robot's middle lines and the callee's lines
/// alternate; the robot's last line, when it ends the call, is a closing line.
package struct DialogueLines: Sendable {
  package var robot: [String]
  package var user: [String]
  package var closing: [String]
  /// The callee's promises to pay (`AsrPTP` quotes one), for labels that carry them.
  package var promises: [String] = []

  package init(robot: [String], user: [String], closing: [String], promises: [String] = []) {
    self.robot = robot
    self.user = user
    self.closing = closing
    self.promises = promises
  }
}
