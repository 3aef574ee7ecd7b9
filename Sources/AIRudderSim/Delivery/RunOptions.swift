import Foundation

/// Everything `run` was asked to do, after flags were laid over the scenario.
public struct RunOptions: Sendable {
  public var scenario: Scenario
  public var plan: DeliveryPlan
  /// The receiver; nil starts the built-in mock receiver on 127.0.0.1.
  public var url: URL?
  public var transport = TransportChoice.automatic
  public var reportPath: String?
  public var journalPath: String?
  /// With the built-in receiver: record what it received (`receive --record`).
  public var receiverRecordPath: String?
  /// No progress line.
  public var quiet = false
  /// When stderr is not a terminal, a plain progress line this often.
  public var plainProgressInterval: Duration = .seconds(10)
  /// What the run is judged by (the verdict).
  public var thresholds = RunThresholds()

  public init(scenario: Scenario, plan: DeliveryPlan, url: URL?) {
    self.scenario = scenario
    self.plan = plan
    self.url = url
  }
}
