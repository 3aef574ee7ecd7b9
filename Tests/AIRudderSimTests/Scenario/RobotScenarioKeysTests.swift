import Foundation
import Testing

@testable import Scenario
@testable import Support

/// The scenario keys of the robot's behaviour, distributions, calling hours, time zones and
/// per-contact templates: defaults when left out, file order kept, and errors that name the key.
@Suite struct RobotScenarioKeysTests {
  @Test func defaultsWhenLeftOut() throws {
    let decoded = try scenario("{}")
    #expect(decoded.dialer.talkTime == nil, "each label's own talk time")
    #expect(decoded.dialer.hangupByCalleeRate == nil)
    #expect(decoded.dialer.callingHours == nil, "the country's calling hours")
    #expect(decoded.dialer.noAnswerTimeout.seconds == 45)
    #expect(decoded.dialer.ringTypeWeights.contains { $0.0 == .normal && $0.1 > 0 }, "dials that ring out")
    #expect(decoded.utcOffset == 7 * 3600)
    #expect(decoded.redialTimeZone == .local)
    #expect(decoded.extraA.constant == "")
    #expect(decoded.variables.entries.map(\.key) == ["var1", "var2", "var3"])
  }

  @Test func countryGivesTimeZoneAndLocaleGivesCountry() throws {
    let mexico = try scenario(#"{ locale: "es-MX" }"#)
    #expect(mexico.country.code == "MX" && mexico.utcOffset == -6 * 3600 && mexico.locale.defaultCurrency == "MXN")
    let explicit = try scenario(#"{ country: "IN", timeZone: "+05:30", redialTimeZone: "utc" }"#)
    #expect(explicit.utcOffset == 5 * 3600 + 1800 && explicit.redialTimeZone == .utc)
  }

  @Test func keysKeepTheFilesOrder() throws {
    let decoded = try scenario(
      #"{ variables: { zeta: "{CaseID}", alpha: "x{digits:4}", mid: "{pick:a|b}" }, robot: { nerSlots: { Z: ["1"], A: ["2"] }, eventLabels: { Y: "y", B: "b" } } }"#
    )
    #expect(decoded.variables.entries.map(\.key) == ["zeta", "alpha", "mid"])
    #expect(decoded.variables.entries[1].value.parts == [.text("x"), .digits(4)])
    #expect(decoded.robot.nerSlots.map(\.key) == ["Z", "A"])
    #expect(decoded.robot.eventLabels.map(\.key) == ["Y", "B"])
  }

  @Test func distributionsAndLabelOverrides() throws {
    let decoded = try scenario(
      """
      { dialer: { talkTime: { median: "40s", spread: 0.6, min: "2s", max: "10m", earlyRate: 0.1, earlyMedian: "3s" },
                  ringTime: ["2s", "30s"], callingHours: { from: "09:00", to: "17:30" } },
        robot: { labels: [ { label: "P", like: "promiseToPay", talkTime: { median: "70s" }, hangupByCalleeRate: 0.1,
                             asrPTP: true, nerSlots: ["PaymentTime"], eventLabels: ["Promise_To_Pay"],
                             dialogue: { robot: ["r"], user: ["u"], closing: ["c"], promises: ["p"] } } ] } }
      """)
    #expect(
      decoded.dialer.talkTime == TimeDistribution(median: 40, spread: 0.6, min: 2, max: 600, earlyRate: 0.1, earlyMedian: 3))
    #expect(decoded.dialer.ringTime.min == 2 && decoded.dialer.ringTime.max == 30)
    #expect(decoded.dialer.callingHours?.from == 9 * 3600 && decoded.dialer.callingHours?.to == 17 * 3600 + 1800)
    let label = try #require(decoded.robot.labels.first)
    let behaviour = label.behaviour(in: .collection, dialer: decoded.dialer)
    #expect(label.resolvedKind(in: .collection) == .promiseToPay)
    #expect(behaviour.talkTime.median == 70 && behaviour.hangupByCalleeRate == 0.1 && behaviour.promisesToPay)
    #expect(behaviour.nerSlots == ["PaymentTime"] && behaviour.eventLabels == ["Promise_To_Pay"])
    #expect(label.dialogue?.promises == ["p"])
    let partial = try scenario(#"{ robot: { labels: [ { label: "A", dialogue: { user: ["only this"] } } ] } }"#)
    let lines = try #require(partial.robot.labels.first?.dialogue).applied(
      to: DialogueLines(robot: ["r"], user: ["u"], closing: ["c"]))
    #expect(lines.user == ["only this"] && lines.robot == ["r"] && lines.closing == ["c"])
  }

  /// A label without `like` takes the kind of the scene's label of the same name.
  @Test func labelsTakeTheScenesKindByName() throws {
    let decoded = try scenario(#"{ scene: "marketing", robot: { labels: [ { label: "D" }, { label: "Z" } ] } }"#)
    #expect(decoded.robot.labels.map { $0.resolvedKind(in: .marketing) } == [.notInterested, .callBack])
  }

  @Test(arguments: [
    (#"{ "locale": "es-ES" }"#, #"test.json:1:3: locale: unknown value "es-ES"; did you mean "en-US"?"#),
    (
      #"{ "timeZone": "+7" }"#,
      #"test.json:1:3: timeZone: expected an offset from UTC from "-12:00" to "+14:00" such as "+07:00", got "+7""#
    ),
    (#"{ "redialTimeZone": "locale" }"#, #"test.json:1:3: redialTimeZone: unknown value "locale"; did you mean "local"?"#),
    (
      #"{ "dialer": { "callingHours": { "from": "20:00", "to": "08:00" } } }"#,
      #"test.json:1:50: dialer.callingHours.to: expected "to" at least an hour after "from" (no window across midnight)"#
    ),
    (
      #"{ "dialer": { "callingHours": { "from": "8am", "to": "20:00" } } }"#,
      #"test.json:1:33: dialer.callingHours.from: expected a local time from "00:00" to "24:00", got "8am""#
    ),
    (
      #"{ "dialer": { "ringTime": { "median": "50s", "max": "60s" } } }"#,
      #"test.json:1:15: dialer.ringTime: expected a median below noAnswerTimeout (45s), got 50s"#
    ),
    (
      #"{ "dialer": { "talkTime": { "median": "10s", "min": "20s" } } }"#,
      #"test.json:1:46: dialer.talkTime.min: expected min <= median, got min 20s and median 10s"#
    ),
    (
      #"{ "dialer": { "talkTime": { "median": "10s", "spread": 5 } } }"#,
      #"test.json:1:46: dialer.talkTime.spread: expected a spread from 0 to 3, got 5.0"#
    ),
    (
      #"{ "dialer": { "talkTime": { "medain": "10s" } } }"#,
      #"test.json:1:29: dialer.talkTime.medain: unknown key "medain"; did you mean "median"?"#
    ),
    (
      #"{ "scene": "marketing", "robot": { "labels": [ { "label": "A", "like": "promiseToPay" } ] } }"#,
      #"test.json:1:64: robot.labels[0].like: "promiseToPay" is not a kind of the marketing scene; expected one of: interested, sendDetails, callBack, notInterested, hangUp"#
    ),
    (
      #"{ "robot": { "labels": [ { "label": "A", "like": "promiseToPy" } ] } }"#,
      #"test.json:1:42: robot.labels[0].like: unknown value "promiseToPy"; did you mean "promiseToPay"?"#
    ),
    (
      #"{ "robot": { "labels": [ { "label": "A", "nerSlots": ["PaymentTme"] } ] } }"#,
      #"test.json:1:55: robot.labels[0].nerSlots[0]: unknown slot "PaymentTme"; did you mean "PaymentTime"? (robot.nerSlots)"#
    ),
    (
      #"{ "robot": { "labels": [ { "label": "A", "dialogue": { "user": [] } } ] } }"#,
      #"test.json:1:56: robot.labels[0].dialogue.user: expected at least one line"#
    ),
    (
      #"{ "variables": { "order": "SO-{digit:6}" } }"#,
      #"test.json:1:18: variables.order: unknown placeholder "{digit:6}"; did you mean "{digits:N}"?"#
    ),
    (#"{ "extraB": "{CaseID" }"#, #"test.json:1:3: extraB: unclosed "{" in "{CaseID" (write "{{" for a brace)"#),
  ])
  func badScenario(json: String, message: String) {
    do {
      _ = try scenario(json)
      Issue.record("expected an error for \(json)")
    } catch {
      #expect(error.localizedDescription == message)
    }
  }
}
