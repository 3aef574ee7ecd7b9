/// The language of names and transcripts, and the default country of phone numbers.
package enum ScenarioLocale: String, Decodable, Sendable, CaseIterable, SettingChoice {
  package init(from decoder: any Decoder) throws { self = try Self.decodeChoice(from: decoder) }

  case indonesian = "id-ID"
  case filipinoEnglish = "en-PH"
  case english = "en-US"
  case chinese = "zh-CN"

  package var defaultCountry: Country {
    switch self {
    case .indonesian: .indonesia
    case .filipinoEnglish: .philippines
    case .english: .unitedStates
    case .chinese: .china
    }
  }

  package var defaultCurrency: String {
    switch self {
    case .indonesian: "IDR"
    case .filipinoEnglish: "PHP"
    case .english: "USD"
    case .chinese: "CNY"
    }
  }
}

/// The country whose E.164 mobile numbers the callees (and callers) get.
package enum Country: String, Decodable, Sendable, CaseIterable, SettingChoice {
  package init(from decoder: any Decoder) throws { self = try Self.decodeChoice(from: decoder) }

  case indonesia = "ID"
  case philippines = "PH"
  case unitedStates = "US"
  case china = "CN"
  case india = "IN"
  case mexico = "MX"
}
