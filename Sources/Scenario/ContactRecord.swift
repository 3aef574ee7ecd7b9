import Contract

/// One contact of an uploaded list: the two fields AIRudder cannot dial without, and what
/// else the list gave (nil: not given, so the simulator draws it as it does for its own
/// contacts).
package struct ContactRecord: Sendable, Hashable {
  package var caseID: String
  package var calleeNumber: String
  package var calleeName: String?
  package var calleeGender: String?
  package var comments: String?
  package var extraA: String?
  package var extraB: String?
  package var extraC: String?
  package var borrowedDate: String?
  package var dueDate: String?
  package var borrowedAmount: String?
  package var totalOwingAmount: String?
  package var currencyUnit: String?
  /// Keys in the list's column order.
  package var variables: OrderedStringMap?

  package init(caseID: String, calleeNumber: String) {
    self.caseID = caseID
    self.calleeNumber = calleeNumber
  }
}
