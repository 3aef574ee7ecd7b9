import Contract

/// Payload shapes the page allows, part one: the page's example, the scenes, optional fields,
/// ring types, unconnected calls and empty strings. Each must be answered 2xx within the
/// timeout; anything else and AIRudder retries, then drops the calls.
extension Battery {
  static let shapes: [CheckCase] = [
    CheckCase(
      "shape.page-example", .shape, title: "The page's own example, re-signed for the KEY",
      why: "The first payload an integrator's code should accept is the one the page prints.",
      basis: "page: 示例 (the request example) and the Sign rule md5(TaskID+KEY)"
    ) { probe in
      await accept(probe, probe.payloads.pageExample(), "the page's example")
    },
    scene(
      "collection", title: "Collection scene, with the loan fields",
      why: "Debt collection sends BorrowedDate, DueDate, BorrowedAmount, TotalOwingAmount and CurrencyUnit.",
      settings: "scene: \"collection\"", focus: "\"BorrowedAmount\""
    ) { $0.borrowedAmount != nil },
    scene(
      "marketing", title: "Marketing scene, without the loan fields",
      why: "Marketing and e-commerce payloads omit the five collection fields; a receiver must not require them.",
      settings: "scene: \"marketing\", locale: \"en-PH\"", focus: "\"PlatformName\""
    ) { $0.borrowedAmount == nil },
    scene(
      "ecommerce", title: "E-commerce scene, without the loan fields",
      why: "Order-confirmation calls carry no loan data either.",
      settings: "scene: \"ecommerce\", locale: \"en-US\", country: \"MX\"", focus: "\"PlatformName\""
    ) { $0.borrowedAmount == nil },
    shape(
      "optional-absent", title: "Every optional field absent",
      why: "The page marks 19 call fields optional (可选); a call may carry none of them.",
      basis: "page: Details fields marked 可选; CONTRACT.md decision 7 (absent optionals are omitted)",
      settings: "edgeCases: { allOptionalAbsent: 1 }", focus: "\"PlatformName\""
    ) { $0.ringTime == nil && $0.asrResult == nil },
    shape(
      "optional-present", title: "Every optional field present",
      why: "A call may carry every optional field at once, Multi_intention, AskWhatsAPP and AsrPTP included.",
      basis: "page: Details array [object {36}]",
      settings: "edgeCases: { allOptionalPresent: 1 }", focus: "\"AskWhatsAPP\""
    ) { $0.askWhatsAPP != nil && $0.multiIntention != nil },
    shape(
      "optional-null", title: "Absent optional fields sent as JSON null",
      why: "Serialisers write an absent optional as null; a receiver that dereferences it crashes.",
      basis: "page: Details fields marked 可选; CONTRACT.md decision 7 (a scenario may ask for nulls)",
      settings: "edgeCases: { allOptionalAbsent: 1, explicitNulls: 1 }", focus: "null"
    ) { $0.ringTime == nil },
    shape(
      "ringtype-null", title: "RingType null (JSON null)",
      why: "RingType's initial value is null: a call that was never placed (failed, cancelled) keeps it.",
      basis: "page: RingType 初始值为null (initial value null); CONTRACT.md decision 6",
      settings: "dialer: { statusWeights: { finished: 1, failed: 50, cancelled: 50 } }", focus: "\"RingType\":null"
    ) { $0.ringType == .null },
    shape(
      "ringtype-null-string", title: "RingType \"null\" (the string)",
      why: "The page lists null among RingType's values; AIRudder may write it as the string \"null\".",
      basis: "page: RingType 枚举值 busy…normal null (null is an enum value); CONTRACT.md decision 6",
      settings: "dialer: { statusWeights: { finished: 1, failed: 100 } }, edgeCases: { ringTypeNullString: 1 }",
      focus: "\"RingType\":\"null\""
    ) { $0.ringType == .null },
    shape(
      "unconnected", title: "An unconnected call: start = end, no transcript",
      why: "Most dials are not answered: CallStartTime equals CallEndTime, and there is no AsrResult or TalkRound.",
      basis: "page: 不管接通还是未接通 (connected or not, every call is notified); CallStartTime of an unconnected call",
      settings: "dialer: { connectRate: 0, redialLimit: 1 }", focus: "\"CallStartTime\""
    ) { $0.callStartTime == $0.callEndTime && $0.asrResult == nil },
    shape(
      "empty-strings", title: "Empty strings where the page's example has them",
      why: "The page's example sends \"\" for CalleeGender, ExtraA/B/C and silent transcript turns; free text may be empty.",
      basis: "page: 示例 (\"CalleeGender\": \"\", \"ExtraA\": \"\", \"text\": \"\")",
      settings: "edgeCases: { emptyStrings: 1 }", focus: "\"CalleeName\":\"\""
    ) { $0.calleeName.isEmpty },
  ]

  /// Posts `body` on a fresh connection; it must be accepted. The summary says how big it
  /// was and how many calls it held.
  static func accept(_ probe: CaseProbe, _ body: [UInt8], _ what: String, focus: String? = nil) async -> CaseOutcome {
    probe.mustAccept([await probe.post(body)], "\(what), \(CheckPayloads.described(body))", focus: focus)
  }

  /// A case of a scene: the scene's notification with a call for which `wanted` holds.
  static func scene(
    _ name: String, title: String, why: String, settings: String, focus: String,
    where wanted: @escaping @Sendable (CallDetail) -> Bool
  ) -> CheckCase {
    shape(
      "scene-\(name)", title: title, why: why, basis: "page: title (催收/营销/电商示例) and the collection-only Details fields",
      settings: settings, focus: focus, where: wanted)
  }

  /// A shape generated from scenario `settings`, with a call for which `wanted` holds, that
  /// must be accepted.
  static func shape(
    _ name: String, title: String, why: String, basis: String, settings: String, focus: String,
    where wanted: @escaping @Sendable (CallDetail) -> Bool
  ) -> CheckCase {
    let id = "shape.\(name)"
    return CheckCase(id, .shape, title: title, why: why, basis: basis) { probe in
      let notification = probe.payloads.notification(settings, salt: id, where: wanted)
      return await accept(probe, probe.payloads.body(notification), title, focus: focus)
    }
  }
}
