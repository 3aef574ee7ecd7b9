import Contract
import HTTP1
import Scenario

/// How the mock receiver listens, what it checks, and which faults it injects.
package struct ReceiverConfiguration: Sendable {
  package var host = "127.0.0.1"
  /// 0 picks a free port.
  package var port: UInt16 = 0
  package var key = Signer.defaultKey
  package var faults = ReceiverSettings()
  /// Seed of the fault draws.
  package var seed: UInt64 = 1
  package var recordPath: String?
  package var limits = HTTPLimits()
  /// https (`receive --tls-cert --tls-key`); nil serves plain http.
  package var tls: TLSServerSettings?

  package init() {}

  /// The scenario's `receiver` block; its own seed if it has one, else the scenario's.
  package init(settings: ReceiverSettings, seed: UInt64, key: String) {
    faults = settings
    self.seed = settings.seed ?? seed
    self.key = key
  }
}
