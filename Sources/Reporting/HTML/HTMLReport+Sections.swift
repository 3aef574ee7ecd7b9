import HTTP1
import Support

/// The page's tables: the summary with the verdict and thresholds, the built-in receiver's
/// counts with the reconciliation; and its style sheet (inline, light, printable).
extension HTMLReport {
  func summarySection() -> String {
    let n = report.notifications
    var out = "<header>\n<h1>\(SVG.escape(report.scenario)) <span class=\"target\">→ \(SVG.escape(report.target))</span></h1>\n"
    out += "<p class=\"verdict \(verdict.style)\">\(verdict.word)</p>\n"
    out +=
      "<p class=\"meta\">\(SVG.escape(UTCTime.iso8601(milliseconds: report.startedAt.milliseconds))) to \(SVG.escape(UTCTime.iso8601(milliseconds: report.endedAt.milliseconds))) (\(SVG.number(report.elapsedS)) s) · mode \(SVG.escape(report.mode)), concurrency \(report.concurrency), transport \(SVG.escape(report.transport)) · retry: timeout \(SVG.number(report.policy.timeoutS)) s, interval \(SVG.number(report.policy.retryIntervalS)) s / time scale \(SVG.number(report.policy.timeScale)), at most \(report.policy.maxRetries) retries</p>\n</header>\n"
    out += "<section>\n<h2>Summary</h2>\n<div class=\"cards\">\n"
    let cards: [(String, String)] = [
      ("generated", SVG.grouped(n.generated)), ("delivered", SVG.grouped(n.delivered)), ("dropped", SVG.grouped(n.dropped)),
      ("abandoned", SVG.grouped(n.abandoned)), ("cancelled", SVG.grouped(n.cancelled)),
      ("attempts", SVG.grouped(report.attempts.total)), ("p99 latency", SVG.number(report.latencyMs.p99) + " ms"),
      ("notifications/s", report.notificationsPerSecond.map(SVG.number) ?? "—"),
    ]
    for (name, value) in cards {
      out += "<div class=\"card\"><div class=\"value\">\(value)</div><div class=\"name\">\(name)</div></div>\n"
    }
    out += "</div>\n"
    out +=
      "<p>\(n.balanced ? "The account balances" : "The account does NOT balance (a bug)"): \(n.generated) generated = \(n.delivered) delivered + \(n.dropped) dropped + \(n.abandoned) abandoned + \(n.cancelled) cancelled.</p>\n"
    out += thresholdsTable()
    out += attemptsTable()
    return out + "</section>\n"
  }

  private func thresholdsTable() -> String {
    let n = report.notifications
    let t = report.thresholds
    let judged = n.delivered + n.dropped + n.abandoned
    let successRate = judged > 0 ? Double(n.delivered) / Double(judged) : 0
    var rows: [(String, String, String, Bool)] = [
      ("something was delivered", "always judged", SVG.grouped(n.delivered), n.delivered > 0),
      ("dropped", "at most \(t.maxDropped ?? 0)", SVG.grouped(n.dropped), n.dropped <= (t.maxDropped ?? 0)),
      ("abandoned", "at most \(t.maxAbandoned ?? 0)", SVG.grouped(n.abandoned), n.abandoned <= (t.maxAbandoned ?? 0)),
    ]
    if let limit = t.maxP99Ms {
      rows.append(
        (
          "p99 latency", "at most \(SVG.number(limit)) ms", SVG.number(report.latencyMs.p99) + " ms",
          report.latencyMs.p99 <= limit
        ))
    }
    if let limit = t.minSuccessRate {
      rows.append(
        ("success rate", "at least \(SVG.number(limit * 100))%", SVG.number(successRate * 100) + "%", successRate >= limit))
    }
    rows.append(("the account balances", "always judged", n.balanced ? "yes" : "no", n.balanced))
    if report.receiver != nil {
      rows.append(
        (
          "sender and receiver agree", "always judged", report.reconciliationErrors.isEmpty ? "yes" : "no",
          report.reconciliationErrors.isEmpty
        ))
    }
    var out =
      "<h3>Thresholds</h3>\n<table>\n<thead><tr><th>check</th><th>limit</th><th>this run</th><th>result</th></tr></thead>\n<tbody>\n"
    for (name, limit, actual, passed) in rows {
      out +=
        "<tr><td>\(name)</td><td>\(SVG.escape(limit))</td><td class=\"num\">\(actual)</td><td class=\"\(passed ? "pass" : "fail")\">\(passed ? "passed" : "missed")</td></tr>\n"
    }
    out += "</tbody>\n</table>\n"
    if !t.missed.isEmpty {
      out += "<ul class=\"missed\">\n" + t.missed.map { "<li>threshold missed: \(SVG.escape($0))</li>\n" }.joined() + "</ul>\n"
    }
    return out
  }

  private func attemptsTable() -> String {
    var out = "<h3>Attempts</h3>\n<table>\n<thead><tr>"
    out += AttemptClass.allCases.map { "<th>\($0.rawValue)</th>" }.joined() + "<th>total</th></tr></thead>\n<tbody><tr>"
    out += AttemptClass.allCases.map { "<td class=\"num\">\(SVG.grouped(report.attempts.byClass[$0.rawValue] ?? 0))</td>" }
      .joined()
    out += "<td class=\"num\">\(SVG.grouped(report.attempts.total))</td></tr></tbody>\n</table>\n"
    if !report.attempts.topErrors.isEmpty {
      out +=
        "<p>Top errors: "
        + report.attempts.topErrors.map { "\(SVG.escape($0.error)) × \(SVG.grouped($0.count))" }.joined(separator: ", ")
        + "</p>\n"
    }
    let l = report.latencyMs
    out +=
      "<p>Latency: p50 \(SVG.number(l.p50)) ms, p90 \(SVG.number(l.p90)) ms, p99 \(SVG.number(l.p99)) ms, p99.9 \(SVG.number(l.p999)) ms, max \(SVG.number(l.max)) ms.</p>\n"
    return out
  }

  func receiverSection() -> String {
    guard let receiver = report.receiver else { return "" }
    var out = "<section>\n<h2>The built-in receiver</h2>\n<table>\n<tbody>\n"
    let rows: [(String, Int)] = [
      ("requests", receiver.requests), ("notifications accepted (2xx)", receiver.accepted), ("Details", receiver.details),
      ("unique CallIDs", receiver.uniqueCalls), ("duplicate deliveries", receiver.duplicates),
      ("bad signatures", receiver.badSignatures), ("schema violations", receiver.schemaViolations),
    ]
    for (name, value) in rows { out += "<tr><td>\(name)</td><td class=\"num\">\(SVG.grouped(value))</td></tr>\n" }
    out += "</tbody>\n</table>\n"
    let answers = receiver.answers.sorted { $0.key < $1.key }.map { "\(SVG.escape($0.key)): \(SVG.grouped($0.value))" }
    out += "<p>Answers by status: \(answers.isEmpty ? "none" : answers.joined(separator: ", ")).</p>\n"
    if report.reconciliationErrors.isEmpty {
      out +=
        "<p class=\"pass\">Reconciled: the \(SVG.grouped(report.notifications.delivered)) notifications the sender counts delivered are the ones the receiver accepted, and their Details are the unique CallIDs it holds.</p>\n"
    } else {
      out += "<ul class=\"missed\">\n" + report.reconciliationErrors.map { "<li>\(SVG.escape($0))</li>\n" }.joined() + "</ul>\n"
    }
    if !receiver.firstViolations.isEmpty {
      out +=
        "<p>First schema violations:</p>\n<ul>\n" + receiver.firstViolations.map { "<li>\(SVG.escape($0))</li>\n" }.joined()
        + "</ul>\n"
    }
    return out + "</section>\n"
  }

  static let style = """
    body { margin: 0; background: #ffffff; color: #1f2328; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
    main { max-width: 1040px; margin: 0 auto; padding: 24px 28px 48px; }
    h1 { font-size: 24px; margin: 0 0 6px; }
    h1 .target { font-weight: 400; color: #57606a; font-size: 17px; }
    h2 { font-size: 19px; margin: 32px 0 10px; border-bottom: 1px solid #d0d7de; padding-bottom: 4px; }
    h3 { font-size: 16px; margin: 20px 0 6px; }
    .meta { color: #57606a; margin: 4px 0; }
    .verdict { display: inline-block; font-weight: 700; letter-spacing: 0.05em; padding: 3px 12px; border-radius: 4px; margin: 6px 0; }
    .verdict.pass { background: #dafbe1; color: #116329; border: 1px solid #4ac26b; }
    .verdict.fail { background: #ffebe9; color: #a40e26; border: 1px solid #ff8182; }
    .verdict.warn { background: #fff8c5; color: #7d4e00; border: 1px solid #d4a72c; }
    .cards { display: flex; flex-wrap: wrap; gap: 10px; }
    .card { border: 1px solid #d0d7de; border-radius: 6px; padding: 8px 14px; min-width: 96px; }
    .card .value { font-size: 20px; font-weight: 600; font-variant-numeric: tabular-nums; }
    .card .name { color: #57606a; font-size: 13px; }
    table { border-collapse: collapse; margin: 6px 0 10px; }
    th, td { border: 1px solid #d0d7de; padding: 4px 10px; text-align: left; }
    th { background: #f6f8fa; font-weight: 600; }
    td.num { text-align: right; font-variant-numeric: tabular-nums; }
    td.pass, p.pass { color: #116329; }
    td.fail { color: #a40e26; font-weight: 600; }
    ul.missed { color: #a40e26; }
    .note { color: #57606a; }
    .warning { color: #7d4e00; background: #fff8c5; padding: 4px 8px; }
    figure { margin: 14px 0 22px; break-inside: avoid; page-break-inside: avoid; }
    figcaption { color: #57606a; font-size: 13px; margin-top: 4px; }
    pre { background: #f6f8fa; border: 1px solid #d0d7de; padding: 10px; overflow-x: auto; font-size: 12px; }
    footer { color: #57606a; font-size: 12px; margin-top: 32px; }
    svg.chart { width: 100%; height: auto; display: block; border: 1px solid #d0d7de; border-radius: 4px; }
    svg text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; fill: #1f2328; }
    svg .chart-title { font-size: 16px; font-weight: 600; }
    svg .tick, svg .legend-text, svg .row-end, svg .value { font-size: 12px; fill: #424a53; }
    svg .axis-label { font-size: 13px; fill: #424a53; }
    svg .note, svg .empty { font-size: 12px; fill: #57606a; }
    svg .grid { stroke: #e4e7eb; stroke-width: 1; }
    svg .axis { stroke: #57606a; stroke-width: 1.2; }
    svg .hover { fill: #000000; fill-opacity: 0; }
    svg .pt:hover .hover, svg .story-row:hover .hover { fill-opacity: 0.06; }
    @media print {
      main { max-width: none; padding: 0; }
      h2 { break-after: avoid; }
      svg .hover { display: none; }
      pre { white-space: pre-wrap; overflow: visible; word-break: break-word; }
    }

    """
}
