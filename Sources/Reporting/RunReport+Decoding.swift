import Foundation
import Support

#if canImport(Glibc)
  import Glibc
#endif

/// Why a report could not be read back (`report`, and `merge` of several).
package enum ReportReadError: LocalizedError, Equatable {
  /// The file could not be opened or read.
  case unreadable(file: String, reason: String)
  /// Not JSON, or not an object.
  case notJSON(file: String, reason: String)
  /// A version this tool does not read.
  case unsupportedVersion(file: String, version: String)
  /// A key missing, of the wrong type, or a value that breaks the format.
  case invalid(file: String, path: String, reason: String)
  /// A line of a journal (`--journal`) that is not one.
  case badJournalLine(file: String, line: Int)

  package var errorDescription: String? {
    switch self {
    case .unreadable(let file, let reason): "\(file): cannot read the report: \(reason)"
    case .notJSON(let file, let reason): "\(file): not a report (JSON object expected): \(reason)"
    case .unsupportedVersion(let file, let version):
      "\(file): report version \(version) is not supported; this airudder-sim reads version \(RunReport.currentVersion)"
        + " (a version 1 report has no time series or histogram: run again with --report)"
    case .invalid(let file, let path, let reason): "\(file): \(path.isEmpty ? "report" : path): \(reason)"
    case .badJournalLine(let file, let line):
      "\(file):\(line): not a journal line (a JSON object with time, notification, attempt, class, latency_ms)"
    }
  }
}

extension RunReport {
  /// Reads a version 2 report as `--report` writes it; every error names the file and the key.
  package static func decode(_ data: Data, file: String) throws(ReportReadError) -> RunReport {
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: data)
    } catch {
      throw .notJSON(
        file: file, reason: "\((error as NSError).userInfo[NSDebugDescriptionErrorKey] ?? error.localizedDescription)")
    }
    guard let fields = object as? [String: Any] else { throw .notJSON(file: file, reason: "the top level is not an object") }
    guard let version = fields["version"] as? Int, version == currentVersion else {
      throw .unsupportedVersion(file: file, version: fields["version"].map { "\($0)" } ?? "(none)")
    }
    do {
      return try JSONDecoder().decode(RunReport.self, from: data)
    } catch let error as DecodingError {
      throw Self.describe(error, file: file)
    } catch {
      throw .invalid(file: file, path: "", reason: error.localizedDescription)
    }
  }

  /// Reads the report at `path`.
  package static func read(path: String) throws(ReportReadError) -> RunReport {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw .unreadable(file: path, reason: OutputError.reason(errno)) }
    defer { _ = close(descriptor) }
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = Glibc.read(descriptor, &buffer, buffer.count)
      if count == 0 { break }
      if count < 0 {
        if errno == EINTR { continue }
        throw .unreadable(file: path, reason: OutputError.reason(errno))
      }
      data.append(buffer, count: count)
    }
    return try decode(data, file: path)
  }

  private static func describe(_ error: DecodingError, file: String) -> ReportReadError {
    func path(_ keys: [any CodingKey]) -> String {
      keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().drop { $0 == "." }.description
    }
    switch error {
    case .keyNotFound(let key, let context):
      return .invalid(file: file, path: path(context.codingPath + [key]), reason: "missing")
    case .typeMismatch(let type, let context):
      return .invalid(file: file, path: path(context.codingPath), reason: "expected \(Self.typeName(type))")
    case .valueNotFound(let type, let context):
      return .invalid(file: file, path: path(context.codingPath), reason: "expected \(Self.typeName(type)), found null")
    case .dataCorrupted(let context):
      return .invalid(file: file, path: path(context.codingPath), reason: context.debugDescription)
    @unknown default:
      return .invalid(file: file, path: "", reason: "\(error)")
    }
  }

  private static func typeName(_ type: Any.Type) -> String {
    switch type {
    case is String.Type: "a string"
    case is Bool.Type: "true or false"
    case is Int.Type, is Int32.Type, is Int64.Type, is UInt64.Type: "an integer"
    case is Double.Type: "a number"
    default: "\(type)".contains("Array") ? "an array" : "an object"
    }
  }
}
