/// A case that ran, with how it ended and how long it took.
package struct CaseResult: Sendable {
  package var check: CheckCase
  package var outcome: CaseOutcome
  package var seconds: Double
}
