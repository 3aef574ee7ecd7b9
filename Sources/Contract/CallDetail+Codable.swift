/// Keys from `ContractField`; optional fields are decoded if present, and a `null` among them
/// marks the call's style as `.explicitNulls`.
extension CallDetail: Codable {
  /// The page's optional call fields.
  private static let optionalFields = ContractField.fields(at: .detail).filter { !$0.isRequired }

  package init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: ContractField.self)
    id = try c.decode(Int.self, forKey: .id)
    robotID = try c.decode(String.self, forKey: .robotID)
    calleeName = try c.decode(String.self, forKey: .calleeName)
    calleeGender = try c.decode(String.self, forKey: .calleeGender)
    calleeNumber = try c.decode(String.self, forKey: .calleeNumber)
    callStartTime = try c.decode(String.self, forKey: .callStartTime)
    callEndTime = try c.decode(String.self, forKey: .callEndTime)
    status = try c.decode(CallStatus.self, forKey: .status)
    intention = try c.decode(String.self, forKey: .intention)
    intentionDescription = try c.decodeIfPresent(String.self, forKey: .intentionDescription)
    callID = try c.decode(String.self, forKey: .callID)
    callTimes = try c.decode(Int.self, forKey: .callTimes)
    comments = try c.decode(String.self, forKey: .comments)
    borrowedDate = try c.decodeIfPresent(String.self, forKey: .borrowedDate)
    dueDate = try c.decodeIfPresent(String.self, forKey: .dueDate)
    borrowedAmount = try c.decodeIfPresent(String.self, forKey: .borrowedAmount)
    totalOwingAmount = try c.decodeIfPresent(String.self, forKey: .totalOwingAmount)
    currencyUnit = try c.decodeIfPresent(String.self, forKey: .currencyUnit)
    platformName = try c.decode(String.self, forKey: .platformName)
    // RingType is required but may be JSON null (the page's initial value).
    guard c.contains(.ringType) else {
      throw DecodingError.keyNotFound(
        ContractField.ringType,
        .init(codingPath: c.codingPath, debugDescription: "\(ContractField.ringType.name) is required (null is allowed)"))
    }
    ringType = try c.decode(RingType.self, forKey: .ringType)
    hangupType = try c.decode(HangupType.self, forKey: .hangupType)
    extraA = try c.decodeIfPresent(String.self, forKey: .extraA)
    extraB = try c.decodeIfPresent(String.self, forKey: .extraB)
    extraC = try c.decodeIfPresent(String.self, forKey: .extraC)
    nerSlots = try c.decodeIfPresent(OrderedStringMap.self, forKey: .nerSlots)
    asrResult = try c.decodeIfPresent([AsrEntry].self, forKey: .asrResult)
    askWhatsAPP = try c.decodeIfPresent(String.self, forKey: .askWhatsAPP)
    asrPTP = try c.decodeIfPresent(String.self, forKey: .asrPTP)
    multiIntention = try c.decodeIfPresent(OrderedStringMap.self, forKey: .multiIntention)
    eventLabel = try c.decodeIfPresent(OrderedStringMap.self, forKey: .eventLabel)
    ringTime = try c.decodeIfPresent(Int.self, forKey: .ringTime)
    talkRound = try c.decodeIfPresent(Int.self, forKey: .talkRound)
    redialCalls = try c.decodeIfPresent([RedialCall].self, forKey: .redialCalls)
    caseID = try c.decode(String.self, forKey: .caseID)
    variables = try c.decode(OrderedStringMap.self, forKey: .variables)
    callerNumber = try c.decodeIfPresent(String.self, forKey: .callerNumber)

    style = []
    for key in Self.optionalFields where c.contains(key) {
      if try c.decodeNil(forKey: key) {
        style.insert(.explicitNulls)
        break
      }
    }
    if ringType == .null, (try? c.decode(String.self, forKey: .ringType)) != nil {
      style.insert(.ringTypeNullAsString)
    }
  }

  package func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: ContractField.self)
    let nulls = style.contains(.explicitNulls)
    func optional<T: Encodable>(_ value: T?, _ key: ContractField) throws {
      if let value {
        try c.encode(value, forKey: key)
      } else if nulls {
        try c.encodeNil(forKey: key)
      }
    }
    try c.encode(id, forKey: .id)
    try c.encode(robotID, forKey: .robotID)
    try c.encode(calleeName, forKey: .calleeName)
    try c.encode(calleeGender, forKey: .calleeGender)
    try c.encode(calleeNumber, forKey: .calleeNumber)
    try c.encode(callStartTime, forKey: .callStartTime)
    try c.encode(callEndTime, forKey: .callEndTime)
    try c.encode(status, forKey: .status)
    try c.encode(intention, forKey: .intention)
    try c.encode(callID, forKey: .callID)
    try c.encode(callTimes, forKey: .callTimes)
    try c.encode(comments, forKey: .comments)
    try optional(borrowedDate, .borrowedDate)
    try optional(dueDate, .dueDate)
    try optional(borrowedAmount, .borrowedAmount)
    try optional(totalOwingAmount, .totalOwingAmount)
    try optional(currencyUnit, .currencyUnit)
    try c.encode(platformName, forKey: .platformName)
    if ringType == .null && !style.contains(.ringTypeNullAsString) {
      try c.encodeNil(forKey: .ringType)
    } else {
      try c.encode(ringType, forKey: .ringType)
    }
    try c.encode(hangupType, forKey: .hangupType)
    try optional(extraA, .extraA)
    try optional(extraB, .extraB)
    try optional(extraC, .extraC)
    try optional(asrResult, .asrResult)
    try optional(ringTime, .ringTime)
    try optional(talkRound, .talkRound)
    try optional(redialCalls, .redialCalls)
    try optional(nerSlots, .nerSlots)
    try optional(intentionDescription, .intentionDescription)
    try optional(eventLabel, .eventLabel)
    try optional(multiIntention, .multiIntention)
    try optional(askWhatsAPP, .askWhatsAPP)
    try optional(asrPTP, .asrPTP)
    try optional(callerNumber, .callerNumber)
    try c.encode(caseID, forKey: .caseID)
    try c.encode(variables, forKey: .variables)
  }
}
