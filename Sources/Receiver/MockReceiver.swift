import Contract
import Foundation
import HTTP1
import Support

/// The built-in stand-in for a customer's receiver: answers AIRudder notifications as the
/// seed documents (200 `{}`), checks each against the contract and its Sign (401 when the
/// KEY differs), injects faults, counts what it saw, and can record every notification.
package final class MockReceiver: Sendable {
  package let configuration: ReceiverConfiguration
  private let server: HTTPServer
  private let state: ReceiverState

  private init(configuration: ReceiverConfiguration, server: HTTPServer, state: ReceiverState) {
    self.configuration = configuration
    self.server = server
    self.state = state
  }

  /// Starts listening (after `downFor`, connections are refused until then).
  /// `onAnswer` hears of every notification answered (for a live log).
  package static func start(
    configuration: ReceiverConfiguration, onAnswer: (@Sendable (ReceiverEvent) -> Void)? = nil
  ) throws -> MockReceiver {
    let recorder = try configuration.recordPath.map { path throws(OutputError) in try ReceiverRecorder(path: path) }
    let state = ReceiverState(
      validator: NotificationValidator(key: configuration.key),
      plan: FaultPlan(faults: configuration.faults, seed: configuration.seed), recorder: recorder, onAnswer: onAnswer)
    let server = HTTPServer(
      host: configuration.host, port: configuration.port, limits: configuration.limits, tls: configuration.tls
    ) { request in
      state.answer(request)
    }
    try server.start(listenAfter: configuration.faults.downFor.duration)
    return MockReceiver(configuration: configuration, server: server, state: state)
  }

  package var port: UInt16 { server.port }

  /// `http://127.0.0.1:PORT/` (IPv6 hosts in brackets; `https` with TLS).
  package var url: URL {
    let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
    return URL(string: "\(configuration.tls == nil ? "http" : "https")://\(host):\(server.port)/")!
  }

  /// Stops listening and closes every connection; waits for answers being delayed to end.
  package func stop() {
    // Wake answers that are sleeping out a delay first, or the server waits for them.
    state.wakeUp()
    server.stop()
    state.finish()
  }

  package var openConnections: Int { server.openConnections }

  package func counts() -> ReceiverCounts { state.counts() }

  /// Why `--record` is incomplete, if a write to it failed.
  package var recordFailure: OutputError? { state.recordFailure }

  /// Closes `--record` now (a second signal: the process exits next, and must not cut a line).
  package func closeRecord() { state.closeRecord() }

  /// Waits until `accepted` distinct notifications were answered 2xx (for `--until`).
  package func waitUntilAccepted(_ accepted: Int) {
    state.waitUntilAccepted(accepted)
  }
}
