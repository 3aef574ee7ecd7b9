/// Facts about `CurrencyUnit` codes that generation needs.
package enum Currency {
  /// Currencies whose minor units are not used day to day: their amounts are whole
  /// (`1500000.00`), as a lender's system holds them.
  package static let wholeUnits: Set<String> = ["IDR", "VND", "JPY", "KRW", "CLP", "PYG", "UGX", "ISK"]
}
