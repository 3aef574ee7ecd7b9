import HTTP1

/// One POST of a case as the transport saw it.
package struct ExchangeResult: Sendable {
  package var result: Result<HTTPProbeConnection.Answer, HTTPProbeConnection.Failure>
  /// From the start of the request (connecting included) to its end.
  package var seconds: Double
  /// It went on a connection that had carried an earlier request.
  package var reused: Bool
  /// How long connecting took, when this request opened its connection.
  package var connectSeconds: Double?

  package init(
    result: Result<HTTPProbeConnection.Answer, HTTPProbeConnection.Failure>, seconds: Double, reused: Bool,
    connectSeconds: Double? = nil
  ) {
    self.result = result
    self.seconds = seconds
    self.reused = reused
    self.connectSeconds = connectSeconds
  }

  /// A 2xx answer (CONTRACT.md decision 2: any 2xx, whatever the body).
  package var accepted: Bool {
    if case .success(let answer) = result { return (200...299).contains(answer.status) }
    return false
  }

  package var status: Int? {
    if case .success(let answer) = result { return answer.status }
    return nil
  }

  /// No whole answer within the timeout: none at all, or one begun and not finished (AIRudder
  /// gives up on both alike).
  package var timedOut: Bool {
    switch result {
    case .failure(.timeout), .failure(.unfinished): true
    default: false
    }
  }
}
