import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file the tool writes (report, journal, record, standard output) that it could not create
/// or write in full. Output is never lost silently: the message names the file, what it was
/// for and the system's reason.
package enum OutputError: LocalizedError, Equatable, Sendable {
  /// The file could not be created or opened for writing (a missing directory, no permission);
  /// found before the run starts.
  case cannotCreate(file: String, what: String, reason: String)
  /// A write, a sync or the close failed (a full disk, a closed pipe, an I/O error): what the
  /// file holds is incomplete.
  case cannotWrite(file: String, what: String, reason: String)

  package var errorDescription: String? {
    switch self {
    case .cannotCreate(let file, let what, let reason): "\(file): cannot create\(Self.label(what)): \(reason)"
    case .cannotWrite(let file, let what, let reason): "\(file): cannot write\(Self.label(what)): \(reason)"
    }
  }

  private static func label(_ what: String) -> String { what.isEmpty ? "" : " " + what }

  /// The system's words for an `errno` value ("No space left on device", "Broken pipe").
  package static func reason(_ code: Int32) -> String {
    String(cString: strerror(code))
  }
}
