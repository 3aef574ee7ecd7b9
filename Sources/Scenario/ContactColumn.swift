/// A column of a contact list (a CSV header or an NDJSON key), named as the vendor's page
/// names the field it fills, or `Variables.<name>` for one entry of the contact's `Variables`.
package enum ContactColumn: Hashable, Sendable {
  case caseID, calleeNumber, calleeName, calleeGender, comments
  case extraA, extraB, extraC
  case borrowedDate, dueDate, borrowedAmount, totalOwingAmount, currencyUnit
  case variable(String)

  /// The fields by their names on the page, in the page's order.
  package static let named: [(name: String, column: ContactColumn)] = [
    ("CaseID", .caseID), ("CalleeNumber", .calleeNumber), ("CalleeName", .calleeName), ("CalleeGender", .calleeGender),
    ("Comments", .comments), ("ExtraA", .extraA), ("ExtraB", .extraB), ("ExtraC", .extraC),
    ("BorrowedDate", .borrowedDate), ("DueDate", .dueDate), ("BorrowedAmount", .borrowedAmount),
    ("TotalOwingAmount", .totalOwingAmount), ("CurrencyUnit", .currencyUnit),
  ]

  static let variablePrefix = "Variables."

  /// The column called `name`, or nil when no field has that name.
  package init?(name: String) {
    if name.hasPrefix(Self.variablePrefix) {
      let key = name.dropFirst(Self.variablePrefix.count)
      guard !key.isEmpty else { return nil }
      self = .variable(String(key))
      return
    }
    guard let found = Self.named.first(where: { $0.name == name }) else { return nil }
    self = found.column
  }

  package var name: String {
    if case .variable(let key) = self { return Self.variablePrefix + key }
    return Self.named.first { $0.column == self }!.name
  }
}
