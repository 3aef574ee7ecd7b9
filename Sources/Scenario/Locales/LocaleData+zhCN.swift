extension LocaleData {
  /// Simplified Chinese: family name first, no capitals.
  static let zhCN = LocaleData(
    code: "zh-CN", country: "CN", currency: "CNY",
    names: NameData(
      male: ["伟", "强", "磊", "洋", "勇", "军", "杰", "涛", "明", "超", "刚", "平"],
      female: ["芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "玲", "婷", "雪", "慧"],
      family: ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙"], familyFirst: true,
      uppercaseInCollection: false),
    greetings: [(0, "晚上好"), (4, "早上好"), (12, "下午好"), (18, "晚上好")],
    collection: SceneDialogue(
      openings: ["您好,{greeting}。", "{greeting},这里是贷后服务中心。", "您好,{greeting},请问是借款人本人吗?"],
      answers: ["喂", "你是谁?", "什么事?"],
      lines: [
        .promiseToPay: DialogueLines(
          robot: ["您的贷款已经逾期了,请问您什么时候可以还款?", "请问您几点还款?", "请通过我们发送的链接还款。", "请问是全额还款吗?"],
          user: ["好的,我会还", "银行转账", "对,全额", "好,记下了"],
          closing: ["好的,已记录您的还款承诺,谢谢。", "谢谢,我们等您的还款。"],
          promises: ["我明天还款", "周五之前还", "今天下午还", "下个月五号还清"]),
        .alreadyPaid: DialogueLines(
          robot: ["系统显示您的贷款尚未还清。", "请问您什么时候还的?", "请把还款凭证发给我们。"],
          user: ["我已经还了", "我昨天就还了", "在应用里还的", "我把凭证发给你们"],
          closing: ["好的,我们会核实您的还款,谢谢。", "谢谢,我们会更新您的账户。"]),
        .refuseToPay: DialogueLines(
          robot: ["您的贷款已经逾期了,请问您什么时候可以还款?", "逾期会产生罚息。", "请问还款有什么困难吗?"],
          user: ["我不还", "别再打了", "跟我没关系", "我没钱"],
          closing: ["我们会再联系您,再见。", "请尽快处理您的欠款,再见。"]),
        .requestInstallment: DialogueLines(
          robot: ["您的贷款已经逾期了,请问您什么时候可以还款?", "这个月您能还多少?", "我们会转达您的申请。"],
          user: ["可以分期吗?", "我只能还一半", "能宽限几天吗?", "我还没发工资"],
          closing: ["我们的同事会就分期联系您,谢谢。", "谢谢,已记录您的申请。"]),
        .followUp: DialogueLines(
          robot: ["请问现在方便说话吗?", "喂?能听到吗?", "您的贷款已经逾期了。"],
          user: ["等会再说", "我在开车", "晚点再打", "嗯"], closing: ["我们稍后再联系您,谢谢。", "谢谢您的时间。"]),
        .hangUp: DialogueLines(robot: ["喂?能听到吗?"], user: ["喂?", "谁啊?", "忙着呢"], closing: ["谢谢。"]),
        .wrongPerson: DialogueLines(
          robot: ["请问您是这个号码的机主吗?", "请问您认识借款人吗?"],
          user: ["打错了", "不是我", "不认识这个人", "这是新号码"], closing: ["抱歉打扰了,再见。", "不好意思,打扰了。"]),
      ]),
    marketing: SceneDialogue(
      openings: ["您好,{greeting}。", "{greeting},这里是银行客服。"],
      answers: ["喂", "你是谁?", "嗯?"],
      lines: [
        .interested: DialogueLines(
          robot: ["我们有一款低利率的贷款产品。", "月利率低至百分之一。", "请问您需要多少额度?"],
          user: ["可以,我感兴趣", "利息多少?", "需要什么条件?", "五万左右"], closing: ["我们会为您办理申请,谢谢。"]),
        .sendDetails: DialogueLines(
          robot: ["我们有一款低利率的贷款产品。", "可以通过微信发给您详情吗?"],
          user: ["可以,发给我", "发微信吧", "这个号码就是微信"], closing: ["我们马上把详情发给您,谢谢。"]),
        .callBack: DialogueLines(
          robot: ["我们有一款低利率的贷款产品。", "请问什么时候方便再联系您?"],
          user: ["以后再说", "明天再打", "现在忙"], closing: ["我们稍后再联系您,谢谢。"]),
        .notInterested: DialogueLines(
          robot: ["我们有一款低利率的贷款产品。", "请问您感兴趣吗?"], user: ["不感兴趣", "不用了,谢谢", "我不需要贷款"],
          closing: ["谢谢您的时间。"]),
        .hangUp: DialogueLines(robot: ["喂?能听到吗?"], user: ["喂?", "谁啊?"], closing: ["谢谢。"]),
      ]),
    ecommerce: SceneDialogue(
      openings: ["您好,{greeting},这里是网店客服。", "{greeting},我们来确认您的订单。"],
      answers: ["喂", "嗯", "你是谁?"],
      lines: [
        .orderConfirmed: DialogueLines(
          robot: ["您的订单已准备发货。", "请问收货地址正确吗?", "是货到付款,对吗?"], user: ["对的", "发吧", "没错", "好的"],
          closing: ["谢谢,订单将尽快发出。"]),
        .changeAddress: DialogueLines(
          robot: ["您的订单已准备发货。", "请问收货地址正确吗?", "请告诉我新地址。"], user: ["请帮我改地址", "寄到我公司", "我搬家了"],
          closing: ["收货地址已更新,谢谢。"]),
        .cancelOrder: DialogueLines(
          robot: ["您的订单已准备发货。", "您确定要取消吗?"], user: ["取消订单", "我不要了", "对,取消吧"], closing: ["您的订单已取消。"]),
        .reschedule: DialogueLines(
          robot: ["您的订单已准备发货。", "什么时间方便收货?"], user: ["下午可以", "明天吧", "下周吧"], closing: ["已为您改约送货时间,谢谢。"]),
        .hangUp: DialogueLines(robot: ["喂?能听到吗?"], user: ["喂?", "谁啊?"], closing: ["谢谢。"]),
      ]))
}
