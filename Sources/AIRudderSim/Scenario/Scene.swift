/// The business a workflow's robot serves; it decides the collection-only fields and the
/// default labels and transcript.
public enum Scene: String, Decodable, Sendable, CaseIterable, SettingChoice {
  case collection, marketing, ecommerce

  public init(from decoder: any Decoder) throws { self = try Self.decodeChoice(from: decoder) }
}
