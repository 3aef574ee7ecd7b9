/// How one POST ended.
package enum AttemptOutcome: Sendable, Hashable {
  /// A complete HTTP response.
  case response(status: Int)
  /// No complete response within the attempt's timeout.
  case timeout
  /// No HTTP exchange: refused, reset, unreachable, DNS, TLS. `detail` says which.
  case connectionError(String)
  /// Anything else (a malformed response, say).
  case other(String)

  /// Success is any 2xx, whatever the body (CONTRACT.md decision 2).
  package var isSuccess: Bool {
    if case .response(let status) = self { return (200...299).contains(status) }
    return false
  }

  package var attemptClass: AttemptClass {
    switch self {
    case .response(let status):
      switch status {
      case 200...299: .success
      case 400...499: .clientError
      case 500...599: .serverError
      default: .other
      }
    case .timeout: .timeout
    case .connectionError: .connectionError
    case .other: .other
    }
  }

  /// A short text for summaries and the journal: `HTTP 503`, `timeout`, `connection refused`.
  package var label: String {
    switch self {
    case .response(let status): "HTTP \(status)"
    case .timeout: "timeout"
    case .connectionError(let detail): detail
    case .other(let detail): detail
    }
  }
}

/// The classes attempts are counted by.
package enum AttemptClass: String, Sendable, CaseIterable, Codable {
  case success = "2xx"
  case clientError = "4xx"
  case serverError = "5xx"
  case timeout
  case connectionError = "connection_error"
  case other
}
