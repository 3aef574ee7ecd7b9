/// One call of a notification's `Details` array: the 36 fields of the seed page, spelled as
/// the page spells them on the wire (see `CodingKeys`). `nil` means the field is absent.
public struct CallDetail: Sendable, Hashable {
  public var id: Int
  public var robotID: String
  public var calleeName: String
  public var calleeGender: String
  public var calleeNumber: String
  /// UTC, `yyyy-MM-ddTHH:mm:ssZ`: the answer time, or `callEndTime` for an unconnected call.
  public var callStartTime: String
  public var callEndTime: String
  public var status: CallStatus
  public var intention: String
  public var intentionDescription: String?
  public var callID: String
  /// Dials of this contact in the round: always `1 + redialCalls.count`.
  public var callTimes: Int
  public var comments: String
  public var borrowedDate: String?
  public var dueDate: String?
  public var borrowedAmount: String?
  public var totalOwingAmount: String?
  public var currencyUnit: String?
  public var platformName: String
  public var ringType: RingType
  public var hangupType: HangupType
  public var extraA: String?
  public var extraB: String?
  public var extraC: String?
  public var nerSlots: OrderedStringMap?
  public var asrResult: [AsrEntry]?
  public var askWhatsAPP: String?
  public var asrPTP: String?
  public var multiIntention: OrderedStringMap?
  public var eventLabel: OrderedStringMap?
  public var ringTime: Int?
  public var talkRound: Int?
  public var redialCalls: [RedialCall]?
  public var caseID: String
  public var variables: OrderedStringMap
  public var callerNumber: String?

  /// How edge-case scenarios want this call written; not a payload field.
  public var style: DetailEncodingStyle

  public init(
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

  enum CodingKeys: String, CodingKey, CaseIterable {
    case id
    case robotID = "RobotID"
    case calleeName = "CalleeName"
    case calleeGender = "CalleeGender"
    case calleeNumber = "CalleeNumber"
    case callStartTime = "CallStartTime"
    case callEndTime = "CallEndTime"
    case status = "Status"
    case intention = "Intention"
    case intentionDescription = "intention_description"
    case callID = "CallID"
    case callTimes = "CallTimes"
    case comments = "Comments"
    case borrowedDate = "BorrowedDate"
    case dueDate = "DueDate"
    case borrowedAmount = "BorrowedAmount"
    case totalOwingAmount = "TotalOwingAmount"
    case currencyUnit = "CurrencyUnit"
    case platformName = "PlatformName"
    case ringType = "RingType"
    case hangupType = "HangupType"
    case extraA = "ExtraA"
    case extraB = "ExtraB"
    case extraC = "ExtraC"
    case nerSlots = "NerSlots"
    case asrResult = "AsrResult"
    case askWhatsAPP = "AskWhatsAPP"
    case asrPTP = "AsrPTP"
    case multiIntention = "Multi_intention"
    case eventLabel = "EventLabel"
    case ringTime = "RingTime"
    case talkRound = "TalkRound"
    case redialCalls = "RedailCall"
    case caseID = "CaseID"
    case variables = "Variables"
    case callerNumber = "caller_number"
  }

  /// The page's required fields; every other key is optional.
  static let requiredKeys: Set<CodingKeys> = [
    .id, .robotID, .calleeName, .calleeGender, .calleeNumber, .callStartTime, .callEndTime,
    .status, .intention, .callID, .callTimes, .comments, .platformName, .ringType, .hangupType,
    .caseID, .variables,
  ]

  /// True when an optional field is absent, so that `.explicitNulls` would write a `null`.
  var hasAbsentOptionalField: Bool {
    intentionDescription == nil || borrowedDate == nil || dueDate == nil || borrowedAmount == nil
      || totalOwingAmount == nil || currencyUnit == nil || extraA == nil || extraB == nil
      || extraC == nil || nerSlots == nil || asrResult == nil || askWhatsAPP == nil
      || asrPTP == nil || multiIntention == nil || eventLabel == nil || ringTime == nil
      || talkRound == nil || redialCalls == nil || callerNumber == nil
  }
}

/// Writing choices that edge-case scenarios make per call (CONTRACT.md decisions 6 and 7).
public struct DetailEncodingStyle: OptionSet, Sendable, Hashable {
  public let rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }

  /// Absent optional fields are written as JSON `null` instead of being omitted.
  public static let explicitNulls = DetailEncodingStyle(rawValue: 1)
  /// A `.null` ring type is written as the string `"null"` instead of JSON `null`.
  public static let ringTypeNullAsString = DetailEncodingStyle(rawValue: 2)
}
