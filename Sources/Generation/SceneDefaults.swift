import Scenario

/// What a robot says and how it labels calls when a scenario does not say: per scene, and for
/// transcripts per language.
enum SceneDefaults {
  static func labels(_ scene: Scene) -> [IntentionLabel] {
    switch scene {
    case .collection:
      [
        IntentionLabel("A", weight: 25, description: "Promise to Pay"),
        IntentionLabel("B", weight: 10, description: "Already Paid"),
        IntentionLabel("C", weight: 10, description: "Refuse to Pay"),
        IntentionLabel("D", weight: 8, description: "Request Installment"),
        IntentionLabel("E", weight: 20, description: "Needs Follow Up"),
        IntentionLabel("F", weight: 17, description: "Hang Up Immediately"),
        IntentionLabel("G", weight: 10, description: "Wrong Person"),
      ]
    case .marketing:
      [
        IntentionLabel("A", weight: 15, description: "Interested"),
        IntentionLabel("B", weight: 12, description: "Send Details via WhatsApp"),
        IntentionLabel("C", weight: 18, description: "Call Back Later"),
        IntentionLabel("D", weight: 35, description: "Not Interested"),
        IntentionLabel("E", weight: 20, description: "Hang Up Immediately"),
      ]
    case .ecommerce:
      [
        IntentionLabel("A", weight: 45, description: "Order Confirmed"),
        IntentionLabel("B", weight: 10, description: "Change Address"),
        IntentionLabel("C", weight: 12, description: "Cancel Order"),
        IntentionLabel("D", weight: 13, description: "Reschedule Delivery"),
        IntentionLabel("E", weight: 20, description: "Hang Up Immediately"),
      ]
    }
  }

  static func nerSlots(_ scene: Scene) -> [(key: String, values: [String])] {
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

  static func eventLabels(_ scene: Scene) -> [(key: String, value: String)] {
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

  /// Robot lines, then user lines.
  static func transcript(_ scene: Scene, _ locale: ScenarioLocale) -> (robot: [String], user: [String]) {
    switch (locale, scene) {
    case (.indonesian, .collection):
      (
        [
          "halo (jeda 1-2 detik) selamat pagi", "Apa boleh minta waktunya sebentar?",
          "Saya dari layanan penagihan, tagihan Anda sudah jatuh tempo.",
          "Kapan Anda bisa melakukan pembayaran?", "Baik, mohon lakukan pembayaran sebelum pukul lima sore.",
          "Halo? Apa suara saya terdengar?",
          "mengapa tidak berbicara?", "Terima kasih, selamat siang.",
        ],
        [
          "halo", "iya, siapa ini?", "besok saya transfer", "saya belum gajian", "sudah saya bayar kemarin",
          "bisa dicicil tidak?", "oke", "salah sambung",
        ]
      )
    case (.indonesian, .marketing):
      (
        [
          "halo, selamat pagi", "Kami punya penawaran pinjaman dengan bunga rendah.", "Apakah Anda tertarik?",
          "Boleh kami kirim detailnya lewat WhatsApp?", "Terima kasih atas waktunya.",
        ],
        ["halo", "penawaran apa?", "tidak tertarik", "boleh, kirim saja", "nanti saja", "berapa bunganya?"]
      )
    case (.indonesian, .ecommerce):
      (
        [
          "halo, kami dari toko online", "Pesanan Anda siap dikirim.", "Apakah alamat pengiriman sudah benar?",
          "Kapan waktu yang tepat untuk pengiriman?", "Terima kasih, pesanan akan segera dikirim.",
        ],
        ["halo", "iya benar", "tolong ganti alamat", "sore saja", "batalkan pesanan", "oke"]
      )
    case (_, .collection) where locale != .chinese:
      (
        [
          "Hello, good morning.", "May I have a moment of your time?", "I am calling about your loan, which is now overdue.",
          "When will you be able to pay?", "Please make the payment before five p.m. today.", "Hello? Can you hear me?",
          "Thank you, goodbye.",
        ],
        [
          "hello", "yes, who is this?", "I will pay tomorrow", "I don't have money yet", "I already paid",
          "can I pay in installments?", "okay", "wrong number",
        ]
      )
    case (_, .marketing) where locale != .chinese:
      (
        [
          "Hello, good morning.", "We have a special loan offer with a low interest rate.", "Would you be interested?",
          "May we send you the details on WhatsApp?", "Thank you for your time.",
        ],
        ["hello", "what offer?", "not interested", "sure, send it", "maybe later", "what is the interest rate?"]
      )
    case (_, .ecommerce) where locale != .chinese:
      (
        [
          "Hello, this is your online store.", "Your order is ready to ship.", "Is your delivery address still correct?",
          "When is a good time for delivery?", "Thank you, your order will ship soon.",
        ],
        ["hello", "yes, that's right", "please change the address", "afternoon is fine", "cancel the order", "okay"]
      )
    case (_, .collection):
      (
        ["您好,早上好。", "请问现在方便说话吗?", "您的贷款已经逾期了。", "请问您什么时候可以还款?", "请在今天下午五点前还款。", "喂?能听到吗?", "谢谢,再见。"],
        ["喂", "你是谁?", "我明天还款", "我还没发工资", "我已经还了", "可以分期吗?", "好的", "打错了"]
      )
    case (_, .marketing):
      (
        ["您好,早上好。", "我们有一款低利率的贷款产品。", "请问您感兴趣吗?", "可以通过微信发给您详情吗?", "谢谢您的时间。"],
        ["喂", "什么产品?", "不感兴趣", "可以,发给我", "以后再说", "利息多少?"]
      )
    case (_, .ecommerce):
      (
        ["您好,这里是网店客服。", "您的订单已准备发货。", "请问收货地址正确吗?", "什么时间方便收货?", "谢谢,订单将尽快发出。"],
        ["喂", "对的", "请帮我改地址", "下午可以", "取消订单", "好的"]
      )
    }
  }

  /// What a debtor says when promising to pay (`AsrPTP`).
  static func promises(_ locale: ScenarioLocale) -> [String] {
    switch locale {
    case .indonesian: ["besok saya transfer", "saya bayar hari jumat", "nanti sore saya bayar", "tanggal 25 saya lunasi"]
    case .chinese: ["我明天还款", "周五之前还", "今天下午还", "下个月五号还清"]
    default: ["I will pay tomorrow", "I can pay on Friday", "I'll pay this afternoon", "I will settle it on the 25th"]
    }
  }
}
