import Delivery
import Foundation
import HTTP1
import Support
import Synchronization

/// `--journal FILE`: one JSON line per attempt, written as the run goes (buffered, flushed at
/// least every quarter second, by a timer when no attempt ends, and at the end), so a crash or
/// a kill loses at most a moment. Its own lock, so the ledger's counting never waits on the
/// disk. A failed write is kept in `failure` for the end of the run (the run goes on; the file
/// keeps whole lines only).
package final class AttemptJournal: Sendable {
  private let output: Mutex<Output>
  private static let flushInterval = Duration.milliseconds(250)

  /// The file and its buffer, under the journal's lock (not the ledger's).
  private struct Output {
    let file: OutputFile
    var buffer: [UInt8] = []
    var lastFlush = ContinuousClock.now
    var closed = false
    /// Flushes the buffer in a quiet spell; kept here because a dispatch source is not Sendable.
    var timer: (any DispatchSourceTimer)?

    mutating func flush() {
      guard !buffer.isEmpty else { return }
      buffer.withUnsafeBytes { file.write($0) }
      buffer.removeAll(keepingCapacity: true)
      lastFlush = .now
    }
  }

  /// Creates or truncates `path`.
  package init(path: String) throws(OutputError) {
    var output = Output(file: try OutputFile(path: path, what: "the journal"))
    output.buffer.reserveCapacity(1 << 16)
    self.output = Mutex(output)
    // Made only once the file is open: libdispatch traps on releasing a never-resumed source.
    // Made in the lock's closure, since a value the closure captured could not be stored.
    self.output.withLock { output in
      let timer = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
      // Lines of the last attempts before a quiet spell (retries waiting a minute) reach the
      // file within a quarter second too, not with the next attempt.
      timer.schedule(deadline: .now() + .milliseconds(250), repeating: .milliseconds(250), leeway: .milliseconds(50))
      timer.setEventHandler { [weak self] in self?.flushIfDue() }
      timer.resume()
      output.timer = timer
    }
  }

  deinit {
    output.withLock { $0.timer?.cancel() }
  }

  /// The first write error, if any: the journal is incomplete.
  package var failure: OutputError? { output.withLock { $0.file.failure } }

  func write(_ record: AttemptRecord) {
    var writer = JSONByteWriter(capacity: 256)
    writer.beginObject()
    writer.member("time", UTCTime.iso8601Milliseconds(record.wallTime))
    writer.member("elapsed_s", record.elapsed, places: 6)
    writer.member("notification", record.notification)
    writer.member("task_id", record.taskID)
    writer.member("call_id", record.firstCallID)
    writer.member("attempt", record.attempt)
    writer.member("class", record.outcome.attemptClass.rawValue)
    if case .response(let status) = record.outcome {
      writer.member("status", status)
    } else {
      writer.member("error", record.outcome.label)
    }
    writer.member("latency_ms", record.latency.milliseconds, places: 3)
    writer.endObject()
    writer.append(UInt8(ascii: "\n"))
    writer.withBytes { line in
      output.withLock { output in
        guard !output.closed, output.file.failure == nil else { return }
        output.buffer.append(contentsOf: line)
        if output.buffer.count >= 1 << 16 || output.lastFlush.duration(to: .now) > Self.flushInterval { output.flush() }
      }
    }
  }

  func flush() {
    output.withLock { $0.flush() }
  }

  private func flushIfDue() {
    output.withLock { output in
      if !output.closed && output.lastFlush.duration(to: .now) >= Self.flushInterval { output.flush() }
    }
  }

  /// Flushes and closes; later records are dropped (after a second signal, attempts still
  /// ending must not add a line that `_exit` could cut).
  package func close() {
    output.withLock { output in
      guard !output.closed else { return }
      output.flush()
      output.file.close()
      output.closed = true
      output.timer?.cancel()
    }
  }
}
