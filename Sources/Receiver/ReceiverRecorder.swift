import Foundation
import HTTP1
import Support
import Synchronization

/// `--record FILE`: each received notification as one JSON line, with its arrival time, the
/// attempt, the answer given (`null` for a dropped connection) and the sender's
/// `Content-Type` and `User-Agent`. A line is written as it is answered (one write each, so
/// `tail -f` follows it); a failed write is kept in `failure` and ends the recording.
final class ReceiverRecorder: Sendable {
  private let file: Mutex<OutputFile>

  init(path: String) throws(OutputError) {
    file = Mutex(try OutputFile(path: path, what: "the record"))
  }

  /// The first write error, if any: the record is incomplete.
  var failure: OutputError? { file.withLock { $0.failure } }

  func record(arrived: Double, attempt: Int, status: Int?, request: HTTPRequest) {
    let body = request.body
    var writer = JSONByteWriter(capacity: body.count + 128)
    writer.beginObject()
    writer.member("time", UTCTime.iso8601Milliseconds(arrived))
    writer.member("attempt", attempt)
    writer.key("status")
    if let status { writer.int(status) } else { writer.null() }
    writer.member("content_type", request.header("content-type") ?? "")
    writer.member("user_agent", request.header("user-agent") ?? "")
    let isJSON = (try? JSONSerialization.jsonObject(with: Data(body))) != nil
    if isJSON {
      // Valid JSON holds no raw line break inside a string, so dropping every CR and LF keeps
      // the value and keeps the record one line per notification (an indented body would not).
      writer.key("notification")
      writer.append(contentsOf: body.filter { $0 != 10 && $0 != 13 })
    } else {
      writer.member("body", String(decoding: body, as: UTF8.self))
    }
    writer.endObject()
    writer.append(UInt8(ascii: "\n"))
    // An array, which may cross into the lock; the writer's own bytes may not.
    let line = writer.bytes
    file.withLock { file in line.withUnsafeBytes { file.write($0) } }
  }

  /// Closes the file; later records are dropped.
  func close() {
    file.withLock { $0.close() }
  }
}
