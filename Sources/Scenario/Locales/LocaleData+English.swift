extension LocaleData {
  /// English dialogues, shared by `en-US` and `en-PH`.
  static let englishGreetings: [(fromHour: Int, text: String)] = [
    (0, "evening"), (4, "morning"), (12, "afternoon"), (18, "evening"),
  ]

  static let englishCollection = SceneDialogue(
    openings: [
      "Hello, good {greeting}.", "Good {greeting}, this is a reminder from your lender.",
      "Hello, good {greeting}, am I speaking with the account holder?",
    ],
    answers: ["hello", "yes, who is this?", "yes?"],
    lines: [
      .promiseToPay: DialogueLines(
        robot: [
          "Your loan is now overdue. When will you be able to pay?", "What time will you make the payment?",
          "Please pay through the payment link we sent you.", "Will you pay the full amount?",
        ],
        user: ["yes, I'll pay", "by bank transfer", "yes, the full amount", "okay, noted"],
        closing: ["Thank you, we have noted your promise to pay.", "Thank you, we look forward to your payment."],
        promises: ["I will pay tomorrow", "I can pay on Friday", "I'll pay this afternoon", "I will settle it on the 25th"]),
      .alreadyPaid: DialogueLines(
        robot: ["Our records show your loan is unpaid.", "When did you make the payment?", "Please send us the receipt."],
        user: ["I already paid yesterday", "I paid this morning", "I paid through the app", "I'll send the receipt"],
        closing: ["Thank you, we will check your payment.", "Thank you, we will update your account."]),
      .refuseToPay: DialogueLines(
        robot: [
          "Your loan is now overdue. When will you be able to pay?", "Late payment adds penalties.",
          "Is something stopping you from paying?",
        ],
        user: ["I won't pay", "stop calling me", "that's not my problem", "I have no money"],
        closing: ["We will contact you again. Goodbye.", "Please settle your balance soon. Goodbye."]),
      .requestInstallment: DialogueLines(
        robot: [
          "Your loan is now overdue. When will you be able to pay?", "How much can you pay this month?",
          "We will pass on your request.",
        ],
        user: ["can I pay in installments?", "I can only pay half", "please give me more time", "I haven't been paid yet"],
        closing: ["Our team will call you about installments. Thank you.", "Thank you, we have noted your request."]),
      .followUp: DialogueLines(
        robot: ["May I have a moment of your time?", "Hello? Can you hear me?", "Your loan is now overdue."],
        user: ["maybe later", "I'm driving", "call me back later", "hmm"],
        closing: ["We will call you again. Thank you.", "Thank you for your time."]),
      .hangUp: DialogueLines(
        robot: ["Hello? Can you hear me?"], user: ["hello?", "who is this?", "I'm busy"], closing: ["Thank you."]),
      .wrongPerson: DialogueLines(
        robot: ["Am I speaking with the owner of this number?", "Do you know the account holder?"],
        user: ["wrong number", "no, that's not me", "I don't know that person", "this is a new number"],
        closing: ["Sorry for the trouble. Goodbye.", "Sorry to bother you."]),
    ])

  static let englishMarketing = SceneDialogue(
    openings: ["Hello, good {greeting}.", "Good {greeting}, this is a special offer from your bank."],
    answers: ["hello", "yes, who is this?", "yes?"],
    lines: [
      .interested: DialogueLines(
        robot: [
          "We have a special loan offer with a low interest rate.", "The rate starts at 1% a month.", "How much would you need?",
        ],
        user: ["yes, I'm interested", "what is the interest rate?", "what are the requirements?", "around fifty thousand"],
        closing: ["Our team will process your application. Thank you."]),
      .sendDetails: DialogueLines(
        robot: ["We have a special loan offer with a low interest rate.", "May we send you the details on WhatsApp?"],
        user: ["sure, send it", "send it on WhatsApp", "this number has WhatsApp"],
        closing: ["We will send the details shortly. Thank you."]),
      .callBack: DialogueLines(
        robot: ["We have a special loan offer with a low interest rate.", "When is a good time to call you back?"],
        user: ["maybe later", "call me tomorrow", "I'm busy right now"], closing: ["We will call you again. Thank you."]),
      .notInterested: DialogueLines(
        robot: ["We have a special loan offer with a low interest rate.", "Would you be interested?"],
        user: ["not interested", "no, thank you", "I don't need a loan"], closing: ["Thank you for your time."]),
      .hangUp: DialogueLines(robot: ["Hello? Can you hear me?"], user: ["hello?", "who is this?"], closing: ["Thank you."]),
    ])

  static let englishEcommerce = SceneDialogue(
    openings: ["Hello, good {greeting}, this is your online store.", "Good {greeting}, we are calling to confirm your order."],
    answers: ["hello", "yes", "yes, who is this?"],
    lines: [
      .orderConfirmed: DialogueLines(
        robot: ["Your order is ready to ship.", "Is your delivery address still correct?", "You will pay on delivery, right?"],
        user: ["yes, that's right", "yes, ship it", "correct", "okay"], closing: ["Thank you, your order will ship soon."]),
      .changeAddress: DialogueLines(
        robot: ["Your order is ready to ship.", "Is your delivery address still correct?", "Please tell me the new address."],
        user: ["please change the address", "send it to my office", "I have moved"],
        closing: ["We have updated the delivery address. Thank you."]),
      .cancelOrder: DialogueLines(
        robot: ["Your order is ready to ship.", "Are you sure you want to cancel?"],
        user: ["cancel the order", "I don't want it anymore", "yes, cancel it"], closing: ["Your order has been cancelled."]),
      .reschedule: DialogueLines(
        robot: ["Your order is ready to ship.", "When is a good time for delivery?"],
        user: ["afternoon is fine", "tomorrow please", "next week"], closing: ["We have rescheduled your delivery. Thank you."]),
      .hangUp: DialogueLines(robot: ["Hello? Can you hear me?"], user: ["hello?", "who is this?"], closing: ["Thank you."]),
    ])
}
