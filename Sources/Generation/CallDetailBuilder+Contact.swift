import Contract
import Support

extension CallDetailBuilder {
  /// `Variables` of a contact from the scenario's templates, in the scenario's order.
  func variables(of contact: Contact, rng: inout SeededRandom) -> OrderedStringMap {
    var entries: [(key: String, value: String)] = []
    entries.reserveCapacity(model.variableTemplates.count)
    for index in model.variableTemplates.indices {
      entries.append((key: model.variableNames[index], value: model.variableTemplates[index].fill(contact, using: &rng)))
    }
    return OrderedStringMap(entries)
  }

  /// `BorrowedDate` < `DueDate` <= call day; `TotalOwingAmount` >= `BorrowedAmount`. Loans are
  /// mostly round figures (`2,350,000`); currencies without minor units in daily use (IDR,
  /// VND) are whole, the others carry cents only on the owed amount's interest. A contact
  /// list's own loan fields are sent as given; the rest are drawn around them.
  func addLoan(to detail: inout CallDetail, given uploaded: UploadedContact?, callTime: Int64, rng: inout SeededRandom) {
    let loan = model.collection
    let day: Int64 = 86_400
    // Drawn in this order whatever is given, so that simulated contacts keep their bytes.
    var due = callTime - Int64(rng.int(in: loan.daysPastDue.min...loan.daysPastDue.max)) * day
    let tenor = Int64(rng.int(in: loan.tenorDays.min...loan.tenorDays.max)) * day
    var borrowed = due - tenor
    if let given = uploaded?.record.dueDate.flatMap(Self.day) {
      due = given
      borrowed = uploaded?.record.borrowedDate.flatMap(Self.day) ?? due - tenor
    } else if let given = uploaded?.record.borrowedDate.flatMap(Self.day) {
      borrowed = given
      due = borrowed + tenor
    }
    let drawn = loan.borrowedAmount.min + rng.unit() * (loan.borrowedAmount.max - loan.borrowedAmount.min)
    // Round to the two leading digits (or the leading one and a half) most of the time.
    var step = 1.0
    while step * 100 <= drawn { step *= 10 }
    if rng.chance(0.5) { step *= 5 }
    var principal = rng.chance(0.85) ? (drawn / step).rounded() * step : drawn.rounded()
    if !(loan.borrowedAmount.min...loan.borrowedAmount.max).contains(principal) || principal <= 0 {
      principal = model.wholeAmounts ? Swift.max(1, drawn.rounded()) : (drawn * 100).rounded() / 100
    }
    var principalCents = Int64((principal * 100).rounded())
    let markup = loan.owingMarkup.min + rng.unit() * (loan.owingMarkup.max - loan.owingMarkup.min)
    if uploaded?.record.borrowedAmount == nil, let owing = uploaded?.record.totalOwingAmount.flatMap(Self.cents) {
      principalCents = Int64((Double(owing) / (1 + markup)).rounded())
    } else if let given = uploaded?.record.borrowedAmount.flatMap(Self.cents) {
      principalCents = given
    }
    var owingCents = principalCents + Int64((Double(principalCents) * markup).rounded())
    if model.wholeAmounts { owingCents = (owingCents + 50) / 100 * 100 }
    detail.borrowedDate = uploaded?.record.borrowedDate ?? UTCTime.day(borrowed)
    detail.dueDate = uploaded?.record.dueDate ?? UTCTime.day(due)
    detail.borrowedAmount = uploaded?.record.borrowedAmount ?? Self.amount(principalCents)
    detail.totalOwingAmount = uploaded?.record.totalOwingAmount ?? Self.amount(Swift.max(owingCents, principalCents))
    detail.currencyUnit = uploaded?.record.currencyUnit ?? model.currency
  }

  /// A contact list's `yyyy-MM-dd` (checked when the list was read) as UTC seconds.
  private static func day(_ text: String) -> Int64? {
    UTCTime.parseISO8601(text + "T00:00:00Z")
  }

  /// A contact list's amount (`1500000`, `20310.5`; checked when the list was read) in cents.
  private static func cents(_ text: String) -> Int64? {
    let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    guard let whole = Int64(parts[0]) else { return nil }
    guard parts.count == 2 else { return whole * 100 }
    let fraction = parts[1].count == 1 ? parts[1] + "0" : String(parts[1])
    guard let hundredths = Int64(fraction) else { return nil }
    return whole * 100 + hundredths
  }
}
