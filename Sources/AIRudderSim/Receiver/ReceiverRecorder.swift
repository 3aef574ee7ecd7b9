import Foundation

/// `--record FILE`: each received notification as one JSON line, with its arrival time, the
/// attempt, the answer given (`null` for a dropped connection) and the sender's
/// `Content-Type` and `User-Agent`.
final class ReceiverRecorder: @unchecked Sendable {
  private let handle: FileHandle
  private let lock = NSLock()

  init(path: String) throws(InputError) {
    guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
      throw InputError.unreadable(file: path, reason: "cannot create the record file")
    }
    self.handle = handle
  }

  func record(arrived: Double, attempt: Int, status: Int?, request: HTTPRequest) {
    let body = request.body
    var writer = JSONByteWriter(capacity: body.count + 128)
    writer.beginObject()
    writer.key("time"); writer.string(AttemptJournal.timestamp(arrived))
    writer.key("attempt"); writer.int(attempt)
    writer.key("status")
    if let status { writer.int(status) } else { writer.null() }
    writer.key("content_type"); writer.string(request.header("content-type") ?? "")
    writer.key("user_agent"); writer.string(request.header("user-agent") ?? "")
    let isJSON = (try? JSONSerialization.jsonObject(with: Data(body))) != nil
    if isJSON {
      writer.key("notification")
      writer.append(contentsOf: body)
    } else {
      writer.key("body"); writer.string(String(decoding: body, as: UTF8.self))
    }
    writer.endObject()
    writer.append(UInt8(ascii: "\n"))
    let line = writer.withBytes { Data($0) }
    lock.withLock { try? handle.write(contentsOf: line) }
  }

  func close() {
    lock.withLock { try? handle.close() }
  }
}
