import Delivery
import Foundation
import Reporting
import Scenario
import Support

/// Everything `run` was asked to do, after flags were laid over the scenario.
package struct RunOptions: Sendable {
  package var scenario: Scenario
  package var plan: DeliveryPlan
  /// The receiver; nil starts the built-in mock receiver on 127.0.0.1.
  package var url: URL?
  package var transport = TransportChoice.automatic
  /// https: trust, verification and client certificate (flags over the scenario's target).
  package var tls = TLSOptions()
  package var reportPath: String?
  package var journalPath: String?
  /// `--html FILE`: the report as a self-contained HTML page.
  package var htmlPath: String?
  /// `--metrics ADDR`: serve `/metrics` while the run lasts.
  var metrics: MetricsAddress?
  /// With the built-in receiver: record what it received (`receive --record`).
  package var receiverRecordPath: String?
  /// No progress line.
  package var quiet = false
  /// When stderr is not a terminal, a plain progress line this often.
  package var plainProgressInterval: Duration = .seconds(10)
  /// What the run is judged by (the verdict).
  package var thresholds = RunThresholds()
  /// md5 of the scenario file's bytes, in the report (merge checks the shards read one file).
  package var scenarioMD5 = ""
  /// md5 of the contact list or payload file the run read, nil when it read neither: shards
  /// of one run read the same one.
  package var sourceMD5: String?
  /// `--start-at`: wait until this wall-clock time before the first notification.
  package var startAt: Date?

  package init(scenario: Scenario, plan: DeliveryPlan, url: URL?) {
    self.scenario = scenario
    self.plan = plan
    self.url = url
  }
}
