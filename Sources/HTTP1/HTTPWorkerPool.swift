import Foundation
import Support
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// The threads that answer complete requests, off the server's loop thread: a handler may
/// block for seconds (an injected delay), so each request in progress has a thread of its own.
/// Threads are kept for the next request and end after a while without work; the pool grows
/// to the number of requests in progress at once, which the connection limit bounds.
final class HTTPWorkerPool: Sendable {
  /// One complete request and the connection to answer it on. The loop neither reads, writes
  /// nor closes the descriptor until the worker posts its outcome.
  struct Job: Sendable {
    let fd: Int32
    let token: UInt64
    let request: HTTPRequest
    /// Bytes of a next request are already buffered: the loop must look at them, so the
    /// worker cannot re-arm the socket itself.
    let moreBuffered: Bool
    /// https: the worker only makes the answer; the loop, which owns the TLS session, sends it.
    var tls = false
  }

  private struct State {
    var jobs: [Job] = []
    var first = 0
    /// Threads waiting for a job that no submitted job has claimed yet.
    var idle = 0
    var threads = 0
    var stopping = false
  }

  private let handler: HTTPServer.Handler
  private let mailbox: HTTPServerMailbox
  private let state = Mutex(State())
  /// One signal per job submitted (and one per thread at shutdown).
  private let ready = DispatchSemaphore(value: 0)
  private static let idleExit: DispatchTimeInterval = .seconds(10)
  /// Milliseconds a worker waits on a kept-alive connection for its client's next request
  /// before handing it back to the loop.
  private static let followUpWait: Int32 = 2
  private let limits: HTTPLimits

  init(handler: @escaping HTTPServer.Handler, mailbox: HTTPServerMailbox, limits: HTTPLimits) {
    self.handler = handler
    self.mailbox = mailbox
    self.limits = limits
  }

  func submit(_ job: Job) {
    let startThread = state.withLock { state -> Bool in
      state.jobs.append(job)
      if state.idle > 0 {
        state.idle -= 1
        return false
      }
      state.threads += 1
      return true
    }
    if startThread {
      let thread = Thread { [self] in work() }
      thread.name = "receiver-worker"
      thread.stackSize = 512 * 1024
      thread.start()
    }
    ready.signal()
  }

  /// Lets every thread end once its current request is answered.
  func shutdown() {
    let threads = state.withLock { state in
      state.stopping = true
      return state.threads
    }
    for _ in 0..<threads { ready.signal() }
  }

  private func work() {
    var buffer = [UInt8](repeating: 0, count: 16 * 1024)
    while true {
      if ready.wait(timeout: .now() + Self.idleExit) == .timedOut {
        // Leave only if a waiting thread is left over for every job submitted: `idle` counts
        // those not yet claimed.
        let leave = state.withLock { state in
          guard state.idle > 0 else { return false }
          state.idle -= 1
          state.threads -= 1
          return true
        }
        if leave { return }
        continue
      }
      let job = state.withLock { state -> Job? in
        guard state.first < state.jobs.count else {
          if state.stopping { state.threads -= 1 }
          return nil
        }
        let job = state.jobs[state.first]
        state.first += 1
        if state.first == state.jobs.count {
          state.jobs.removeAll(keepingCapacity: true)
          state.first = 0
        } else if state.first >= 1024 && state.first * 2 >= state.jobs.count {
          state.jobs.removeFirst(state.first)
          state.first = 0
        }
        return job
      }
      guard let job else { return }  // a shutdown signal
      serve(job, buffer: &buffer)
      let stop = state.withLock { state in
        if state.stopping {
          state.threads -= 1
          return true
        }
        state.idle += 1
        return false
      }
      if stop { return }
    }
  }

  /// Answers the job's request and, while its client sends the next one at once (within
  /// `followUpWait`, as a busy keep-alive client does), the following ones too, without a
  /// round trip through the loop. Anything else (no request in time, half a request, a
  /// refusal, a close) goes back to the loop, which owns deadlines and incomplete requests.
  private func serve(_ job: Job, buffer: inout [UInt8]) {
    var request = job.request
    var moreBuffered = job.moreBuffered
    while true {
      let outcome = answer(request, on: job.fd, moreBuffered: moreBuffered, tls: job.tls)
      guard case .answered(keepAlive: true) = outcome, !moreBuffered, !job.tls else {
        finish(job, outcome)
        return
      }
      var poller = pollfd(fd: job.fd, events: Int16(POLLIN), revents: 0)
      guard poll(&poller, 1, Self.followUpWait) > 0 else {
        // Quiet: armed for its next request, which the loop reads.
        if !mailbox.rearm(.init(token: job.token, outcome: .rearmed), fd: job.fd) { finish(job, .close) }
        return
      }
      let received = buffer.withUnsafeMutableBytes { recv(job.fd, $0.baseAddress, $0.count, 0) }
      guard received > 0 else {
        finish(job, received < 0 && (errno == EAGAIN || errno == EINTR) ? .answered(keepAlive: true) : .close)
        return
      }
      let bytes = Array(buffer[0..<received])
      var parser = HTTPRequestParser(limits: limits)
      parser.append(bytes)
      guard case .request(let box) = parser.next() else {
        finish(job, .answeredThenReceived(bytes))
        return
      }
      request = box.request
      moreBuffered = parser.bufferedCount > 0
      if moreBuffered {
        // Pipelined requests: the loop parses the rest (from all the bytes, this one first).
        finish(job, .answeredThenReceived(bytes))
        return
      }
    }
  }

  /// Runs the handler and sends its answer on the non-blocking socket as far as it goes.
  private func answer(_ request: HTTPRequest, on fd: Int32, moreBuffered: Bool, tls: Bool) -> HTTPServerMailbox.Outcome {
    switch handler(request) {
    case .drop:
      // Reset rather than close cleanly, as a crashed receiver would.
      var lingerOff = linger(l_onoff: 1, l_linger: 0)
      setsockopt(fd, SOL_SOCKET, SO_LINGER, &lingerOff, socklen_t(MemoryLayout<linger>.size))
      return .close
    case .respond(let status, let body, let contentType):
      let keepAlive = request.keepAlive && !mailbox.stopping.load(ordering: .acquiring)
      let bytes = HTTPStatusText.response(status: status, body: body, contentType: contentType, keepAlive: keepAlive)
      if tls { return .partlyAnswered(rest: bytes, keepAlive: keepAlive) }
      switch HTTPServerConnection.send(fd, bytes[...]) {
      case .all: return .answered(keepAlive: keepAlive)
      case .part(let sent): return .partlyAnswered(rest: Array(bytes[sent...]), keepAlive: keepAlive)
      case .failed: return .close
      }
    }
  }

  private func finish(_ job: Job, _ outcome: HTTPServerMailbox.Outcome) {
    if !mailbox.post(.init(token: job.token, outcome: outcome)) {
      // The loop has ended (a stop that outwaited this answer): the descriptor is ours.
      close(job.fd)
      mailbox.openConnections.subtract(1, ordering: .relaxed)
    }
  }
}
