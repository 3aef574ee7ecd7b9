import Contract

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

/// A contact of the list and its dials so far in the round.
struct Contact: Sendable {
  var number: Int
  var caseID: String
  var name: String
  var gender: String
  var calleeNumber: String
  var earlierDials: [Dial] = []
  /// Fields a contact list gives; nil: filled from the scenario's templates.
  var extraA: String? = nil
  var extraB: String? = nil
  var extraC: String? = nil
  var variables: OrderedStringMap? = nil
}

/// A contact whose round is over: connected, or out of redials, or failed or cancelled.
struct FinishedContact: Sendable {
  var contact: Contact
  var last: Dial
}
