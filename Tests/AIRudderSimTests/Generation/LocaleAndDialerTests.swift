import Foundation
import Testing

@testable import Contract
@testable import Generation
@testable import Scenario
@testable import Support

/// Calling hours, numbering plans, amounts, per-contact templates, RedailCall time zones and
/// the completeness of every locale's data.
@Suite struct LocaleAndDialerTests {
  static func generate(_ scenario: Scenario, calls: Int = 10_000) -> [CallDetail] {
    var details: [CallDetail] = []
    for item in NotificationGenerator(scenario: scenario) {
      details += item.notification.details
      if details.count >= calls { break }
    }
    return details
  }

  /// A few lines working through thousands of contacts: the list takes days, so dialing must
  /// stop each evening and resume each morning.
  static let longRuns = [
    #"{ contactsPerWorkflow: 3000, dialer: { lines: 3, redialInterval: "20m" } }"#,
    #"{ locale: "es-MX", scene: "ecommerce", contactsPerWorkflow: 3000, dialer: { lines: 2, callingHours: { from: "09:00", to: "13:30" } } }"#,
    #"{ locale: "en-US", scene: "marketing", startTime: "2024-03-11T23:30:00Z", contactsPerWorkflow: 2000, dialer: { lines: 2 } }"#,
  ]

  @Test(arguments: longRuns)
  func callingHoursAreNeverViolated(json: String) throws {
    let scenario = try scenario(json)
    let hours = scenario.dialer.callingHours ?? scenario.country.data.callingHours
    let offset = Int64(scenario.utcOffset)
    let calls = Self.generate(scenario, calls: 3000)
    var days = Set<Int64>()
    for call in calls where call.status == .finished {
      let start = try #require(UTCTime.parseISO8601(call.callStartTime))
      let end = try #require(UTCTime.parseISO8601(call.callEndTime))
      // Placed `RingTime` before the answer (or before the end of an unanswered dial).
      let placed = start - Int64(try #require(call.ringTime)) + offset
      let ended = end + offset
      let day = placed / 86_400
      days.insert(day)
      #expect(placed - day * 86_400 >= Int64(hours.from), "placed at local \(UTCTime.spaced(placed))")
      #expect(ended <= day * 86_400 + Int64(hours.to), "ended at local \(UTCTime.spaced(ended))")
      for redial in call.redialCalls ?? [] {
        let local = try #require(UTCTime.parseISO8601(redial.callStartTime.replacingOccurrences(of: " ", with: "T") + "Z"))
        let second = local % 86_400
        #expect(second >= Int64(hours.from) && second <= Int64(hours.to), "redial at local \(redial.callStartTime)")
      }
    }
    #expect(calls.count >= 2000)
    #expect(days.count >= 2, "the run spans several local days")
  }

  /// Redials wait first in, first out (`WorkflowDialer.waitingRedials`), which is their ready
  /// order only while ended dials leave the dialer in time order; debug builds assert it at
  /// every redial. Short intervals, a long wrap-up and a one-hour calling window (dials pushed
  /// to the next morning) put thousands of redials through that check, and each contact's
  /// dials still come in time order.
  @Test(arguments: [
    #"{ contactsPerWorkflow: 2000, dialer: { lines: 4, redialInterval: "1m", redialLimit: 3, wrapUp: "20s", callingHours: { from: "09:00", to: "10:00" } } }"#,
    #"{ workflows: 3, contactsPerWorkflow: 800, dialer: { lines: 7, redialInterval: "30s", redialLimit: 4, connectRate: 0.1 } }"#,
  ])
  func redialsComeInReadyOrder(json: String) throws {
    let calls = Self.generate(try scenario(json), calls: 3000)
    var redialled = 0
    for call in calls where call.callTimes > 1 {
      redialled += 1
      let starts = try (call.redialCalls ?? []).map { redial in
        try #require(UTCTime.parseISO8601(redial.callStartTime.replacingOccurrences(of: " ", with: "T") + "Z"))
      }
      #expect(starts == starts.sorted(), "dials of \(call.caseID) out of order: \(starts)")
    }
    #expect(redialled >= 500, "only \(redialled) redialled contacts")
  }

  /// National significant numbers, as E.164 gives them, written out here per country: a new
  /// country in `CountryData.all` fails this test until its lengths are added.
  static let nationalLengths: [String: (code: String, mobile: Int, landline: Int)] = [
    "ID": ("62", 11, 10), "PH": ("63", 10, 9), "US": ("1", 10, 10), "CN": ("86", 11, 10), "IN": ("91", 10, 10),
    "MX": ("52", 10, 10), "VN": ("84", 9, 10),
  ]

  @Test func everyCountryIsListed() {
    #expect(Set(CountryData.all.map(\.code)) == Set(Self.nationalLengths.keys))
  }

  @Test(arguments: CountryData.all.map(\.code))
  func numberingPlanLengths(code: String) throws {
    let expected = try #require(Self.nationalLengths[code])
    let plan = PhoneNumberPlan(country: try #require(Country(code: code)))
    var rng = SeededRandom(seed: 11)
    for _ in 0..<2000 {
      for (number, length) in [(plan.mobile(using: &rng), expected.mobile), (plan.landline(using: &rng), expected.landline)] {
        #expect(E164.isValid(number))
        #expect(number.hasPrefix("+" + expected.code))
        #expect(number.count - 1 - expected.code.count == length, "\(number): \(length) national digits expected")
      }
    }
  }

  @Test(arguments: ["IDR", "VND"])
  func amountsAreWholeAndMostlyRound(currency: String) throws {
    var scenario = try ScenarioLoader.load(path: RepositoryPath.scenario("collection.json"))
    scenario.collection.currency = currency
    let calls = Self.generate(scenario)
    var round = 0
    for call in calls {
      let amount = try #require(call.borrowedAmount)
      let owing = try #require(call.totalOwingAmount)
      #expect(call.currencyUnit == currency)
      #expect(amount.hasSuffix(".00") && owing.hasSuffix(".00"), "\(amount) / \(owing)")
      if amount.dropLast(3).hasSuffix("0000") { round += 1 }
    }
    #expect(Double(round) / Double(calls.count) > 0.7, "most loans are round figures")
  }

  @Test func currencyFollowsTheLocale() throws {
    let calls = Self.generate(try scenario(#"{ locale: "es-MX", contactsPerWorkflow: 50 }"#), calls: 50)
    #expect(calls.allSatisfy { $0.currencyUnit == "MXN" })
  }

  @Test func variablesAndExtrasPerContactInTheScenariosOrder() throws {
    let scenario = try scenario(
      #"{ contactsPerWorkflow: 300, variables: { zeta: "{CaseID}", alpha: "x{digits:4}", mid: "{pick:a|b}", n: "{int:5-9}" }, extraA: "{index}", extraB: "{CalleeName}", extraC: "c" }"#
    )
    let calls = Self.generate(scenario, calls: 300)
    for call in calls {
      #expect(call.variables.entries.map(\.key) == ["zeta", "alpha", "mid", "n"])
      #expect(call.variables["zeta"] == call.caseID)
      let alpha = try #require(call.variables["alpha"])
      #expect(alpha.count == 5 && alpha.hasPrefix("x") && alpha.dropFirst().allSatisfy(\.isNumber))
      #expect(["a", "b"].contains(call.variables["mid"]!))
      #expect((5...9).contains(Int(call.variables["n"]!)!))
      #expect(call.extraB == call.calleeName && call.extraC == "c")
    }
    #expect(Set(calls.compactMap { $0.variables["alpha"] }).count > 100, "values differ from contact to contact")
    #expect(Set(calls.compactMap(\.extraA)).count == calls.count)
  }

  @Test func redialTimesAreLocalUnlessUTCIsAsked() throws {
    var local = try ScenarioLoader.load(path: RepositoryPath.scenario("collection.json"))
    var utc = local
    utc.redialTimeZone = .utc
    local.redialTimeZone = .local
    let localCalls = Self.generate(local, calls: 3000)
    let utcCalls = Self.generate(utc, calls: 3000)
    var compared = 0
    for (a, b) in zip(localCalls, utcCalls) {
      #expect(a.callID == b.callID)
      for (x, y) in zip(a.redialCalls ?? [], b.redialCalls ?? []) {
        let parse = { (text: String) in UTCTime.parseISO8601(text.replacingOccurrences(of: " ", with: "T") + "Z")! }
        #expect(parse(x.callStartTime) - parse(y.callStartTime) == 7 * 3600)
        #expect(parse(y.callStartTime) < UTCTime.parseISO8601(a.callStartTime)!, "an earlier dial, read as UTC")
        compared += 1
      }
    }
    #expect(compared > 100)
  }

  @Test func mexicanCallsAreInSpanish() throws {
    let scenario = try ScenarioLoader.load(path: RepositoryPath.scenario("ecommerce.json"))
    #expect(scenario.locale.code == "es-MX" && scenario.country.code == "MX")
    let names = scenario.locale.data.names
    for call in Self.generate(scenario, calls: 2000) {
      let parts = call.calleeName.split(separator: " ").map(String.init)
      #expect(parts.count == 3 && names.family.contains(parts[1]) && names.family.contains(parts[2]), "\(call.calleeName)")
      #expect(call.calleeNumber.hasPrefix("+52") && call.calleeNumber.count == 13)
    }
  }

  /// Every locale has names, greetings from midnight on, and lines for every kind of label of
  /// every scene: a new locale is this data and nothing else.
  @Test(arguments: LocaleData.all.map(\.code))
  func localeDataIsComplete(code: String) throws {
    let locale = try #require(ScenarioLocale(code: code)).data
    #expect(!locale.names.male.isEmpty && !locale.names.female.isEmpty && !locale.names.family.isEmpty)
    #expect(Country(code: locale.country) != nil)
    #expect(locale.currency.count == 3)
    #expect(locale.greetings.first?.fromHour == 0)
    #expect(locale.greetings.map(\.fromHour) == locale.greetings.map(\.fromHour).sorted())
    for scene in Scene.allCases {
      let dialogue = locale.dialogue(scene)
      #expect(!dialogue.openings.isEmpty && !dialogue.answers.isEmpty)
      #expect(dialogue.openings.allSatisfy { $0.contains("{greeting}") }, "openings greet for the time of day")
      #expect(Set(dialogue.lines.keys) == Set(LabelKind.kinds(of: scene)))
      for kind in LabelKind.kinds(of: scene) {
        let lines = try #require(dialogue.lines[kind])
        #expect(!lines.robot.isEmpty && !lines.user.isEmpty && !lines.closing.isEmpty, "\(code) \(scene) \(kind)")
        #expect(lines.promises.isEmpty != LabelBehaviour.defaults(kind).promisesToPay, "\(code) \(kind): promises")
      }
    }
  }
}
