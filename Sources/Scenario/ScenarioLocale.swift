import Support

/// The language of names and transcripts, and the default country and currency: one of the
/// locales in `LocaleData.all`.
package struct ScenarioLocale: Decodable, Sendable, Hashable {
  /// Index into `LocaleData.all`.
  private let index: Int

  package var code: String { data.code }
  package var data: LocaleData { LocaleData.all[index] }

  package init?(code: String) {
    guard let index = LocaleData.all.firstIndex(where: { $0.code == code }) else { return nil }
    self.index = index
  }

  package static let indonesian = ScenarioLocale(code: "id-ID")!

  package var defaultCountry: Country { Country(code: data.country)! }
  package var defaultCurrency: String { data.currency }

  package init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let locale = ScenarioLocale(code: text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: Suggestion.unknown("value", text, among: LocaleData.all.map(\.code)))
    }
    self = locale
  }
}

/// The country whose E.164 numbers, time zone and calling hours the callees have: one of
/// `CountryData.all`.
package struct Country: Decodable, Sendable, Hashable {
  private let index: Int

  package var code: String { data.code }
  package var data: CountryData { CountryData.all[index] }

  package init?(code: String) {
    guard let index = CountryData.all.firstIndex(where: { $0.code == code }) else { return nil }
    self.index = index
  }

  package static let indonesia = Country(code: "ID")!

  package init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let country = Country(code: text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: Suggestion.unknown("value", text, among: CountryData.all.map(\.code)))
    }
    self = country
  }
}
