import Foundation
import Support

/// Runs the chosen cases one after another against one receiver. First it makes sure the
/// receiver can be reached at all, so that a wrong URL is one error, not a hundred fails.
package struct CheckRunner: Sendable {
  package let target: String
  package let settings: CheckSettings
  package let transport: any CheckTransport

  package init(target: String, settings: CheckSettings, transport: any CheckTransport) {
    self.target = target
    self.settings = settings
    self.transport = transport
  }

  /// Cases in a row that got no answer at all within the timeout, after which the run stops:
  /// a receiver that answers nothing would otherwise cost a timeout per case.
  static let silentCasesLimit = 3

  /// Why nothing can be checked (the receiver cannot be reached), or nil.
  package func unreachable() async -> String? {
    await transport.unreachable(timeout: settings.timeout)
  }

  /// Runs `cases` in order; `onResult` hears of each as it ends (for the table). A case that
  /// got no answer at all is followed by a reachability check: a receiver that went away
  /// (crashed, stopped) ends the run with one reason instead of a fail for every case left, as
  /// does one that answered nothing within the timeout in `silentCasesLimit` cases in a row.
  /// The first body that could not be saved is returned with the results.
  package func run(
    _ cases: [CheckCase], onResult: @Sendable (CaseResult) -> Void = { _ in }
  ) async -> (results: CheckResults, saveFailure: OutputError?) {
    let started = Date()
    let clock = ContinuousClock()
    let begin = clock.now
    var checked = CheckResults(target: target, settings: settings, started: started, seconds: 0, results: [])
    var saveFailure: OutputError?
    var silentCases = 0
    for (index, check) in cases.enumerated() {
      let probe = CaseProbe(caseID: check.id, settings: settings, transport: transport)
      let caseStart = clock.now
      let outcome = await check.run(probe)
      let result = CaseResult(check: check, outcome: outcome, seconds: (clock.now - caseStart) / .seconds(1))
      saveFailure = saveFailure ?? probe.saveFailure
      checked.results.append(result)
      onResult(result)
      let unanswered = !outcome.evidence.isEmpty && outcome.evidence.allSatisfy { $0.status == nil && $0.error != nil }
      silentCases = unanswered && outcome.evidence.allSatisfy(\.timedOut) ? silentCases + 1 : 0
      guard outcome.verdict != .pass, unanswered, index + 1 < cases.count else { continue }
      if let reason = await unreachable() {
        checked.stopped = "the receiver cannot be reached any more after \(check.id): \(reason)"
      } else if silentCases == Self.silentCasesLimit {
        // An answer begun and never finished is not nothing: say what came.
        let begun = outcome.evidence.compactMap(\.error).first { !$0.hasPrefix("no answer within") }
        checked.stopped =
          "the receiver answered nothing \(begun == nil ? "" : "complete ")within the \(settings.shownTimeout) timeout"
          + " in \(silentCases) cases in a row (the last \(check.id)\(begun.map { ": \($0)" } ?? ""))"
      }
      if checked.stopped != nil {
        checked.notRun = Array(cases[(index + 1)...])
        break
      }
    }
    checked.seconds = (clock.now - begin) / .seconds(1)
    return (checked, saveFailure)
  }

  /// The cases `--only` and `--skip` leave, in the battery's order. Each id may be a case's id
  /// or a group's name (`shape`); an unknown one is returned as the error.
  package static func select(only: [String]?, skip: [String]) -> Result<[CheckCase], SelectionError> {
    for id in (only ?? []) + skip where !Battery.all.contains(where: { matches($0, id) }) {
      return .failure(SelectionError(id: id, known: Battery.all.map(\.id) + CheckGroup.allCases.map(\.rawValue)))
    }
    return .success(
      Battery.all.filter { check in
        (only.map { ids in ids.contains { matches(check, $0) } } ?? true) && !skip.contains { matches(check, $0) }
      })
  }

  private static func matches(_ check: CheckCase, _ id: String) -> Bool {
    check.id == id || check.group.rawValue == id
  }

  /// An id in `--only` or `--skip` that names no case and no group.
  package struct SelectionError: Error, Sendable {
    package let id: String
    package let known: [String]
  }
}
