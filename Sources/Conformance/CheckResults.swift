import Foundation

/// A whole `check`: what was checked, how, and every case's result.
package struct CheckResults: Sendable {
  /// The URL without credentials.
  package var target: String
  package var settings: CheckSettings
  package var started: Date
  package var seconds: Double
  package var results: [CaseResult]
  /// Why the run stopped before its last case (the receiver could no longer be reached), or nil.
  package var stopped: String?
  /// The cases not run because it stopped.
  package var notRun: [CheckCase] = []

  /// Cases by verdict, every verdict present.
  package var counts: [CheckVerdict: Int] {
    var counts = Dictionary(uniqueKeysWithValues: CheckVerdict.allCases.map { ($0, 0) })
    for result in results { counts[result.outcome.verdict, default: 0] += 1 }
    return counts
  }

  /// A case failed, or the run stopped early.
  package var failed: Bool { stopped != nil || results.contains { $0.outcome.verdict == .fail } }
}
