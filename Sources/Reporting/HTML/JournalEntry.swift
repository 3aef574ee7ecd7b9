import Foundation
import Support

/// One line of `--journal`, as `report` reads it back to draw the retry story.
package struct JournalEntry: Sendable, Equatable {
  /// When the attempt ended, milliseconds since the Unix epoch.
  package var endedMs: Int64
  package var notification: Int
  package var attempt: Int
  /// `2xx`, `5xx`, `timeout`, … (`AttemptClass` raw values).
  package var attemptClass: String
  /// `HTTP 503`, `timeout`, `connection refused`.
  package var outcome: String
  package var latencyMs: Double

  /// Reads every line of a journal; a line that is not one names the file and line.
  package static func read(path: String) throws(ReportReadError) -> [JournalEntry] {
    let text: String
    do {
      text = try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      throw .unreadable(file: path, reason: FileManager.default.fileExists(atPath: path) ? "not UTF-8 text" : "no such file")
    }
    var entries: [JournalEntry] = []
    var number = 0
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      number += 1
      if line.allSatisfy(\.isWhitespace) { continue }
      guard let entry = parse(Data(line.utf8)) else {
        throw .badJournalLine(file: path, line: number)
      }
      entries.append(entry)
    }
    return entries
  }

  static func parse(_ line: Data) -> JournalEntry? {
    guard let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any],
      let time = object["time"] as? String, let endedMs = UTCTime.parseISO8601Milliseconds(time),
      let notification = object["notification"] as? Int, let attempt = object["attempt"] as? Int,
      let attemptClass = object["class"] as? String, let latency = object["latency_ms"] as? Double
    else { return nil }
    let outcome = (object["status"] as? Int).map { "HTTP \($0)" } ?? (object["error"] as? String) ?? attemptClass
    return JournalEntry(
      endedMs: endedMs, notification: notification, attempt: attempt, attemptClass: attemptClass, outcome: outcome,
      latencyMs: latency)
  }
}
