import Contract
import Scenario

/// One dial of a contact, as the simulated dialer placed it. Times are UTC seconds.
struct Dial: Sendable {
  var callID: String
  /// When the line dialled.
  var placed: Int64
  /// When the callee answered; nil for an unconnected dial.
  var answered: Int64?
  var ended: Int64
  var ringType: RingType
  var ringTime: Int
  var status: CallStatus
  var hangupType: HangupType
  /// Index of the robot's label in `GenerationModel.labelList`, for a connected dial.
  var label: Int?
  var callerNumber: String

  var isConnected: Bool { answered != nil }
  /// `CallStartTime`: the answer for a connected dial, else the end.
  var startTime: Int64 { answered ?? ended }
}

/// A contact of the list and its dials so far in the round. The optional fields are what an
/// uploaded contact list gave (nil: not given, so the call draws or defaults them); they sit
/// in one shared box, so a simulated contact carries a single nil pointer for them.
struct Contact: Sendable {
  var number: Int
  var caseID: String
  var name: String
  var gender: String
  var calleeNumber: String
  var earlierDials: [Dial] = []
  /// The uploaded row, when the contact came from a list.
  var uploaded: UploadedContact?

  init(number: Int, caseID: String, name: String, gender: String, calleeNumber: String) {
    self.number = number
    self.caseID = caseID
    self.name = name
    self.gender = gender
    self.calleeNumber = calleeNumber
  }

  /// A placeholder left where a contact was moved out (empty strings allocate nothing).
  static var vacant: Contact { Contact(number: 0, caseID: "", name: "", gender: "", calleeNumber: "") }

  var comments: String? { uploaded?.record.comments }
  var extraA: String? { uploaded?.record.extraA }
  var extraB: String? { uploaded?.record.extraB }
  var extraC: String? { uploaded?.record.extraC }
  /// Keys in the list's column order.
  var variables: OrderedStringMap? { uploaded?.record.variables }
  var borrowedDate: String? { uploaded?.record.borrowedDate }
  var dueDate: String? { uploaded?.record.dueDate }
  var borrowedAmount: String? { uploaded?.record.borrowedAmount }
  var totalOwingAmount: String? { uploaded?.record.totalOwingAmount }
  var currencyUnit: String? { uploaded?.record.currencyUnit }
}

/// A contact whose round is over: connected, or out of redials, or failed or cancelled.
struct FinishedContact: Sendable {
  var contact: Contact
  var last: Dial
}
