import Foundation

/// Why a file of payloads to replay cannot be sent; raised before anything is sent.
package enum ReplayError: LocalizedError, Equatable {
  /// The file or standard input could not be read.
  case unreadable(file: String, reason: String)
  /// The text is not JSON notifications, or a notification lacks what the run needs of it
  /// (`TaskID` and `Sign` to re-sign, a `CallEndTime` for the timeline).
  case malformed(file: String, line: Int, column: Int, reason: String)
  /// Nothing to send.
  case empty(file: String)

  package var errorDescription: String? {
    switch self {
    case .unreadable(let file, let reason): "\(file): cannot read payloads: \(reason)"
    case .malformed(let file, let line, let column, let reason): "\(file):\(line):\(column): \(reason)"
    case .empty(let file): "\(file): no notification to send"
    }
  }
}
