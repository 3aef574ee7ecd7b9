import Foundation

/// Bad usage of the command line. Each is one line; the tool prints it with the command's
/// usage and exits 2.
package enum CommandLineError: LocalizedError, Equatable {
  /// The first argument is not a command.
  case unknownCommand(String, suggestion: String?)
  /// No command was given.
  case missingCommand
  /// A flag the command does not have.
  case unknownOption(String, suggestion: String?)
  /// A flag that takes a value was last, or followed by another flag.
  case missingValue(option: String, valueName: String)
  /// A flag's value is not of the expected form.
  case invalidValue(option: String, value: String, expected: String)
  /// A flag's value is refused for a reason stated in full.
  case refusedValue(option: String, value: String, reason: String)
  /// A flag given a value with `=` that takes none.
  case unexpectedValue(option: String)
  /// More positional arguments than the command takes.
  case unexpectedArgument(String)
  /// A required positional argument or flag is missing.
  case missingArgument(String)
  /// Flags that together leave nothing to do; the reason names them.
  case nothingSelected(String)

  package var errorDescription: String? {
    switch self {
    case .unknownCommand(let name, let suggestion):
      "unknown command '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
    case .missingCommand:
      "missing command"
    case .unknownOption(let name, let suggestion):
      "unknown option '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
    case .missingValue(let option, let valueName):
      "option '\(option)' needs a value (\(valueName))"
    case .invalidValue(let option, let value, let expected):
      "invalid value '\(Self.excerpt(value))' for '\(option)': expected \(expected)"
    case .refusedValue(let option, let value, let reason):
      "invalid value '\(Self.excerpt(value))' for '\(option)': \(reason)"
    case .unexpectedValue(let option):
      "option '\(option)' takes no value"
    case .unexpectedArgument(let argument):
      "unexpected argument '\(argument)'"
    case .missingArgument(let name):
      "missing \(name)"
    case .nothingSelected(let reason):
      "no case selected (\(reason))"
    }
  }

  /// A value as quoted in a message: a 100 KB value would bury the flag's name.
  static func excerpt(_ value: String) -> String {
    value.count <= 64 ? value : String(value.prefix(64)) + "…"
  }
}
