import Contract

/// Loan data of the collection scene (`BorrowedDate`, `DueDate`, amounts, currency).
package struct CollectionSettings: Decodable, Sendable {
  /// `CurrencyUnit`; nil means the locale's currency.
  package var currency: String?
  package var borrowedAmount = SettingRange(500_000.0, 5_000_000.0)
  /// Days from `BorrowedDate` to `DueDate`.
  package var tenorDays = SettingRange(7, 30)
  /// Days from `DueDate` to the call (how late the debtor is).
  package var daysPastDue = SettingRange(1, 60)
  /// `TotalOwingAmount` = `BorrowedAmount` × (1 + markup): interest and late fees.
  package var owingMarkup = SettingRange(0.02, 0.35)

  package init() {}

  enum CodingKeys: String, CodingKey, CaseIterable {
    case currency, borrowedAmount, tenorDays, daysPastDue, owingMarkup
  }

  package init(from decoder: any Decoder) throws {
    let s = try SettingsContainer(decoder, keys: CodingKeys.self)
    currency = try s.optional(.currency)
    borrowedAmount = try s.value(.borrowedAmount, default: borrowedAmount)
    guard borrowedAmount.min >= 0.01, borrowedAmount.max < 1e13 else {
      throw s.invalid(.borrowedAmount, "expected amounts from 0.01 to 1e13")
    }
    tenorDays = try s.value(.tenorDays, default: tenorDays)
    guard tenorDays.min >= 1, tenorDays.max <= 3650 else { throw s.invalid(.tenorDays, "expected days from 1 to 3650") }
    daysPastDue = try s.value(.daysPastDue, default: daysPastDue)
    guard daysPastDue.min >= 0, daysPastDue.max <= 3650 else { throw s.invalid(.daysPastDue, "expected days from 0 to 3650") }
    owingMarkup = try s.value(.owingMarkup, default: owingMarkup)
    guard owingMarkup.min >= 0, owingMarkup.max <= 100 else { throw s.invalid(.owingMarkup, "expected a markup from 0 to 100") }
  }
}
