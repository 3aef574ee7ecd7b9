import Foundation

/// Answer discipline: how fast and with what the receiver answers. These warn or inform; a
/// request refused here still fails, since AIRudder would retry it.
extension Battery {
  static let answer: [CheckCase] = [
    CheckCase(
      "answer.latency", .answer, title: "Answer time under a steady load (p99 ≤ 1 s, not growing)",
      why:
        "The page asks for an answer within 10 s and asynchronous processing: answers near 1 s, or growing under a steady rate, "
        + "mean the work is done before answering and a busier day will cross 10 s.",
      basis: "page: 请在收到数据10s内响应,同时异步处理数据存储及后续逻辑 (answer within 10 s, process asynchronously)"
    ) { probe in
      await sustained(probe)
    },
    CheckCase(
      "answer.status-body", .answer, title: "The answer is 200 with body {}",
      why: "AIRudder takes any 2xx as success, whatever the body; the page documents 200 {} (info when it differs).",
      basis: "page: 返回响应 200 success, Body object {0}, 示例 {}; CONTRACT.md decision 2 (any 2xx is success)"
    ) { probe in
      let sent = await probe.post(probe.payloads.ordinary(salt: "answer.status-body")[0])
      guard case .success(let answer) = sent.exchange.result, (200...299).contains(answer.status) else {
        return CaseOutcome(
          .warn, "not accepted (\(CaseProbe.label(sent.exchange))); see the failed cases", evidence: [probe.evidence(sent)])
      }
      let body = String(decoding: answer.bodyPrefix, as: UTF8.self).filter { !$0.isWhitespace }
      if answer.status == 200 && body == "{}" { return CaseOutcome(.pass, "200 {}") }
      let status = answer.status == 200 ? "200" : "\(answer.status) rather than 200,"
      let shown = body == "{}" ? "body {}" : body.isEmpty ? "an empty body" : "a body other than {}"
      return CaseOutcome(
        .info, "answered \(status) with \(shown): AIRudder accepts it",
        evidence: [probe.evidence(sent, next: "AIRudder counts it delivered (any 2xx); the page documents 200 {}")])
    },
  ]

  /// `answer.latency`: notifications at a steady rate on fresh connections for the sustained
  /// phase. Fail when any is not accepted; warn when p99 passes 1 s or the last third's median
  /// is more than twice the first third's and 100 ms above it.
  static func sustained(_ probe: CaseProbe) async -> CaseOutcome {
    let rate = probe.settings.sustainedRate
    let count = max(3, Int((probe.settings.sustainedDuration / .seconds(1)) * Double(rate)))
    let bodies = probe.payloads.ordinary(salt: "answer.latency", count: count)
    let interval = Duration.seconds(1) / rate
    let clock = ContinuousClock()
    let start = clock.now
    let sent = await withTaskGroup(of: (Int, CaseProbe.Sent).self) { group in
      for (index, body) in bodies.enumerated() {
        // On schedule whether or not earlier answers came: a slow receiver cannot slow the phase down.
        try? await clock.sleep(until: start + interval * index)
        group.addTask { (index, await probe.post(body)) }
      }
      var sent: [(Int, CaseProbe.Sent)] = []
      for await result in group { sent.append(result) }
      return sent.sorted { $0.0 < $1.0 }.map(\.1)
    }
    let what = "\(sent.count) notifications at \(rate)/s"
    let refused = probe.mustAccept(sent, what)
    if refused.verdict == .fail { return refused }
    let times = sent.map(\.exchange.seconds)
    let sorted = times.sorted()
    let p99 = sorted[min(sorted.count - 1, Int((Double(sorted.count) * 0.99).rounded(.up)) - 1)]
    let third = max(1, times.count / 3)
    let early = median(Array(times.prefix(third)))
    let late = median(Array(times.suffix(third)))
    let figures =
      "p50 \(Evidence.milliseconds(median(times))), p99 \(Evidence.milliseconds(p99)); "
      + "median \(Evidence.milliseconds(early)) in the first third, \(Evidence.milliseconds(late)) in the last"
    let slowest = sent.max { $0.exchange.seconds < $1.exchange.seconds }!
    let next =
      "AIRudder counts it delivered, but past \(probe.settings.airudderTimeout) it gives up and retries:"
      + " the receiver then sees a duplicate"
    if p99 > 1 {
      return CaseOutcome(.warn, "\(what): p99 above 1 s (\(figures))", evidence: [probe.evidence(slowest, next: next)])
    }
    if late > 2 * early && late - early > 0.1 {
      return CaseOutcome(
        .warn, "\(what): answers grow slower at a steady rate (\(figures))", evidence: [probe.evidence(slowest, next: next)])
    }
    return CaseOutcome(.pass, "\(what): \(figures)")
  }

  static func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
  }
}
