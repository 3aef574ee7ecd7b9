import Foundation
import HTTP1
import Support
import Synchronization

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Posts with URLSession (libcurl on Linux). The timeout is a deadline on the whole request,
/// enforced here: URLSession's own `timeoutIntervalForRequest` is an idle timeout, so a receiver
/// that trickles bytes would never time out. Response bodies are read to the end (so the
/// connection can be reused) but only counted: nothing of them is kept, whatever their size.
package final class URLSessionTransport: NotificationTransport, Sendable {
  private let url: URL
  /// Method and headers set once; each post only swaps the body.
  private let template: URLRequest
  private let session: URLSession
  private let tracker: TaskTracker
  /// Held here: `OperationQueue.underlyingQueue` is `unowned(unsafe)` in corelibs Foundation.
  private let delegateQueue: DispatchQueue

  /// `connections` sizes libcurl's pool (`httpMaximumConnectionsPerHost`) to the concurrency,
  /// so that no request waits in libcurl's queue and loses part of its timeout there.
  package init(url: URL, connections: Int) {
    self.url = url
    var request = URLRequest(url: url)
    request.httpMethod = "POST"
    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    request.setValue("Airudder", forHTTPHeaderField: "User-Agent")
    template = request
    let configuration = URLSessionConfiguration.ephemeral
    configuration.httpMaximumConnectionsPerHost = max(1, connections)
    configuration.timeoutIntervalForRequest = 24 * 3600  // the deadline below is what counts
    configuration.timeoutIntervalForResource = 24 * 3600
    configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
    configuration.urlCache = nil
    configuration.httpCookieStorage = nil
    configuration.httpShouldSetCookies = false
    tracker = TaskTracker()
    // Delegate callbacks run on a dispatch queue: a plain OperationQueue wraps each callback
    // in an Operation and cost about a fifth of the throughput.
    let queue = OperationQueue()
    queue.maxConcurrentOperationCount = 1
    delegateQueue = DispatchQueue(label: "airudder-sim.transport")
    queue.underlyingQueue = delegateQueue
    session = URLSession(configuration: configuration, delegate: tracker, delegateQueue: queue)
  }

  deinit {
    session.invalidateAndCancel()
  }

  package func post(_ body: Data, timeout: Duration) async -> AttemptOutcome {
    var request = template
    request.httpBody = body
    let task = session.dataTask(with: request)
    let id = task.taskIdentifier
    let deadline = DispatchTime.now().uptimeNanoseconds &+ timeout.wholeNanoseconds
    return await withCheckedContinuation { continuation in
      tracker.register(id, task: task, deadline: deadline, continuation)
      task.resume()
    }
  }

  /// Maps a URLSession error to an outcome, naming certificate problems as such.
  static func outcome(for error: any Error) -> AttemptOutcome {
    guard let urlError = error as? URLError else { return .other(error.localizedDescription) }
    switch urlError.code {
    case .timedOut: return .timeout
    case .cannotConnectToHost: return .connectionError("connection refused")
    case .networkConnectionLost: return .connectionError("connection closed without a response")
    case .cannotFindHost, .dnsLookupFailed: return .connectionError("host not found")
    case .notConnectedToInternet: return .connectionError("network unreachable")
    case .serverCertificateUntrusted, .serverCertificateHasBadDate, .serverCertificateHasUnknownRoot,
      .serverCertificateNotYetValid, .clientCertificateRejected, .clientCertificateRequired:
      return .connectionError("TLS certificate error: \(urlError.localizedDescription)")
    case .secureConnectionFailed: return .connectionError("TLS error: \(urlError.localizedDescription)")
    case .badServerResponse, .cannotParseResponse: return .other("malformed response")
    case .zeroByteResource: return .other("empty response")
    default:
      // FoundationNetworking on Linux reports most libcurl TLS failures as "unknown", with
      // libcurl's text ("SSL certificate problem: self-signed certificate").
      let text = urlError.localizedDescription
      if text.localizedCaseInsensitiveContains("certificate") { return .connectionError("TLS certificate error: \(text)") }
      if text.contains("SSL") || text.contains("TLS") { return .connectionError("TLS error: \(text)") }
      return .connectionError(text)
    }
  }
}

/// Tracks the tasks in flight: resumes each waiting `post` exactly once, with whichever comes
/// first of its completion and its deadline. One sweeper checks every
/// deadline every 10 ms, instead of a timer per request (each of which woke a thread).
final class TaskTracker: NSObject, URLSessionDataDelegate, Sendable {
  private struct Pending {
    var task: URLSessionTask
    var deadline: UInt64
    var continuation: CheckedContinuation<AttemptOutcome, Never>
  }

  /// The requests in flight by task identifier, and the sweeper that times them out.
  private struct Tracking {
    var pending: [Int: Pending] = [:]
    /// Kept under the lock because a dispatch source is not Sendable.
    var sweeper: (any DispatchSourceTimer)?
  }

  private let tracking = Mutex(Tracking())

  override init() {
    super.init()
    tracking.withLock { tracking in
      let sweeper = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "airudder-sim.deadlines"))
      sweeper.schedule(deadline: .now() + .milliseconds(10), repeating: .milliseconds(10), leeway: .milliseconds(2))
      sweeper.setEventHandler { [weak self] in self?.expire() }
      sweeper.resume()
      tracking.sweeper = sweeper
    }
  }

  deinit {
    tracking.withLock { $0.sweeper?.cancel() }
  }

  func register(_ id: Int, task: URLSessionTask, deadline: UInt64, _ continuation: CheckedContinuation<AttemptOutcome, Never>) {
    tracking.withLock { $0.pending[id] = Pending(task: task, deadline: deadline, continuation: continuation) }
  }

  /// Resumes the task's caller with `outcome` unless it was resumed already; true if it was not.
  @discardableResult
  func finish(_ id: Int, with outcome: AttemptOutcome) -> Bool {
    let entry = tracking.withLock { $0.pending.removeValue(forKey: id) }
    entry?.continuation.resume(returning: outcome)
    return entry != nil
  }

  /// Ends every request past its deadline as a timeout and cancels it.
  private func expire() {
    let now = DispatchTime.now().uptimeNanoseconds
    let expired: [Pending] = tracking.withLock { tracking in
      let late = tracking.pending.filter { $0.value.deadline <= now }
      for id in late.keys { tracking.pending.removeValue(forKey: id) }
      return Array(late.values)
    }
    for entry in expired {
      entry.continuation.resume(returning: .timeout)
      entry.task.cancel()
    }
  }

  /// Read but bounded: as a data delegate we are handed each chunk of the body instead of
  /// URLSession gathering it, and we keep none, so a huge answer costs no memory.
  func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {}

  func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
    let outcome: AttemptOutcome
    if let error {
      outcome = URLSessionTransport.outcome(for: error)
    } else if let response = task.response as? HTTPURLResponse {
      outcome = .response(status: response.statusCode)
    } else {
      outcome = .other("no HTTP response")
    }
    finish(task.taskIdentifier, with: outcome)
  }
}
