/// The table's fields are the Codable keys of the payload types, so that decoding and
/// `JSONEncoder` spell every key as the writer does.
extension ContractField: CodingKey {
  package var stringValue: String { name }

  /// The first field of that name: a bare name does not say its level (`CallID` is a call's
  /// and a redial's). Decoding looks keys up by `stringValue`, so this serves only `allKeys`.
  package init?(stringValue: String) {
    guard let field = Self.allCases.first(where: { $0.name == stringValue }) else { return nil }
    self = field
  }

  /// Keys are names only; the raw value is the table's row number, not a JSON index.
  package var intValue: Int? { nil }

  package init?(intValue: Int) {
    nil
  }
}
