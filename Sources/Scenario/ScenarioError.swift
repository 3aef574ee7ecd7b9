import Foundation

/// Why a scenario could not be used. Every message names the file and, where there is one,
/// the line and column and the key path.
package enum ScenarioError: LocalizedError, Equatable {
  /// The file could not be read.
  case unreadable(file: String, reason: String)
  /// What is wrong with the text, in file order: one syntax error (nothing after it can be
  /// trusted), or up to `ScenarioLoader.problemLimit` bad, unknown or repeated keys.
  case problems([ScenarioProblem])

  /// One line per problem, for the tool to print each as its own `error:` line.
  package var messages: [String] {
    switch self {
    case .unreadable(let file, let reason): ["\(file): cannot read scenario: \(reason)"]
    case .problems(let problems): problems.map(\.description)
    }
  }

  package var errorDescription: String? { messages.joined(separator: "\n") }
}

/// One problem of a scenario file: `file:LINE:COL: key.path: message`.
package struct ScenarioProblem: Sendable, Equatable, CustomStringConvertible {
  package var file: String
  /// Of the key (or the array element, or the syntax error); nil for a remark about the
  /// file as a whole.
  package var position: SourcePosition?
  /// `dialer.lines`; empty for a syntax error.
  package var path: String
  package var message: String

  package init(file: String, position: SourcePosition?, path: String, message: String) {
    self.file = file
    self.position = position
    self.path = path
    self.message = message
  }

  package var description: String {
    let place = position.map { "\(file):\($0.line):\($0.column)" } ?? file
    return path.isEmpty ? "\(place): \(message)" : "\(place): \(path): \(message)"
  }
}
