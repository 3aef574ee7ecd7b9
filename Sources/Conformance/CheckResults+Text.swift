import Foundation

/// The table `check` prints: a header, one line per case as it ends (with the summary and the
/// evidence under any case that did not pass), and the counts by verdict.
extension CheckResults {
  package static func header(target: String, settings: CheckSettings, cases: Int) -> String {
    "airudder-sim check: \(target)\n"
      + "\(cases) \(cases == 1 ? "case" : "cases"), timeout \(settings.shownTimeout), burst \(settings.burst)"
      + (settings.saveBodies.map { ", bodies saved to \($0)" } ?? "") + "\n"
      + (settings.tlsLine.map { "\($0)\n" } ?? "") + "\n"
  }

  /// The lines of one case; `color` adds ANSI colour to the verdict.
  package static func text(of result: CaseResult, color: Bool) -> String {
    let verdict = result.outcome.verdict
    let label = verdict.rawValue.uppercased().padding(toLength: 4, withPad: " ", startingAt: 0)
    let shown = color ? "\u{1B}[\(colorCode(verdict))m\(label)\u{1B}[0m" : label
    let id =
      result.check.id.count < 28 ? result.check.id.padding(toLength: 28, withPad: " ", startingAt: 0) : result.check.id + " "
    var text = "\(shown)  \(id)\(result.check.title)  (\(Evidence.milliseconds(result.seconds)))\n"
    if verdict != .pass {
      text += "        \(result.outcome.summary)\n"
      for evidence in result.outcome.evidence { text += lines(of: evidence) }
    }
    return text
  }

  /// The evidence, one labelled line each.
  static func lines(of evidence: Evidence) -> String {
    var text = "        sent  \(evidence.sentLine)\n"
    text += "              whole body: \(evidence.bodyFile ?? "rerun with --save-bodies DIR")\n"
    text += "        got   \(evidence.answerLine)\n"
    if let next = evidence.next { text += "        next  \(next)\n" }
    if let hint = evidence.hint { text += "        hint  \(hint)\n" }
    return text
  }

  /// `29 cases: 27 pass, 1 fail, 0 warn, 1 info (8.2 s)`
  package var footer: String {
    let counts = counts
    let parts = CheckVerdict.allCases.map { "\(counts[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
    let notRun = notRun.isEmpty ? "" : ", \(notRun.count) not run"
    return
      "\n\(results.count) \(results.count == 1 ? "case" : "cases"): \(parts)\(notRun) (\(String(format: "%.1f", seconds)) s)\n"
  }

  private static func colorCode(_ verdict: CheckVerdict) -> String {
    switch verdict {
    case .pass: "32"
    case .fail: "1;31"
    case .warn: "33"
    case .info: "36"
    }
  }
}
