import Contract
import Foundation

/// Notifications to send again as they were read: `generate`'s output or payloads captured
/// from AIRudder, as NDJSON, concatenated objects or one JSON array. The whole text is checked
/// when it is loaded, so that a malformed object stops the run before anything is sent.
///
/// A regular file is mapped, not read, so the kernel pages it in and out as the run goes;
/// standard input and pipes are read whole into memory. Besides the text, each notification costs 24 bytes.
package final class ReplayPayloads: Sendable {
  /// What messages call the input (`<stdin>` for standard input).
  package let name: String
  package let text: Data
  let entries: [Entry]
  /// Re-sign with this KEY (`--resign`); nil sends every byte as read.
  let resignKey: String?

  /// One notification: its bytes in `text` and its simulated send time (latest
  /// `CallEndTime`, 0 when there is none).
  struct Entry: Sendable {
    var start: Int
    var end: Int
    var sendTime: Int64
  }

  package var count: Int { entries.count }

  /// Reads and checks `path` (`-`: `stdin`). With `timeline` every notification needs a
  /// `CallEndTime` and they are sent in time order (file order among equal times); with
  /// `resignKey` every one needs a top-level `TaskID` and `Sign` string.
  package static func load(
    path: String, stdin: FileHandle, timeline: Bool, resignKey: String?
  ) throws(ReplayError) -> ReplayPayloads {
    let name = path == "-" ? "<stdin>" : path
    let text: Data
    do {
      if path == "-" {
        text = try stdin.readToEnd() ?? Data()
      } else {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
          throw ReplayError.unreadable(file: name, reason: "is a directory")
        }
        let type = try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType
        if type == .typeRegular {
          text = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } else if let handle = FileHandle(forReadingAtPath: path) {
          // A pipe (`<(zcat captured.ndjson.gz)`) cannot be mapped: read to its end.
          text = try handle.readToEnd() ?? Data()
        } else {
          throw ReplayError.unreadable(
            file: name, reason: FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file")
        }
      }
    } catch let error as ReplayError {
      throw error
    } catch {
      let reason = path != "-" && !FileManager.default.fileExists(atPath: path) ? "no such file" : Self.reason(error)
      throw .unreadable(file: name, reason: reason)
    }
    var entries: [Entry] = []
    do {
      try text.withUnsafeBytes { raw in
        try PayloadScanner.scan(raw.bindMemory(to: UInt8.self)) { found in
          func refuse(_ reason: String) -> ReplayError {
            .malformed(file: name, line: found.line, column: found.column, reason: "notification \(entries.count + 1): " + reason)
          }
          if resignKey != nil {
            guard found.taskID != nil else { throw refuse("no TaskID string to re-sign it by (--resign)") }
            guard found.sign != nil else { throw refuse("no Sign string to replace (--resign)") }
          }
          if timeline && found.latestCallEnd == nil {
            throw refuse("no Details[].CallEndTime (yyyy-MM-ddTHH:mm:ssZ) to time it by (--timeline)")
          }
          entries.append(Entry(start: found.range.lowerBound, end: found.range.upperBound, sendTime: found.latestCallEnd ?? 0))
        }
      }
    } catch let error as PayloadScanner.SyntaxError {
      throw .malformed(file: name, line: error.line, column: error.column, reason: error.message)
    } catch let error as ReplayError {
      throw error
    } catch {
      throw .unreadable(file: name, reason: "\(error)")
    }
    guard !entries.isEmpty else { throw .empty(file: name) }
    if timeline {
      // Stable: notifications of the same second keep their file order.
      entries = entries.enumerated().sorted { ($0.element.sendTime, $0.offset) < ($1.element.sendTime, $1.offset) }.map(\.element)
    }
    return ReplayPayloads(name: name, text: text, entries: entries, resignKey: resignKey)
  }

  private init(name: String, text: Data, entries: [Entry], resignKey: String?) {
    self.name = name
    self.text = text
    self.entries = entries
    self.resignKey = resignKey
  }

  /// Notification `index` ready to post: its own bytes, or with `Sign` replaced when re-signing.
  func prepared(_ index: Int, number: Int) -> PreparedNotification {
    let entry = entries[index]
    return text.withUnsafeBytes { raw in
      let all = raw.bindMemory(to: UInt8.self)
      let object = UnsafeBufferPointer(rebasing: all[entry.start..<entry.end])
      // Checked when loaded; a second look at one object finds its few fields again.
      let summary = (try? PayloadScanner.summarize(object)) ?? PayloadScanner.Summary()
      let taskID = summary.taskID.map { Self.string(object, $0) } ?? ""
      var body = Data(object)
      if let key = resignKey, let sign = summary.sign {
        body = Data(object[..<sign.lowerBound])
        body.append(contentsOf: Signer.sign(taskID: taskID, key: key).utf8)
        body.append(contentsOf: object[sign.upperBound...])
      }
      return PreparedNotification(
        number: number, sendTime: entry.sendTime, firstSendTime: entries.first?.sendTime ?? 0, taskID: taskID,
        firstCallID: summary.firstCallID.map { Self.string(object, $0) } ?? "", detailCount: summary.details, body: body)
    }
  }

  /// A JSON string's contents (between its quotes) as text, escapes resolved.
  private static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
    let raw = UnsafeBufferPointer(rebasing: bytes[range])
    guard raw.contains(UInt8(ascii: "\\")) else { return String(decoding: raw, as: UTF8.self) }
    let quoted = Data([UInt8(ascii: "\"")] + Array(raw) + [UInt8(ascii: "\"")])
    return (try? JSONSerialization.jsonObject(with: quoted, options: .fragmentsAllowed)) as? String
      ?? String(decoding: raw, as: UTF8.self)
  }

  /// The system's words for a read error, not Foundation's wrapper.
  private static func reason(_ error: any Error) -> String {
    let nsError = error as NSError
    if let posix = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
      return String(cString: strerror(Int32(posix.code)))
    }
    if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
    return nsError.localizedDescription
  }
}
