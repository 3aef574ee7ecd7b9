/// Every field of the webhook's body, one row each in `row`: the JSON name exactly as the vendor
/// page spells it (`RedailCall`, `AskWhatsAPP`, `intention_description` included), where it
/// sits, whether the page requires it, its JSON type. The Codable keys, the byte writer, the
/// validator and the scenario's `fields` settings all read this table, so that a field's name
/// is written once. Cases are in the page's order (its parameter list; for the entries of
/// `RedailCall`, which the list does not detail, its example's order).
package enum ContractField: Int, CaseIterable, Sendable {
  // The envelope.
  case workflowID, workflowName, nodetaskID, nodetaskName, taskID, taskName, sign, details
  // A call of `Details`.
  case id, robotID, calleeName, calleeGender, calleeNumber, callStartTime, callEndTime, status
  case intention, intentionDescription, callID, callTimes, comments
  case borrowedDate, dueDate, borrowedAmount, totalOwingAmount, currencyUnit
  case platformName, ringType, hangupType, extraA, extraB, extraC, nerSlots, asrResult
  case askWhatsAPP, asrPTP, multiIntention, eventLabel, ringTime, talkRound, redialCalls
  case caseID, variables, callerNumber
  // An entry of a call's `RedailCall`.
  case redialCallID, redialCallStartTime, redialRingType, redialRingTime, redialHangupType
  case redialResultLabel, redialCalleeNumber, redialCallerNumber
  // An entry of a call's `AsrResult`.
  case asrTime, asrRobotText, asrText

  /// Where a field sits in the body.
  package enum Level: Sendable {
    case envelope, detail, redialCall, asrEntry
  }

  /// The field's JSON type as the page gives it.
  package enum ValueType: Sendable {
    case string, integer
    /// `enum<string>`: a string from `allowedValues`.
    case enumeration
    /// A JSON object (of strings, for every object field of the page).
    case object
    /// An array of objects.
    case array
  }

  /// One row of the table.
  package struct Row: Sendable {
    /// The JSON name, a literal so that the writer copies it without a lookup.
    package let key: StaticString
    package let level: Level
    package let isRequired: Bool
    package let type: ValueType
    /// Present only in collection (催收) payloads: "仅催收场景有此字段".
    package let isCollectionOnly: Bool
    /// May be JSON `null` though required: `RingType`, whose initial value is null.
    package let isNullable: Bool

    init(
      _ key: StaticString, _ level: Level, _ presence: Presence, _ type: ValueType,
      collectionOnly: Bool = false, nullable: Bool = false
    ) {
      self.key = key
      self.level = level
      isRequired = presence == .required
      self.type = type
      isCollectionOnly = collectionOnly
      isNullable = nullable
    }
  }

  /// The page's 必需 (required) and 可选 (optional).
  enum Presence {
    case required, optional
  }

  /// The table. Inlined, so that `row.key` of a literal case folds to its string at compile time.
  @inline(__always) package var row: Row {
    switch self {
    case .workflowID: Row("workflow_id", .envelope, .required, .string)
    case .workflowName: Row("workflow_name", .envelope, .required, .string)
    case .nodetaskID: Row("nodetask_id", .envelope, .required, .string)
    case .nodetaskName: Row("nodetask_name", .envelope, .required, .string)
    case .taskID: Row("TaskID", .envelope, .required, .string)
    case .taskName: Row("TaskName", .envelope, .required, .string)
    case .sign: Row("Sign", .envelope, .required, .string)
    case .details: Row("Details", .envelope, .required, .array)

    case .id: Row("id", .detail, .required, .integer)
    case .robotID: Row("RobotID", .detail, .required, .string)
    case .calleeName: Row("CalleeName", .detail, .required, .string)
    case .calleeGender: Row("CalleeGender", .detail, .required, .string)
    case .calleeNumber: Row("CalleeNumber", .detail, .required, .string)
    case .callStartTime: Row("CallStartTime", .detail, .required, .string)
    case .callEndTime: Row("CallEndTime", .detail, .required, .string)
    case .status: Row("Status", .detail, .required, .enumeration)
    case .intention: Row("Intention", .detail, .required, .string)
    case .intentionDescription: Row("intention_description", .detail, .optional, .string)
    case .callID: Row("CallID", .detail, .required, .string)
    case .callTimes: Row("CallTimes", .detail, .required, .integer)
    case .comments: Row("Comments", .detail, .required, .string)
    case .borrowedDate: Row("BorrowedDate", .detail, .optional, .string, collectionOnly: true)
    case .dueDate: Row("DueDate", .detail, .optional, .string, collectionOnly: true)
    case .borrowedAmount: Row("BorrowedAmount", .detail, .optional, .string, collectionOnly: true)
    case .totalOwingAmount: Row("TotalOwingAmount", .detail, .optional, .string, collectionOnly: true)
    case .currencyUnit: Row("CurrencyUnit", .detail, .optional, .string, collectionOnly: true)
    case .platformName: Row("PlatformName", .detail, .required, .string)
    case .ringType: Row("RingType", .detail, .required, .enumeration, nullable: true)
    case .hangupType: Row("HangupType", .detail, .required, .enumeration)
    case .extraA: Row("ExtraA", .detail, .optional, .string)
    case .extraB: Row("ExtraB", .detail, .optional, .string)
    case .extraC: Row("ExtraC", .detail, .optional, .string)
    case .nerSlots: Row("NerSlots", .detail, .optional, .object)
    case .asrResult: Row("AsrResult", .detail, .optional, .array)
    case .askWhatsAPP: Row("AskWhatsAPP", .detail, .optional, .string)
    case .asrPTP: Row("AsrPTP", .detail, .optional, .string)
    case .multiIntention: Row("Multi_intention", .detail, .optional, .object)
    case .eventLabel: Row("EventLabel", .detail, .optional, .object)
    case .ringTime: Row("RingTime", .detail, .optional, .integer)
    case .talkRound: Row("TalkRound", .detail, .optional, .integer)
    case .redialCalls: Row("RedailCall", .detail, .optional, .array)
    case .caseID: Row("CaseID", .detail, .required, .string)
    case .variables: Row("Variables", .detail, .required, .object)
    case .callerNumber: Row("caller_number", .detail, .optional, .string)

    case .redialCallID: Row("CallID", .redialCall, .required, .string)
    case .redialCallStartTime: Row("CallStartTime", .redialCall, .required, .string)
    case .redialRingType: Row("RingType", .redialCall, .required, .enumeration, nullable: true)
    case .redialRingTime: Row("RingTime", .redialCall, .required, .integer)
    case .redialHangupType: Row("HangupType", .redialCall, .required, .enumeration)
    case .redialResultLabel: Row("ResultLabel", .redialCall, .required, .string)
    case .redialCalleeNumber: Row("callee_number", .redialCall, .required, .string)
    case .redialCallerNumber: Row("caller_number", .redialCall, .required, .string)

    case .asrTime: Row("time", .asrEntry, .required, .string)
    case .asrRobotText: Row("robottext", .asrEntry, .required, .string)
    case .asrText: Row("text", .asrEntry, .required, .string)
    }
  }
}
