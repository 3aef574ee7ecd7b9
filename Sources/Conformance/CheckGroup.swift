/// The battery's groups, in the order they run and print.
package enum CheckGroup: String, Sendable, CaseIterable, Codable {
  /// Payload shapes the page allows: each must be answered 2xx within the timeout.
  case shape
  /// Delivery semantics: duplicates, one TaskID for many notifications, bursts, timeouts, connections.
  case delivery
  /// Answer discipline: answer times under load, the status and body of the answer.
  case answer
  /// Security: a bad Sign, a body that is not JSON.
  case security

  package var title: String {
    switch self {
    case .shape: "Payload shapes the page allows"
    case .delivery: "Delivery semantics"
    case .answer: "Answer discipline"
    case .security: "Security"
    }
  }
}
