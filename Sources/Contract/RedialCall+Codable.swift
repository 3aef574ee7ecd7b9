/// Keys from `ContractField` (the `redial…` rows); every one is required.
extension RedialCall: Codable {
  package init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: ContractField.self)
    callID = try c.decode(String.self, forKey: .redialCallID)
    callStartTime = try c.decode(String.self, forKey: .redialCallStartTime)
    ringType = try c.decode(RingType.self, forKey: .redialRingType)
    ringTime = try c.decode(Int.self, forKey: .redialRingTime)
    hangupType = try c.decode(HangupType.self, forKey: .redialHangupType)
    resultLabel = try c.decode(String.self, forKey: .redialResultLabel)
    calleeNumber = try c.decode(String.self, forKey: .redialCalleeNumber)
    callerNumber = try c.decode(String.self, forKey: .redialCallerNumber)
  }

  package func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: ContractField.self)
    try c.encode(callID, forKey: .redialCallID)
    try c.encode(callStartTime, forKey: .redialCallStartTime)
    try c.encode(ringType, forKey: .redialRingType)
    try c.encode(ringTime, forKey: .redialRingTime)
    try c.encode(hangupType, forKey: .redialHangupType)
    try c.encode(resultLabel, forKey: .redialResultLabel)
    try c.encode(calleeNumber, forKey: .redialCalleeNumber)
    try c.encode(callerNumber, forKey: .redialCallerNumber)
  }
}
