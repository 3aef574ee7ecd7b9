import Scenario

/// `--contacts FILE` (or the scenario's `contacts`): the uploaded contact list, checked whole
/// before anything is generated or sent.
enum ContactsOption {
  static let option = CommandSpec.Option(
    "--contacts", value: "FILE",
    help: "Contact list (CSV with a header, or NDJSON) to call instead of simulated contacts; overrides the scenario's contacts.")

  /// The list the flag or the scenario names, opened and checked; nil when neither names one.
  static func open(_ arguments: ParsedArguments, scenario: Scenario) throws -> ContactList? {
    guard let path = arguments.string("--contacts") ?? scenario.contacts else { return nil }
    if path == "-" {
      throw CommandLineError.invalidValue(
        option: "--contacts", value: path, expected: "a file (a contact list is read more than once, so not standard input)")
    }
    return try ContactList.open(path: path, workflows: scenario.workflows)
  }
}
