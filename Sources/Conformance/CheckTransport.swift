/// How `check` reaches the receiver: the one place that knows the wire (`SocketCheckTransport`
/// speaks http and https; tests script answers with their own).
package protocol CheckTransport: Sendable {
  /// Posts `bodies` in turn with AIRudder's headers. `reuse`: on one connection for as long as
  /// the receiver keeps it alive (a fresh one when it does not); otherwise a fresh connection
  /// each. Each request has `timeout` for all of it, connecting included. Stops after the
  /// first request not answered 2xx: the rest would tell nothing new, and each could cost a
  /// timeout.
  func post(_ bodies: [[UInt8]], reuse: Bool, timeout: Duration) async -> [ExchangeResult]

  /// Posts every body at once, each on a fresh connection of its own, each within `timeout`.
  func burst(_ bodies: [[UInt8]], timeout: Duration) async -> [ExchangeResult]

  /// Nil when a connection can be opened within `timeout`; otherwise why not (sent nothing).
  func unreachable(timeout: Duration) async -> String?
}
