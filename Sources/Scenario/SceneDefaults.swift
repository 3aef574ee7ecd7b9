/// How a robot labels calls when a scenario does not say, per scene. What it says is locale
/// data (`LocaleData`); how each label's calls go is its kind's (`LabelBehaviour`).
package enum SceneDefaults {
  package static func labels(_ scene: Scene) -> [IntentionLabel] {
    switch scene {
    case .collection:
      [
        IntentionLabel("A", weight: 25, description: "Promise to Pay", kind: .promiseToPay),
        IntentionLabel("B", weight: 10, description: "Already Paid", kind: .alreadyPaid),
        IntentionLabel("C", weight: 10, description: "Refuse to Pay", kind: .refuseToPay),
        IntentionLabel("D", weight: 8, description: "Request Installment", kind: .requestInstallment),
        IntentionLabel("E", weight: 20, description: "Needs Follow Up", kind: .followUp),
        IntentionLabel("F", weight: 17, description: "Hang Up Immediately", kind: .hangUp),
        IntentionLabel("G", weight: 10, description: "Wrong Person", kind: .wrongPerson),
      ]
    case .marketing:
      [
        IntentionLabel("A", weight: 15, description: "Interested", kind: .interested),
        IntentionLabel("B", weight: 12, description: "Send Details via WhatsApp", kind: .sendDetails),
        IntentionLabel("C", weight: 18, description: "Call Back Later", kind: .callBack),
        IntentionLabel("D", weight: 35, description: "Not Interested", kind: .notInterested),
        IntentionLabel("E", weight: 20, description: "Hang Up Immediately", kind: .hangUp),
      ]
    case .ecommerce:
      [
        IntentionLabel("A", weight: 45, description: "Order Confirmed", kind: .orderConfirmed),
        IntentionLabel("B", weight: 10, description: "Change Address", kind: .changeAddress),
        IntentionLabel("C", weight: 12, description: "Cancel Order", kind: .cancelOrder),
        IntentionLabel("D", weight: 13, description: "Reschedule Delivery", kind: .reschedule),
        IntentionLabel("E", weight: 20, description: "Hang Up Immediately", kind: .hangUp),
      ]
    }
  }

  package static func nerSlots(_ scene: Scene) -> [(key: String, values: [String])] {
    switch scene {
    case .collection:
      [
        ("PaymentMethod", ["Transfer", "Cash", "E-Wallet", "Virtual Account"]),
        ("PaymentTime", ["Time_0", "Time_1", "Time_2", "Time_3"]),
      ]
    case .marketing:
      [("Interest", ["High", "Medium", "Low"]), ("Product", ["Loan", "Credit Card", "Insurance"])]
    case .ecommerce:
      [("DeliveryTime", ["Morning", "Afternoon", "Evening"]), ("OrderAction", ["Confirm", "Cancel", "Reschedule"])]
    }
  }

  package static func eventLabels(_ scene: Scene) -> [(key: String, value: String)] {
    switch scene {
    case .collection:
      [
        ("A0", "A0"), ("Correct_Person", "identity_correct_person"), ("Promise_To_Pay", "action_item_ptp"),
        ("Request_Installment", "action_item_request_installment"), ("Third_Party", "identity_third_party"),
      ]
    case .marketing:
      [
        ("Correct_Person", "identity_correct_person"), ("Interested", "intent_interested"), ("Ask_Price", "question_price"),
        ("Call_Back", "action_item_call_back"),
      ]
    case .ecommerce:
      [
        ("Correct_Person", "identity_correct_person"), ("Confirm_Order", "action_item_confirm_order"),
        ("Address_Change", "action_item_change_address"),
      ]
    }
  }
}
