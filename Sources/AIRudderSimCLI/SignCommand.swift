import Contract

/// `airudder-sim sign`: the Sign a receiver should expect for a TaskID.
enum SignCommand {
  static let spec = CommandSpec(
    name: "sign",
    summary: "Print the Sign of a TaskID: lowercase hex md5(TaskID + KEY).",
    options: [
      .init("--task-id", value: "ID", help: "The notification's TaskID (required)."),
      .init("--key", value: "K", help: "The KEY (default: $AIRUDDER_KEY, else airudder)."),
    ])

  static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> ExitCode {
    guard let taskID = arguments.string("--task-id") else { throw CommandLineError.missingArgument("--task-id ID") }
    context.stdout.line(Signer.sign(taskID: taskID, key: arguments.string("--key") ?? Signer.defaultKey))
    return .success
  }
}
