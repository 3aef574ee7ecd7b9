import Foundation
import Testing

@testable import AIRudderSimCLI
@testable import Contract
@testable import Delivery
@testable import Generation
@testable import HTTP1
@testable import Receiver
@testable import Reporting
@testable import Scenario
@testable import Support

@Suite struct ScenarioDecodingTests {
  @Test func emptyObjectTakesEveryDefault() throws {
    let decoded = try scenario("{}")
    #expect(decoded.version == 1)
    #expect(decoded.scene == .collection)
    #expect(decoded.retry.timeout.seconds == 10)
    #expect(decoded.retry.interval.seconds == 60)
    #expect(decoded.retry.maxRetries == 5)
    #expect(decoded.target.key == "airudder")
    #expect(decoded.target.url == nil)
    #expect(decoded.load.mode == .concurrency)
    #expect(decoded.timeScale == 1)
  }

  @Test func json5CommentsAndTrailingCommas() throws {
    let decoded = try scenario(
      """
      // a comment
      { /* inline */ scene: "marketing", locale: "en-US", dialer: { lines: 3, }, }
      """)
    #expect(decoded.scene == .marketing)
    #expect(decoded.country.code == "US")
    #expect(decoded.dialer.lines == 3)
  }

  @Test(arguments: [
    "smoke.json", "collection.json", "marketing.json", "ecommerce.json", "edge-cases.json", "load.json", "retry-demo.json",
  ])
  func shippedScenariosLoad(file: String) throws {
    let loaded = try ScenarioLoader.load(path: RepositoryPath.scenario(file))
    #expect(loaded.name == String(file.dropLast(5)))
  }

  @Test func delegatedSettingsAreParsed() throws {
    let decoded = try scenario(
      """
      { target: { url: "https://receiver.example/hook", key: "secret" },
        load: { mode: "rate", rate: 50, concurrency: 8, count: 1000, duration: "2m" },
        retry: { timeout: "5s", interval: "30s", maxRetries: 3, scaleTimeout: true },
        timeScale: 60,
        receiver: { failFirst: 2, errorRate: 0.1, errorStatus: 503, delay: "12s", dropRate: 0.01, downFor: "3s", failEvery: 7 } }
      """)
    #expect(decoded.target.url?.absoluteString == "https://receiver.example/hook")
    #expect(decoded.load.rate == 50 && decoded.load.duration?.seconds == 120)
    #expect(decoded.retry.maxRetries == 3 && decoded.retry.scaleTimeout)
    #expect(decoded.receiver.delay.seconds == 12 && decoded.receiver.delayRate == 1)
    #expect(decoded.receiver.failEvery == 7)
  }

  /// Each bad scenario gives one message naming the file, the line and column of the key (or
  /// element), the key path and what was expected.
  @Test(arguments: [
    (#"{ "scen": "collection" }"#, #"test.json:1:3: scen: unknown key "scen"; did you mean "scene"?"#),
    (#"{ "dialer": { "connectRate": 1.5 } }"#, "test.json:1:15: dialer.connectRate: expected a rate from 0 to 1, got 1.5"),
    (#"{ "dialer": { "lines": "many" } }"#, "test.json:1:15: dialer.lines: expected a whole number, got a string"),
    (#"{ "dialer": { "lines": 0 } }"#, "test.json:1:15: dialer.lines: expected a whole number from 1 to 100000, got 0"),
    (#"{ "version": 2 }"#, "test.json:1:3: version: unsupported scenario version 2; this airudder-sim reads version 1"),
    (
      #"{ "scene": "banking" }"#,
      #"test.json:1:3: scene: unknown value "banking"; expected one of: collection, marketing, ecommerce"#
    ),
    (#"{ "locale": "id_ID" }"#, #"test.json:1:3: locale: unknown value "id_ID"; did you mean "id-ID"?"#),
    (#"{ "load": { "mode": "timelin" } }"#, #"test.json:1:13: load.mode: unknown value "timelin"; did you mean "timeline"?"#),
    (
      #"{ "dialer": { "ringTypeWeights": { "bussy": 3 } } }"#,
      #"test.json:1:36: dialer.ringTypeWeights.bussy: unknown name "bussy"; did you mean "busy"?"#
    ),
    (
      #"{ "dialer": { "ringTypeWeights": { "busy": 0 } } }"#,
      "test.json:1:15: dialer.ringTypeWeights: expected at least one weight above 0"
    ),
    (
      #"{ "dialer": { "talkTime": { "min": "90s", "max": "10s" } } }"#,
      "test.json:1:15: dialer.talkTime: expected min <= max, got min 90s and max 10s"
    ),
    (
      #"{ "dialer": { "redialInterval": "soon" } }"#,
      #"test.json:1:15: dialer.redialInterval: expected a duration such as "10s", "250ms" or "1m", got "soon""#
    ),
    (
      #"{ "dialer": { "callerNumbers": ["+6221555", "021-555"] } }"#,
      #"test.json:1:45: dialer.callerNumbers[1]: expected an E.164 number such as "+6221555012", got "021-555""#
    ),
    (#"{ "robot": { "labels": [ { "weight": 1 } ] } }"#, #"test.json:1:26: robot.labels[0]: expected a "label""#),
    (
      #"{ "fields": { "NerSlot": 0.5 } }"#,
      #"test.json:1:15: fields.NerSlot: unknown optional field "NerSlot"; did you mean "NerSlots"?"#
    ),
    (
      #"{ "startTime": "2024-13-01T00:00:00Z" }"#,
      #"test.json:1:3: startTime: expected a UTC time such as "2024-03-11T01:00:00Z", got "2024-13-01T00:00:00Z""#
    ),
    (
      #"{ "target": { "url": "ftp://host/x" } }"#,
      #"test.json:1:15: target.url: unsupported scheme "ftp" in "ftp://host/x"; expected http or https"#
    ),
    (
      #"{ "target": { "url": "not a url" } }"#,
      #"test.json:1:15: target.url: expected an absolute http or https URL, got "not a url""#
    ),
    (#"{ "load": { "mode": "rate" } }"#, #"test.json:1:3: load.rate: expected a rate when mode is "rate""#),
    (#"{ "retry": { "timeout": 0 } }"#, "test.json:1:14: retry.timeout: expected a timeout above 0"),
    (
      #"{ "receiver": { "errorStatus": 200 } }"#,
      "test.json:1:17: receiver.errorStatus: expected an HTTP status from 300 to 599 (not a success), got 200"
    ),
    (
      #"{ "edgeCases": { "allOptionalAbsent": 0.6, "allOptionalPresent": 0.6 } }"#,
      "test.json:1:44: edgeCases.allOptionalPresent: expected allOptionalAbsent + allOptionalPresent to be at most 1"
    ),
    (#"{ "timeScale": 0 }"#, "test.json:1:3: timeScale: expected a number above 0 and at most 1000000, got 0.0"),
  ])
  func badScenario(json: String, message: String) {
    do {
      _ = try scenario(json)
      Issue.record("expected an error for \(json)")
    } catch {
      #expect(error.localizedDescription == message)
    }
  }

  @Test func malformedJSONNamesTheFileAndPosition() {
    #expect(throws: ScenarioError.self) { try scenario(#"{ "scene": "#) }
    do {
      _ = try scenario(#"{ "scene": "#)
    } catch {
      #expect(error.localizedDescription == "test.json:1:12: expected a value, found the end of the file")
    }
  }

  @Test func missingFileIsNamed() {
    do {
      _ = try ScenarioLoader.load(path: "/nonexistent/scenario.json")
      Issue.record("expected an error")
    } catch {
      #expect(error.localizedDescription == "/nonexistent/scenario.json: cannot read scenario: no such file")
    }
  }

  @Test(arguments: [
    ("10s", 10.0), ("250ms", 0.25), ("1.5m", 90.0), ("1h30m", 5400.0), ("0", 0.0), ("0s", 0.0), ("720h", 2_592_000.0),
  ])
  func parsesDurations(text: String, seconds: Double) {
    #expect(SettingDuration.parse(text)?.seconds == seconds)
  }

  @Test(arguments: [
    "", "10x", "-5s", "s", "1..2s", "ten seconds", "45", "1e308", "720h1s", "99999999999999h", "-1", "nan", "inf",
  ])
  func rejectsBadDurations(text: String) {
    #expect(SettingDuration.parse(text) == nil)
  }
}
