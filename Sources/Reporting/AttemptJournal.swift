import Delivery
import Foundation
import HTTP1
import Support

/// `--journal FILE`: one JSON line per attempt, written as the run goes (buffered, flushed at
/// least every quarter second, by a timer when no attempt ends, and at the end), so a crash or
/// a kill loses at most a moment. Its own lock, so the ledger's counting never waits on the
/// disk. A failed write is kept in `failure` for the end of the run (the run goes on; the file
/// keeps whole lines only).
package final class AttemptJournal: @unchecked Sendable {
  private let lock = NSLock()
  private let file: OutputFile
  private var buffer: [UInt8] = []
  private var lastFlush = ContinuousClock.now
  private var closed = false
  private let timer: any DispatchSourceTimer
  private static let flushInterval = Duration.milliseconds(250)

  /// Creates or truncates `path`.
  package init(path: String) throws(OutputError) {
    file = try OutputFile(path: path, what: "the journal")
    buffer.reserveCapacity(1 << 16)
    // Made only once the file is open: libdispatch traps on releasing a never-resumed source.
    timer = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
    // Lines of the last attempts before a quiet spell (retries waiting a minute) reach the
    // file within a quarter second too, not with the next attempt.
    timer.schedule(deadline: .now() + .milliseconds(250), repeating: .milliseconds(250), leeway: .milliseconds(50))
    timer.setEventHandler { [weak self] in self?.flushIfDue() }
    timer.resume()
  }

  deinit { timer.cancel() }

  /// The first write error, if any: the journal is incomplete.
  package var failure: OutputError? { lock.withLock { file.failure } }

  func write(_ record: AttemptRecord) {
    var writer = JSONByteWriter(capacity: 256)
    writer.beginObject()
    writer.key("time"); writer.string(UTCTime.iso8601Milliseconds(record.wallTime))
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
    lock.withLock {
      guard !closed, file.failure == nil else { return }
      writer.withBytes { buffer.append(contentsOf: $0) }
      if buffer.count >= 1 << 16 || lastFlush.duration(to: .now) > Self.flushInterval { flushLocked() }
    }
  }

  func flush() {
    lock.withLock { flushLocked() }
  }

  private func flushIfDue() {
    lock.withLock {
      if !closed && lastFlush.duration(to: .now) >= Self.flushInterval { flushLocked() }
    }
  }

  private func flushLocked() {
    guard !buffer.isEmpty else { return }
    buffer.withUnsafeBytes { file.write($0) }
    buffer.removeAll(keepingCapacity: true)
    lastFlush = .now
  }

  /// Flushes and closes; later records are dropped (after a second signal, attempts still
  /// ending must not add a line that `_exit` could cut).
  package func close() {
    lock.withLock {
      guard !closed else { return }
      flushLocked()
      file.close()
      closed = true
    }
    timer.cancel()
  }
}
