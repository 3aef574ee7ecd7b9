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
  /// VND) are whole, the others carry cents only on the owed amount's interest.
  func addLoan(to detail: inout CallDetail, callTime: Int64, rng: inout SeededRandom) {
    let loan = model.collection
    let day: Int64 = 86_400
    let due = callTime - Int64(rng.int(in: loan.daysPastDue.min...loan.daysPastDue.max)) * day
    let borrowed = due - Int64(rng.int(in: loan.tenorDays.min...loan.tenorDays.max)) * day
    let drawn = loan.borrowedAmount.min + rng.unit() * (loan.borrowedAmount.max - loan.borrowedAmount.min)
    // Round to the two leading digits (or the leading one and a half) most of the time.
    var step = 1.0
    while step * 100 <= drawn { step *= 10 }
    if rng.chance(0.5) { step *= 5 }
    var principal = rng.chance(0.85) ? (drawn / step).rounded() * step : drawn.rounded()
    if !(loan.borrowedAmount.min...loan.borrowedAmount.max).contains(principal) || principal <= 0 {
      principal = model.wholeAmounts ? Swift.max(1, drawn.rounded()) : (drawn * 100).rounded() / 100
    }
    let principalCents = Int64((principal * 100).rounded())
    let markup = loan.owingMarkup.min + rng.unit() * (loan.owingMarkup.max - loan.owingMarkup.min)
    var owingCents = principalCents + Int64((Double(principalCents) * markup).rounded())
    if model.wholeAmounts { owingCents = (owingCents + 50) / 100 * 100 }
    detail.borrowedDate = UTCTime.day(borrowed)
    detail.dueDate = UTCTime.day(due)
    detail.borrowedAmount = Self.amount(principalCents)
    detail.totalOwingAmount = Self.amount(Swift.max(owingCents, principalCents))
    detail.currencyUnit = model.currency
  }
}
