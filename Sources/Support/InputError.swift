import Foundation

/// Input a command cannot use: an unreadable file, text that is not JSON.
package enum InputError: LocalizedError, Equatable {
  /// The file could not be opened or read.
  case unreadable(file: String, reason: String)
  /// The input is not a stream of JSON objects.
  case malformed(file: String, line: Int, reason: String)

  package var errorDescription: String? {
    switch self {
    case .unreadable(let file, let reason): "\(file): cannot read: \(reason)"
    case .malformed(let file, let line, let reason): "\(file):\(line): \(reason)"
    }
  }
}
