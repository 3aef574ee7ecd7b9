/// One case of the battery: what it is called, why it matters, what it rests on, and how it
/// runs and judges.
package struct CheckCase: Sendable {
  /// `group.name`, e.g. `shape.ringtype-null-string`; `--only` and `--skip` take these.
  package let id: String
  package let group: CheckGroup
  package let title: String
  /// Why a receiver must get this right, for `--list` and the README.
  package let why: String
  /// The part of the vendor page or the CONTRACT.md decision the case rests on.
  package let basis: String
  let run: @Sendable (CaseProbe) async -> CaseOutcome

  init(
    _ id: String, _ group: CheckGroup, title: String, why: String, basis: String,
    run: @escaping @Sendable (CaseProbe) async -> CaseOutcome
  ) {
    self.id = id
    self.group = group
    self.title = title
    self.why = why
    self.basis = basis
    self.run = run
  }
}
