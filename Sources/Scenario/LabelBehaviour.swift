/// How calls given one label go: the defaults of its kind, each part overridable in the
/// scenario's `robot.labels`.
package struct LabelBehaviour: Sendable {
  package var talkTime: TimeDistribution
  /// Probability that the callee, not the robot, ends the call.
  package var hangupByCalleeRate: Double
  /// Whether the callee promises to pay, so that `AsrPTP` can quote it.
  package var promisesToPay: Bool
  /// `NerSlots` names the robot fills on these calls (from `robot.nerSlots`).
  package var nerSlots: [String]
  /// `EventLabel` keys these calls hit (from `robot.eventLabels`).
  package var eventLabels: [String]

  /// Talk times that fit what happens in the call: a promise takes a minute, a wrong number
  /// a few seconds, "hang up immediately" a moment after the greeting.
  package static func defaults(_ kind: LabelKind) -> LabelBehaviour {
    func talk(_ median: Double, _ spread: Double, max: Double = 600) -> TimeDistribution {
      TimeDistribution(median: median, spread: spread, min: 2, max: max)
    }
    switch kind {
    case .promiseToPay:
      return LabelBehaviour(
        talkTime: talk(55, 0.4), hangupByCalleeRate: 0.15, promisesToPay: true, nerSlots: ["PaymentMethod", "PaymentTime"],
        eventLabels: ["A0", "Correct_Person", "Promise_To_Pay"])
    case .alreadyPaid:
      return LabelBehaviour(
        talkTime: talk(35, 0.4), hangupByCalleeRate: 0.25, promisesToPay: false, nerSlots: ["PaymentMethod"],
        eventLabels: ["A0", "Correct_Person"])
    case .refuseToPay:
      return LabelBehaviour(
        talkTime: talk(30, 0.5), hangupByCalleeRate: 0.6, promisesToPay: false, nerSlots: [],
        eventLabels: ["A0", "Correct_Person"])
    case .requestInstallment:
      return LabelBehaviour(
        talkTime: talk(65, 0.4), hangupByCalleeRate: 0.15, promisesToPay: false, nerSlots: ["PaymentMethod"],
        eventLabels: ["A0", "Correct_Person", "Request_Installment"])
    case .followUp:
      return LabelBehaviour(
        talkTime: talk(25, 0.6), hangupByCalleeRate: 0.3, promisesToPay: false, nerSlots: [], eventLabels: ["A0"])
    case .wrongPerson:
      return LabelBehaviour(
        talkTime: talk(12, 0.4, max: 90), hangupByCalleeRate: 0.6, promisesToPay: false, nerSlots: [],
        eventLabels: ["Third_Party"])
    case .interested:
      return LabelBehaviour(
        talkTime: talk(60, 0.4), hangupByCalleeRate: 0.15, promisesToPay: false, nerSlots: ["Interest", "Product"],
        eventLabels: ["Correct_Person", "Interested", "Ask_Price"])
    case .sendDetails:
      return LabelBehaviour(
        talkTime: talk(40, 0.4), hangupByCalleeRate: 0.2, promisesToPay: false, nerSlots: ["Product"],
        eventLabels: ["Correct_Person", "Interested"])
    case .callBack:
      return LabelBehaviour(
        talkTime: talk(18, 0.5), hangupByCalleeRate: 0.45, promisesToPay: false, nerSlots: [],
        eventLabels: ["Correct_Person", "Call_Back"])
    case .notInterested:
      return LabelBehaviour(
        talkTime: talk(14, 0.5, max: 120), hangupByCalleeRate: 0.7, promisesToPay: false, nerSlots: [],
        eventLabels: ["Correct_Person"])
    case .orderConfirmed:
      return LabelBehaviour(
        talkTime: talk(28, 0.4), hangupByCalleeRate: 0.2, promisesToPay: false, nerSlots: ["DeliveryTime", "OrderAction"],
        eventLabels: ["Correct_Person", "Confirm_Order"])
    case .changeAddress:
      return LabelBehaviour(
        talkTime: talk(50, 0.4), hangupByCalleeRate: 0.2, promisesToPay: false, nerSlots: ["OrderAction"],
        eventLabels: ["Correct_Person", "Address_Change"])
    case .cancelOrder:
      return LabelBehaviour(
        talkTime: talk(22, 0.5), hangupByCalleeRate: 0.5, promisesToPay: false, nerSlots: ["OrderAction"],
        eventLabels: ["Correct_Person"])
    case .reschedule:
      return LabelBehaviour(
        talkTime: talk(35, 0.4), hangupByCalleeRate: 0.2, promisesToPay: false, nerSlots: ["DeliveryTime"],
        eventLabels: ["Correct_Person"])
    case .hangUp:
      return LabelBehaviour(
        talkTime: TimeDistribution(median: 4, spread: 0.5, min: 2, max: 20), hangupByCalleeRate: 0.95, promisesToPay: false,
        nerSlots: [], eventLabels: [])
    }
  }
}
