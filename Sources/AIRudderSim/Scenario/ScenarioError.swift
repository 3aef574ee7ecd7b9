import Foundation

/// Why a scenario could not be used. Every message names the file and, where there is one,
/// the key path.
public enum ScenarioError: LocalizedError, Equatable {
  /// The file could not be read.
  case unreadable(file: String, reason: String)
  /// The file is not JSON (JSON5: comments and trailing commas are allowed).
  case malformed(file: String, reason: String)
  /// A key holds a value of the wrong type or out of range, or is unknown.
  case invalid(file: String, path: String, message: String)

  public var errorDescription: String? {
    switch self {
    case .unreadable(let file, let reason):
      "\(file): cannot read scenario: \(reason)"
    case .malformed(let file, let reason):
      "\(file): not valid JSON: \(reason)"
    case .invalid(let file, let path, let message):
      path.isEmpty ? "\(file): \(message)" : "\(file): \(path): \(message)"
    }
  }
}
