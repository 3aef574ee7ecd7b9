import Delivery
import Foundation
import HTTP1
import Reporting
import Scenario
import Support

/// The `airudder-sim` command line: picks the command, parses its arguments, runs it, and
/// maps every error to a message and an exit code. The executable only calls `main`.
package enum Tool {
  package static let version = "0.1.0"

  static let commands: [ToolCommand] = [
    ToolCommand(spec: RunCommand.spec, run: RunCommand.run),
    ToolCommand(spec: ReceiveCommand.spec, run: ReceiveCommand.run),
    ToolCommand(spec: CheckCommand.spec, run: CheckCommand.run),
    ToolCommand(spec: ReportCommand.spec, run: ReportCommand.run),
    ToolCommand(spec: GenerateCommand.spec, run: GenerateCommand.run),
    ToolCommand(spec: SignCommand.spec, run: SignCommand.run),
    ToolCommand(spec: VerifyCommand.spec, run: VerifyCommand.run),
    ToolCommand(spec: MergeCommand.spec, run: MergeCommand.run),
  ]

  package static var help: String {
    var text = """
      airudder-sim \(version): stands in for AIRudder's workflow call-completion webhook, so that a
      receiver can be tested against what AIRudder really sends.

      usage: airudder-sim <command> [options]

      COMMANDS:

      """
    for command in commands {
      text += "  " + command.spec.name.padding(toLength: 12, withPad: " ", startingAt: 0) + command.spec.summary + "\n"
    }
    text += """

      OPTIONS:
        --help      Show this help.
        --version   Show the version.

      Run 'airudder-sim <command> --help' for a command's arguments and options.

      """
    return text
  }

  /// The environment variable that gives every command's `--key` when the flag is not given,
  /// so a KEY never sits in a pod spec's arguments or a process list.
  package static let keyVariable = "AIRUDDER_KEY"

  /// Runs the tool on `arguments` (without the program name) and returns the exit code.
  /// `environment` is read for `AIRUDDER_KEY` only.
  package static func main(
    _ arguments: [String], stdin: FileHandle = .standardInput, stdout: OutputSink, stderr: OutputSink,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) async -> Int32 {
    // A closed pipe is a write error to handle (EPIPE), not a death by SIGPIPE.
    signal(SIGPIPE, SIG_IGN)
    defer { stderr.flush() }
    let code = await dispatch(arguments, stdin: stdin, stdout: stdout, stderr: stderr, environment: environment)
    stdout.flush()
    return checkedOutput(code, stdout: stdout, stderr: stderr)
  }

  /// Standard output that could not be written in full turns a success into a failure: 1 with
  /// a message (a full disk), or 141 without one when the reader closed the pipe
  /// (`generate | head`), as a tool killed by SIGPIPE would end.
  static func checkedOutput(_ code: Int32, stdout: OutputSink, stderr: OutputSink) -> Int32 {
    guard let failure = stdout.failure else { return code }
    if stdout.readerHasGone { return code == ExitCode.success.rawValue ? ExitCode.closedPipe.rawValue : code }
    stderr.line("error: \(failure.localizedDescription)")
    return code == ExitCode.success.rawValue ? ExitCode.failure.rawValue : code
  }

  private static func dispatch(
    _ arguments: [String], stdin: FileHandle, stdout: OutputSink, stderr: OutputSink, environment: [String: String]
  ) async -> Int32 {
    guard let first = arguments.first else {
      stderr.write("error: \(CommandLineError.missingCommand.localizedDescription)\n\n\(help)")
      return ExitCode.usage.rawValue
    }
    if first == "--help" || first == "-h" || first == "help" {
      stdout.write(help)
      return ExitCode.success.rawValue
    }
    if first == "--version" {
      stdout.line(version)
      return ExitCode.success.rawValue
    }
    guard let command = commands.first(where: { $0.spec.name == first }) else {
      let error: CommandLineError =
        first.hasPrefix("-")
        ? .unknownOption(first, suggestion: Suggestion.closest(to: first, among: ["--help", "--version"]))
        : .unknownCommand(first, suggestion: Suggestion.closest(to: first, among: commands.map(\.spec.name)))
      stderr.write("error: \(error.localizedDescription)\nusage: airudder-sim <command> [options]; see 'airudder-sim --help'\n")
      return ExitCode.usage.rawValue
    }
    let spec = command.spec
    do {
      var parsed = try ParsedArguments.parse(Array(arguments.dropFirst()), spec: spec)
      // The flag wins; an empty variable counts as unset (a Secret that did not mount).
      if spec.options.contains(where: { $0.name == "--key" }), let key = environment[keyVariable], !key.isEmpty {
        parsed.setDefault("--key", key)
      }
      if parsed.has("--help") {
        stdout.write(spec.help)
        return ExitCode.success.rawValue
      }
      let context = CommandContext(stdin: stdin, stdout: stdout, stderr: stderr)
      return try await command.run(parsed, context).rawValue
    } catch let error as CommandLineError {
      stderr.write("error: \(error.localizedDescription)\n\(spec.usage)\n")
      return ExitCode.usage.rawValue
    } catch let error as ScenarioError {
      for message in error.messages { stderr.line("error: \(message)") }
      return ExitCode.usage.rawValue
    } catch let error as ContactListError {
      for message in error.messages { stderr.line("error: \(message)") }
      return ExitCode.usage.rawValue
    } catch let error as ReplayError {
      stderr.line("error: \(error.localizedDescription)")
      return ExitCode.usage.rawValue
    } catch let error as ReportReadError {
      stderr.line("error: \(error.localizedDescription)")
      return ExitCode.usage.rawValue
    } catch let error as InputError {
      stderr.line("error: \(error.localizedDescription)")
      return ExitCode.usage.rawValue
    } catch let error as OutputError {
      stderr.line("error: \(error.localizedDescription)")
      if case .cannotCreate = error { return ExitCode.usage.rawValue }
      return ExitCode.failure.rawValue
    } catch let error as TLSSetupError {
      stderr.line("error: \(error.localizedDescription)")
      return ExitCode.usage.rawValue
    } catch let error as HTTPServer.ServerError {
      stderr.line("error: \(error.localizedDescription)")
      return ExitCode.usage.rawValue
    } catch {
      stderr.line("error: \(error.localizedDescription)")
      return ExitCode.failure.rawValue
    }
  }
}

/// What a running command reads and writes.
package struct CommandContext: Sendable {
  package var stdin: FileHandle
  package var stdout: OutputSink
  package var stderr: OutputSink
}

/// One subcommand of the tool: what it accepts and what it does.
struct ToolCommand: Sendable {
  var spec: CommandSpec
  var run: @Sendable (_ arguments: ParsedArguments, _ context: CommandContext) async throws -> ExitCode
}
