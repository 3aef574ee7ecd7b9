import Foundation

/// One request of a case as a person needs it to find the bug: what was sent (an excerpt and
/// where the whole body is), what came back (status, time, the first bytes of the answer, or
/// why there was none), and what AIRudder would do next.
package struct Evidence: Sendable, Equatable {
  /// Size of the body sent.
  package var sentBytes: Int
  /// The part of the body the case is about (`…"RingType":"null",…`).
  package var excerpt: String
  /// Where the whole body was written (`--save-bodies`), nil when it was not.
  package var bodyFile: String?
  /// The answer's status, nil when there was none.
  package var status: Int?
  /// Why there was no answer (`timeout`, `connection refused`, …).
  package var error: String?
  /// No answer came within the timeout.
  package var timedOut: Bool
  /// From the start of the request (connecting included) to its end.
  package var seconds: Double
  /// The first bytes of the answer's body, as text.
  package var answerPrefix: String
  /// The request went on a connection that had carried an earlier one.
  package var reusedConnection: Bool
  /// How long connecting took, when the request opened its connection.
  package var connectSeconds: Double?
  /// What AIRudder would do after this answer; nil when it would do nothing more.
  package var next: String?
  /// A hint about the likely cause.
  package var hint: String?

  /// `HTTP 500 after 3 ms: {"error":"…"}` or `timeout after 10000 ms`.
  package var answerLine: String {
    let time = Evidence.milliseconds(seconds)
    if let status {
      let body = answerPrefix.isEmpty ? "(empty body)" : answerPrefix
      return "HTTP \(status) after \(time): \(body)"
    }
    return "\(error ?? "no answer") after \(time)" + (reusedConnection ? " (on a reused connection)" : "")
  }

  /// `1,234 bytes: …excerpt…`
  package var sentLine: String {
    "\(Evidence.grouped(sentBytes)) bytes: \(excerpt)"
  }

  static func milliseconds(_ seconds: Double) -> String {
    seconds < 0.01 ? String(format: "%.1f ms", seconds * 1000) : "\(Int((seconds * 1000).rounded())) ms"
  }

  static func grouped(_ value: Int) -> String {
    var digits = Array(String(value))
    var index = digits.count - 3
    while index > 0 {
      digits.insert(",", at: index)
      index -= 3
    }
    return String(digits)
  }
}
