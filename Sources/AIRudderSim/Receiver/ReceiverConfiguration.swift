/// How the mock receiver listens, what it checks, and which faults it injects.
public struct ReceiverConfiguration: Sendable {
  public var host = "127.0.0.1"
  /// 0 picks a free port.
  public var port: UInt16 = 0
  public var key = Signer.defaultKey
  public var faults = ReceiverSettings()
  /// Seed of the fault draws.
  public var seed: UInt64 = 1
  public var recordPath: String?
  public var limits = HTTPLimits()

  public init() {}

  /// The scenario's `receiver` block; its own seed if it has one, else the scenario's.
  public init(settings: ReceiverSettings, seed: UInt64, key: String) {
    faults = settings
    self.seed = settings.seed ?? seed
    self.key = key
  }
}
