import Foundation
import HTTP1

/// The judgements most cases share, and the evidence they give.
extension CaseProbe {
  /// What AIRudder does after an attempt that did not get a 2xx (CONTRACT.md decisions 1–3).
  static let retryStory =
    "AIRudder counts this attempt as failed: it sends the same bytes again 60 s later, up to 5 times, then drops the notification"

  /// Evidence for one request; `focus` picks the excerpt (the first bytes when nil or absent).
  func evidence(_ sent: Sent, focus: String? = nil, next: String? = nil, hint: String? = nil) -> Evidence {
    var answerPrefix = ""
    var status: Int?
    var error: String?
    switch sent.exchange.result {
    case .success(let answer):
      status = answer.status
      answerPrefix = Self.printable(answer.bodyPrefix, limit: 200)
    case .failure(.timeout):
      error = "no answer within the \(settings.shownTimeout) timeout"
    case .failure(.connection(let reason)), .failure(.malformed(let reason)):
      error = reason
    case .failure(.unfinished(let status, let firstBytes)):
      error = Self.unfinished(status, firstBytes, timeout: settings.shownTimeout)
    }
    var story = next
    if story == nil && !sent.exchange.accepted {
      story =
        sent.exchange.timedOut
        ? "past \(settings.airudderTimeout) AIRudder gives up and sends the same bytes again 60 s later, up to 5 times,"
          + " then drops the notification; a receiver that stored it anyway sees each retry as a duplicate"
        : Self.retryStory
    }
    var reason = hint
    if reason == nil, let status, status == 401 || status == 403 {
      reason = "a \(status) to a notification signed as the page says: does the receiver expect another KEY (--key)?"
    }
    if reason == nil, status == 404 {
      reason = "a 404 to a notification: is the URL's path right?"
    }
    if reason == nil, let connect = sent.exchange.connectSeconds, connect > 0.5 {
      reason =
        "connecting alone took \(Evidence.milliseconds(connect)): the receiver accepts connections too slowly for a burst"
        + " (a listen backlog too small, such as the 5 of Python's http.server, makes the kernel drop and retry connects)"
    }
    return Evidence(
      sentBytes: sent.body.count, excerpt: Self.excerpt(sent.body, around: focus), bodyFile: sent.file, status: status,
      error: error, timedOut: sent.exchange.timedOut,
      seconds: sent.exchange.seconds, answerPrefix: answerPrefix, reusedConnection: sent.exchange.reused,
      connectSeconds: sent.exchange.connectSeconds, next: story,
      hint: reason)
  }

  /// Pass when every request got a 2xx within the timeout; else a fail with the first few
  /// that did not. `what` names the payload in the summary.
  /// `planned`: the requests of a sequence, which stops at the first not accepted.
  func mustAccept(_ sent: [Sent], _ what: String, focus: String? = nil, planned: Int? = nil) -> CaseOutcome {
    let refused = sent.filter { !$0.exchange.accepted }
    guard let first = refused.first else {
      let slowest = sent.map(\.exchange.seconds).max() ?? 0
      return CaseOutcome(
        .pass,
        "\(what): \(sent.count == 1 ? "answered" : "all \(sent.count) answered") 2xx (slowest \(Evidence.milliseconds(slowest)))")
    }
    var count = sent.count == 1 ? "" : "\(refused.count) of \(sent.count) "
    if let planned, planned > 1, let position = sent.firstIndex(where: { !$0.exchange.accepted }) {
      count = "request \(position + 1) of \(planned) "
    }
    let unsent = (planned ?? sent.count) - sent.count
    return CaseOutcome(
      .fail,
      "\(what): \(count)not accepted (\(Self.label(first.exchange)))" + (unsent > 0 ? "; the \(unsent) after it not sent" : ""),
      evidence: refused.prefix(3).map { evidence($0, focus: focus) })
  }

  /// `HTTP 500`, `timeout`, `connection reset`.
  static func label(_ exchange: ExchangeResult) -> String {
    switch exchange.result {
    case .success(let answer): "HTTP \(answer.status)"
    case .failure(.timeout): "timeout"
    case .failure(.connection(let reason)), .failure(.malformed(let reason)): reason
    case .failure(.unfinished(let status?, _)): "status \(status), body unfinished"
    case .failure(.unfinished(nil, _)): "unparseable answer"
    }
  }

  /// An answer begun but not finished by the deadline, said as what arrived: a status whose
  /// body never ended, or a head that never ended (bare-LF line endings, most often).
  static func unfinished(_ status: Int?, _ firstBytes: [UInt8], timeout: String) -> String {
    let first = "first bytes: \(printable(firstBytes, limit: HTTPProbeConnection.firstBytesKept))"
    if let status { return "status \(status) arrived, the body never finished within the \(timeout) timeout; \(first)" }
    let bareLF = firstBytes.contains(10) && firstBytes.firstRange(of: [13, 10]) == nil
    let why =
      bareLF
      ? "its lines end in a bare LF where HTTP/1.1 requires CRLF, so its head never ended"
      : "its head (status line and headers) never ended with an empty line"
    return "an answer arrived that cannot be parsed: \(why) within the \(timeout) timeout; \(first)"
  }

  /// `answered HTTP 500`, `no answer (connection reset)`.
  static func answered(_ exchange: ExchangeResult) -> String {
    exchange.status != nil ? "answered \(label(exchange))" : "no answer (\(label(exchange)))"
  }

  /// Up to `limit` bytes as text, control characters and invalid UTF-8 escaped.
  static func printable(_ bytes: [UInt8], limit: Int) -> String {
    let text = String(decoding: bytes.prefix(limit), as: UTF8.self)
    var shown = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\n": shown += "\\n"
      case "\r": shown += "\\r"
      case "\t": shown += "\\t"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7f {
          shown += String(format: "\\x%02x", scalar.value)
        } else {
          shown.unicodeScalars.append(scalar)
        }
      }
    }
    return bytes.count > limit ? shown + "…" : shown
  }

  /// About 120 bytes of `body` around the first `focus`, or its start.
  static func excerpt(_ body: [UInt8], around focus: String?) -> String {
    let width = 120
    var start = 0
    if let focus, let range = body.firstRange(of: Array(focus.utf8)) {
      start = max(0, range.lowerBound - max(0, (width - focus.utf8.count) / 2))
    }
    // Not in the middle of a UTF-8 sequence.
    while start > 0 && start < body.count && body[start] & 0xC0 == 0x80 { start -= 1 }
    var end = min(body.count, start + width)
    while end < body.count && body[end] & 0xC0 == 0x80 { end += 1 }
    let text = printable(Array(body[start..<end]), limit: end - start + 4)
    return (start > 0 ? "…" : "") + text + (end < body.count ? "…" : "")
  }
}
