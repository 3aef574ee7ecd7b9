/// One call of a notification's `Details` array: the 36 fields of the seed page, spelled as
/// the page spells them on the wire (see `ContractField`). `nil` means the field is absent.
package struct CallDetail: Sendable, Hashable {
  package var id: Int
  package var robotID: String
  package var calleeName: String
  package var calleeGender: String
  package var calleeNumber: String
  /// UTC, `yyyy-MM-ddTHH:mm:ssZ`: the answer time, or `callEndTime` for an unconnected call.
  package var callStartTime: String
  package var callEndTime: String
  package var intention: String
  package var intentionDescription: String?
  package var callID: String
  /// Dials of this contact in the round: always `1 + redialCalls.count`.
  package var callTimes: Int
  package var comments: String
  package var borrowedDate: String?
  package var dueDate: String?
  package var borrowedAmount: String?
  package var totalOwingAmount: String?
  package var currencyUnit: String?
  package var platformName: String
  package var extraA: String?
  package var extraB: String?
  package var extraC: String?
  package var nerSlots: OrderedStringMap?
  package var asrResult: [AsrEntry]?
  package var askWhatsAPP: String?
  package var asrPTP: String?
  package var multiIntention: OrderedStringMap?
  package var eventLabel: OrderedStringMap?
  package var ringTime: Int?
  // The one-byte fields sit in `ringTime`'s padding: a call is then small enough that an
  // array of two stays under glibc's 1 KiB large-chunk size, whose path (when the thread's
  // cache has no chunk to hand out) first merges the fast bins (CallDetailLayoutTests).
  package var status: CallStatus
  package var ringType: RingType
  package var hangupType: HangupType
  /// How edge-case scenarios want this call written; not a payload field.
  package var style: DetailEncodingStyle
  package var talkRound: Int?
  package var redialCalls: [RedialCall]?
  package var caseID: String
  package var variables: OrderedStringMap
  package var callerNumber: String?

  package init(
    id: Int, robotID: String, calleeName: String, calleeGender: String, calleeNumber: String,
    callStartTime: String, callEndTime: String, status: CallStatus, intention: String,
    callID: String, callTimes: Int, comments: String, platformName: String,
    ringType: RingType, hangupType: HangupType, caseID: String, variables: OrderedStringMap
  ) {
    self.id = id
    self.robotID = robotID
    self.calleeName = calleeName
    self.calleeGender = calleeGender
    self.calleeNumber = calleeNumber
    self.callStartTime = callStartTime
    self.callEndTime = callEndTime
    self.status = status
    self.intention = intention
    self.callID = callID
    self.callTimes = callTimes
    self.comments = comments
    self.platformName = platformName
    self.ringType = ringType
    self.hangupType = hangupType
    self.caseID = caseID
    self.variables = variables
    self.style = []
  }

  /// True when an optional field is absent, so that `.explicitNulls` would write a `null`.
  package var hasAbsentOptionalField: Bool {
    intentionDescription == nil || borrowedDate == nil || dueDate == nil || borrowedAmount == nil
      || totalOwingAmount == nil || currencyUnit == nil || extraA == nil || extraB == nil
      || extraC == nil || nerSlots == nil || asrResult == nil || askWhatsAPP == nil
      || asrPTP == nil || multiIntention == nil || eventLabel == nil || ringTime == nil
      || talkRound == nil || redialCalls == nil || callerNumber == nil
  }
}

/// Writing choices that edge-case scenarios make per call (CONTRACT.md decisions 6 and 7).
package struct DetailEncodingStyle: OptionSet, Sendable, Hashable {
  package let rawValue: UInt8
  package init(rawValue: UInt8) { self.rawValue = rawValue }

  /// Absent optional fields are written as JSON `null` instead of being omitted.
  package static let explicitNulls = DetailEncodingStyle(rawValue: 1)
  /// A `.null` ring type is written as the string `"null"` instead of JSON `null`.
  package static let ringTypeNullAsString = DetailEncodingStyle(rawValue: 2)
}
