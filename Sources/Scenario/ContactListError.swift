import Foundation

/// Why a contact list could not be used. Every message names the file and, for a bad row or
/// header, the line and column and the field.
package enum ContactListError: LocalizedError, Equatable {
  /// The file could not be opened or read.
  case unreadable(file: String, reason: String)
  /// Bad rows and header cells, in file order: the first `ContactList.problemLimit`, and how
  /// many more there were.
  case problems([ContactProblem], more: Int)

  /// One line per problem, for the tool to print each as its own `error:` line.
  package var messages: [String] {
    switch self {
    case .unreadable(let file, let reason): return ["\(file): cannot read contact list: \(reason)"]
    case .problems(let problems, let more):
      var lines = problems.map(\.description)
      if more > 0, let file = problems.first?.file {
        lines.append("\(file): \(more) more problems not listed; fix these and run again to see the rest")
      }
      return lines
    }
  }

  package var errorDescription: String? { messages.joined(separator: "\n") }
}

/// One bad cell, row or header of a contact list: `file:LINE:COL: Field: message`.
package struct ContactProblem: Error, Sendable, Equatable, CustomStringConvertible {
  package var file: String
  package var position: SourcePosition
  /// The column's name (`CalleeNumber`); empty for a problem of the row's syntax.
  package var field: String
  package var message: String

  package init(file: String, position: SourcePosition, field: String, message: String) {
    self.file = file
    self.position = position
    self.field = field
    self.message = message
  }

  package var description: String {
    let place = "\(file):\(position.line):\(position.column)"
    return field.isEmpty ? "\(place): \(message)" : "\(place): \(field): \(message)"
  }
}
