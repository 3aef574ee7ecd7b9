import Foundation

/// `--journal FILE`: one JSON line per attempt, written as the run goes (buffered, flushed at
/// least every quarter second and at the end), so a crash or a kill loses at most a moment.
public final class AttemptJournal: @unchecked Sendable {
  private let handle: FileHandle
  private var buffer = Data()
  private var lastFlush = ContinuousClock.now

  /// Creates or truncates `path`.
  public init(path: String) throws(InputError) {
    guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
      throw InputError.unreadable(file: path, reason: "cannot create the journal file")
    }
    self.handle = handle
  }

  func write(_ record: AttemptRecord) {
    var writer = JSONByteWriter(capacity: 256)
    writer.beginObject()
    writer.key("time"); writer.string(Self.timestamp(record.wallTime))
    writer.key("elapsed_s"); writer.decimal(record.elapsed, places: 6)
    writer.key("notification"); writer.int(record.notification)
    writer.key("task_id"); writer.string(record.taskID)
    writer.key("call_id"); writer.string(record.firstCallID)
    writer.key("attempt"); writer.int(record.attempt)
    writer.key("class"); writer.string(record.outcome.attemptClass.rawValue)
    if case .response(let status) = record.outcome {
      writer.key("status"); writer.int(status)
    } else {
      writer.key("error"); writer.string(record.outcome.label)
    }
    writer.key("latency_ms"); writer.decimal(record.latency.milliseconds, places: 3)
    writer.endObject()
    writer.append(UInt8(ascii: "\n"))
    writer.withBytes { buffer.append(contentsOf: $0) }
    if buffer.count >= 1 << 16 || lastFlush.duration(to: .now) > .milliseconds(250) { flush() }
  }

  func flush() {
    guard !buffer.isEmpty else { return }
    try? handle.write(contentsOf: buffer)
    buffer.removeAll(keepingCapacity: true)
    lastFlush = .now
  }

  func close() {
    flush()
    try? handle.close()
  }

  static func timestamp(_ seconds: Double) -> String {
    let whole = Int64(seconds.rounded(.down))
    let millis = Int((seconds - Double(whole)) * 1000)
    let base = UTCTime.iso8601(whole)
    return String(base.dropLast()) + "." + String(millis + 1000).dropFirst() + "Z"
  }
}

extension Duration {
  /// The duration in (fractional) milliseconds.
  public var milliseconds: Double {
    let (seconds, attoseconds) = components
    return Double(seconds) * 1000 + Double(attoseconds) / 1e15
  }

  /// The duration in (fractional) seconds.
  public var seconds: Double {
    let (seconds, attoseconds) = components
    return Double(seconds) + Double(attoseconds) / 1e18
  }
}
