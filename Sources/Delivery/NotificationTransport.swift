import Foundation
import HTTP1

/// The only network code: posts one signed body and says how it ended. `URLSessionTransport`
/// is the real one; tests script outcomes without a network.
package protocol NotificationTransport: Sendable {
  /// Posts `body` with AIRudder's headers and returns within about `timeout`.
  func post(_ body: Data, timeout: Duration) async -> AttemptOutcome

  /// Where the posting tasks had best run: the transport's own I/O threads, so that a request
  /// and its answer stay on one thread (tasks are spread over them). Empty: the global executor.
  var taskExecutors: [any TaskExecutor] { get }
}

extension NotificationTransport {
  package var taskExecutors: [any TaskExecutor] { [] }

  /// The executor for the `index`th task, spreading tasks evenly; nil for the global one.
  func taskExecutor(for index: Int) -> (any TaskExecutor)? {
    let executors = taskExecutors
    return executors.isEmpty ? nil : executors[index % executors.count]
  }
}
