/// How a case ended: its verdict, one line saying why, and the evidence behind it.
package struct CaseOutcome: Sendable {
  package var verdict: CheckVerdict
  package var summary: String
  /// The exchanges that decided a fail, warn or info (at most a few), or a note for a pass.
  package var evidence: [Evidence]

  package init(_ verdict: CheckVerdict, _ summary: String, evidence: [Evidence] = []) {
    self.verdict = verdict
    self.summary = summary
    self.evidence = evidence
  }
}
