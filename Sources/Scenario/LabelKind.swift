/// What a robot label means, whatever it is called: it decides the label's default talk time,
/// who hangs up, its dialogue lines, and which of `AsrPTP`, `NerSlots` and `EventLabel` its
/// calls carry. A scenario's label takes the kind of the scene's default label of the same
/// name, or the one its `like` names.
package enum LabelKind: String, Sendable, CaseIterable, SettingChoice {
  package init(from decoder: any Decoder) throws { self = try Self.decodeChoice(from: decoder) }

  // Collection.
  case promiseToPay, alreadyPaid, refuseToPay, requestInstallment, followUp, wrongPerson
  // Marketing.
  case interested, sendDetails, callBack, notInterested
  // E-commerce.
  case orderConfirmed, changeAddress, cancelOrder, reschedule
  // Every scene.
  case hangUp

  /// The kinds whose dialogues a scene's locales provide.
  package static func kinds(of scene: Scene) -> [LabelKind] {
    switch scene {
    case .collection: [.promiseToPay, .alreadyPaid, .refuseToPay, .requestInstallment, .followUp, .hangUp, .wrongPerson]
    case .marketing: [.interested, .sendDetails, .callBack, .notInterested, .hangUp]
    case .ecommerce: [.orderConfirmed, .changeAddress, .cancelOrder, .reschedule, .hangUp]
    }
  }

  /// The kind of a label the scene does not define and whose `like` is not given: one that
  /// neither promises nor refuses anything.
  package static func neutral(of scene: Scene) -> LabelKind {
    switch scene {
    case .collection: .followUp
    case .marketing: .callBack
    case .ecommerce: .reschedule
    }
  }
}
