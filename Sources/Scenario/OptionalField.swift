import Support

/// The optional `Details` fields whose presence a scenario sets (`fields`), by their wire names.
/// The collection-only fields follow the scene instead.
package enum OptionalField: String, Sendable, CaseIterable {
  case intentionDescription = "intention_description"
  case extraA = "ExtraA"
  case extraB = "ExtraB"
  case extraC = "ExtraC"
  case nerSlots = "NerSlots"
  case asrResult = "AsrResult"
  case askWhatsAPP = "AskWhatsAPP"
  case asrPTP = "AsrPTP"
  case multiIntention = "Multi_intention"
  case eventLabel = "EventLabel"
  case ringTime = "RingTime"
  case talkRound = "TalkRound"
  case redailCall = "RedailCall"
  case callerNumber = "caller_number"
}

extension OptionalField {
  /// Position in `allCases`, to index arrays instead of hashing.
  package var ordinal: Int {
    switch self {
    case .intentionDescription: 0
    case .extraA: 1
    case .extraB: 2
    case .extraC: 3
    case .nerSlots: 4
    case .asrResult: 5
    case .askWhatsAPP: 6
    case .asrPTP: 7
    case .multiIntention: 8
    case .eventLabel: 9
    case .ringTime: 10
    case .talkRound: 11
    case .redailCall: 12
    case .callerNumber: 13
    }
  }
}

/// Probability that each optional field is present on a call that can have it.
package struct FieldPresence: Decodable, Sendable {
  package private(set) var rates: [OptionalField: Double] = [
    .intentionDescription: 1, .extraA: 1, .extraB: 1, .extraC: 1, .nerSlots: 0.3, .asrResult: 1,
    .askWhatsAPP: 0.2, .asrPTP: 0.25, .multiIntention: 0, .eventLabel: 0.5, .ringTime: 1,
    .talkRound: 1, .redailCall: 1, .callerNumber: 1,
  ]

  package init() {}

  package subscript(field: OptionalField) -> Double {
    get { rates[field] ?? 0 }
    set { rates[field] = newValue }
  }

  package init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: AnyKey.self)
    let names = OptionalField.allCases.map(\.rawValue)
    for key in container.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
      guard let field = OptionalField(rawValue: key.stringValue) else {
        let message = Suggestion.unknown("optional field", key.stringValue, among: names)
        throw DecodingError.dataCorrupted(.init(codingPath: container.codingPath + [key], debugDescription: message))
      }
      let rate = try container.decode(Double.self, forKey: key)
      guard (0...1).contains(rate) else {
        throw DecodingError.dataCorrupted(.init(codingPath: container.codingPath + [key], debugDescription: "expected a rate from 0 to 1, got \(rate)"))
      }
      rates[field] = rate
    }
  }
}
