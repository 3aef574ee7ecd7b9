import Contract
import Generation
import HTTP1
import Scenario
import Support

/// `airudder-sim generate`: a scenario's signed notifications as NDJSON on standard output.
enum GenerateCommand {
  static let spec = CommandSpec(
    name: "generate",
    summary: "Write a scenario's signed notifications to standard output, one JSON object per line.",
    discussion: """
      The same scenario and seed always give the same bytes. Without --count the scenario runs to
      its end (every contact of every workflow notified).
      Exit codes: 0 written; 1 standard output could not be written (a full disk); 2 bad usage or
      scenario; 141, quietly, when the reader closed the pipe (generate | head).
      """,
    positionals: [
      .init("SCENARIO", help: "Scenario file (JSON with comments), e.g. Scenarios/smoke.json; - reads standard input.")
    ],
    options: [
      .init("--count", value: "N", help: "Stop after N notifications."),
      .init("--seed", value: "S", help: "Seed of the simulation (overrides the scenario's)."),
      .init(
        "--key", value: "K", help: "KEY of Sign = md5(TaskID + KEY) (default: $AIRUDDER_KEY, else the scenario's, else airudder)."
      ),
      .init("--pretty", help: "Indent each notification over several lines (no longer one per line)."),
      ContactsOption.option,
    ])

  static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> ExitCode {
    let count = try arguments.int("--count", in: 1...Int.max)
    let seed = try arguments.uint64("--seed")
    var scenario = try ScenarioLoader.load(path: arguments.positional(0)!, stdin: context.stdin)
    if let seed { scenario.seed = seed }
    let contacts = try ContactsOption.open(arguments, scenario: scenario)
    let pretty = arguments.has("--pretty")
    var signer = Signer(key: arguments.string("--key") ?? scenario.target.key)
    var writer = JSONByteWriter(pretty: pretty, capacity: 1 << 16)
    for var item in NotificationGenerator(scenario: scenario, limit: count, contacts: contacts) {
      signer.sign(&item.notification)
      writer.reset()
      item.notification.write(to: &writer)
      writer.append(UInt8(ascii: "\n"))
      writer.withBytes { context.stdout.write($0) }
      // A full disk or a closed pipe: the rest would be lost too (Tool.main says why).
      if context.stdout.hasFailed { break }
    }
    return .success
  }
}
