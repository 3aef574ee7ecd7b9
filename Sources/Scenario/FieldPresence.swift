import Contract
import Support

/// Probability that each optional field is present on a call that can have it: a scenario's
/// `fields`, keyed by the contract's names.
package struct FieldPresence: Decodable, Sendable {
  /// The fields a scenario sets: the page's optional call fields but the collection-only ones,
  /// which follow the scene instead.
  package static let fields = ContractField.fields(at: .detail).filter { !$0.isRequired && !$0.isCollectionOnly }

  package private(set) var rates: [ContractField: Double] = [
    .intentionDescription: 1, .extraA: 1, .extraB: 1, .extraC: 1, .nerSlots: 0.3, .asrResult: 1,
    .askWhatsAPP: 0.2, .asrPTP: 0.8, .multiIntention: 0, .eventLabel: 0.5, .ringTime: 1,
    .talkRound: 1, .redialCalls: 1, .callerNumber: 1,
  ]

  package init() {}

  package subscript(field: ContractField) -> Double {
    get { rates[field] ?? 0 }
    set { rates[field] = newValue }
  }

  package init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: AnyKey.self)
    let names = Self.fields.map(\.name)
    for key in container.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
      guard let index = names.firstIndex(of: key.stringValue) else {
        let message = Suggestion.unknown("optional field", key.stringValue, among: names)
        throw DecodingError.dataCorrupted(.init(codingPath: container.codingPath + [key], debugDescription: message))
      }
      let rate = try container.decode(Double.self, forKey: key)
      guard (0...1).contains(rate) else {
        throw DecodingError.dataCorrupted(
          .init(codingPath: container.codingPath + [key], debugDescription: "expected a rate from 0 to 1, got \(rate)"))
      }
      rates[Self.fields[index]] = rate
    }
  }
}
