/// One earlier dial of the same contact in the round: an entry of `RedailCall` (the page's
/// spelling). Its `CallStartTime` is written `yyyy-MM-dd HH:mm:ss`, as in the page's example.
package struct RedialCall: Sendable, Hashable {
  package var callID: String
  package var callStartTime: String
  package var ringType: RingType
  package var ringTime: Int
  package var hangupType: HangupType
  package var resultLabel: String
  package var calleeNumber: String
  package var callerNumber: String

  package init(
    callID: String, callStartTime: String, ringType: RingType, ringTime: Int,
    hangupType: HangupType, resultLabel: String, calleeNumber: String, callerNumber: String
  ) {
    self.callID = callID
    self.callStartTime = callStartTime
    self.ringType = ringType
    self.ringTime = ringTime
    self.hangupType = hangupType
    self.resultLabel = resultLabel
    self.calleeNumber = calleeNumber
    self.callerNumber = callerNumber
  }
}
