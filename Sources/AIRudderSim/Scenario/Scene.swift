/// The business a workflow's robot serves; it decides the collection-only fields and the
/// default labels and transcript.
public enum Scene: String, Decodable, Sendable, CaseIterable {
  case collection, marketing, ecommerce
}
