import Foundation
import Testing

@testable import AIRudderSimCLI
@testable import Delivery
@testable import Generation
@testable import HTTP1
@testable import Receiver
@testable import Reporting
@testable import Scenario
@testable import Support

/// Durations need a unit and are at most 30 days; numbers have bounds that keep generation
/// and delivery finite. Each refusal names the key (the message may start with file:line:col).
struct DurationAndBoundsTests {
  @Test(arguments: [
    (#"{ "thresholds": { "maxP99": 500 } }"#, #"thresholds.maxP99: a duration needs a unit; did you mean "500ms" or "500s"?"#),
    (#"{ "thresholds": { "maxP99": "500" } }"#, #"thresholds.maxP99: a duration needs a unit; did you mean "500ms" or "500s"?"#),
    (#"{ "dialer": { "wrapUp": 1.5 } }"#, #"dialer.wrapUp: a duration needs a unit; did you mean "1.5ms" or "1.5s"?"#),
    (#"{ "dialer": { "wrapUp": -1 } }"#, #"dialer.wrapUp: expected a duration such as "10s", "250ms" or "1m", got -1.0"#),
    (
      #"{ "retry": { "timeout": "99999999999999h" } }"#,
      #"retry.timeout: expected a duration of at most 30 days ("720h"), got "99999999999999h""#
    ),
    (#"{ "receiver": { "delay": 1e308 } }"#, #"receiver.delay: expected a duration of at most 30 days ("720h"), got 1e+308"#),
    (#"{ "load": { "duration": "720h1s" } }"#, #"load.duration: expected a duration of at most 30 days ("720h"), got "720h1s""#),
    (
      #"{ "dialer": { "talkTime": [1e300, 1e301] } }"#,
      #"dialer.talkTime[0]: expected a duration of at most 30 days ("720h"), got 1e+300"#
    ),
    (
      #"{ "dialer": { "talkTime": ["1s", "2h"] } }"#,
      "dialer.talkTime: expected a talk time of at most 1h (its max, or its median without a max), got 7200s"
    ),
    (#"{ "workflows": 1000000 }"#, "workflows: expected a whole number from 1 to 10000, got 1000000"),
    (
      #"{ "workflows": 10000, "dialer": { "lines": 30 } }"#,
      "workflows: expected workflows × min(dialer.lines, contactsPerWorkflow) to be at most 100000 (calls in progress at once), got 10000 × 30"
    ),
    (#"{ "aggregation": { "maxBatch": 1001 } }"#, "aggregation.maxBatch: expected a whole number from 1 to 1000, got 1001"),
    (
      #"{ "edgeCases": { "longNameLength": 10001 } }"#,
      "edgeCases.longNameLength: expected a whole number from 1 to 10000, got 10001"
    ),
    (
      #"{ "dialer": { "ringTypeWeights": { "busy": 1e308 } } }"#,
      "dialer.ringTypeWeights.busy: expected a weight from 0 to 1000000000, got 1e+308"
    ),
    (
      #"{ "startTime": "0000-01-01T00:00:00Z" }"#,
      #"startTime: expected a UTC time from 1970-01-01T00:00:00Z to 9000-01-01T00:00:00Z, got "0000-01-01T00:00:00Z""#
    ),
    (#"{ "load": { "rate": 5e-324 } }"#, "load.rate: expected a rate from 0.001 to 1000000 per second, got 5e-324"),
  ])
  func refusedWithTheKey(json: String, message: String) {
    do {
      _ = try scenario(json)
      Issue.record("expected an error for \(json)")
    } catch {
      #expect(error.localizedDescription.hasSuffix(": " + message), "\(error.localizedDescription)")
    }
  }

  /// `0` needs no unit; the longest accepted duration is exactly 30 days.
  @Test func zeroAndTheMaximumAreAccepted() throws {
    let decoded = try scenario(
      #"{ "dialer": { "wrapUp": 0, "workflowStagger": "0" }, "retry": { "interval": "720h" }, "receiver": { "delay": "0s" } }"#)
    #expect(decoded.dialer.wrapUp.seconds == 0 && decoded.dialer.workflowStagger.seconds == 0)
    #expect(decoded.retry.interval == SettingDuration.maximum)
  }

  /// Every scenario shipped still loads.
  @Test(arguments: [
    "collection.json", "ecommerce.json", "edge-cases.json", "load.json", "marketing.json", "retry-demo.json", "smoke.json",
  ])
  func shippedScenariosLoad(name: String) throws {
    _ = try ScenarioLoader.load(path: RepositoryPath.scenario(name))
  }

  /// `run --help` and `receive --help` say that a duration needs a unit.
  @Test(arguments: ["run", "receive"])
  func helpSaysDurationsNeedAUnit(command: String) async {
    let result = await runTool([command, "--help"])
    #expect(result.code == 0 && result.stdout.contains("A duration D needs a unit: 500ms, 10s"))
  }
}
