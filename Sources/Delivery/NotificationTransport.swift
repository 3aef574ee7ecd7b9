import Foundation
import HTTP1

/// The only network code: posts one signed body and says how it ended. `URLSessionTransport`
/// is the real one; tests script outcomes without a network.
package protocol NotificationTransport: Sendable {
  /// Posts `body` with AIRudder's headers and returns within about `timeout`.
  func post(_ body: Data, timeout: Duration) async -> AttemptOutcome
}
