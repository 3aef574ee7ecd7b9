/// The business a workflow's robot serves; it decides the collection-only fields and the
/// default labels and transcript.
package enum Scene: String, Decodable, Sendable, CaseIterable, SettingChoice {
  case collection, marketing, ecommerce

  package init(from decoder: any Decoder) throws { self = try Self.decodeChoice(from: decoder) }
}
