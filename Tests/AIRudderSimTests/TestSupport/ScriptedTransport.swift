import Foundation

@testable import Delivery
@testable import HTTP1
@testable import Scenario

/// A transport that answers by script: `respond(attemptOfThisBody, body)` gives the outcome
/// and how long the attempt takes on the test clock. It records every post.
final class ScriptedTransport<C: Clock>: NotificationTransport, @unchecked Sendable where C.Duration == Duration {
  struct Post {
    var body: Data
    var attempt: Int
    var started: C.Instant
    var outcome: AttemptOutcome
  }

  private let lock = NSLock()
  private var attemptsByBody: [Data: Int] = [:]
  private(set) var posts: [Post] = []
  private let clock: C
  private let advance: (@Sendable (Duration) -> Void)?
  private let respond: @Sendable (Int, Data) -> (AttemptOutcome, Duration)

  init(
    clock: C, advance: (@Sendable (Duration) -> Void)? = nil,
    respond: @escaping @Sendable (Int, Data) -> (AttemptOutcome, Duration)
  ) {
    self.clock = clock
    self.advance = advance
    self.respond = respond
  }

  var recorded: [Post] { lock.withLock { posts } }

  func post(_ body: Data, timeout: Duration) async -> AttemptOutcome {
    let attempt = lock.withLock {
      let attempt = attemptsByBody[body, default: 0] + 1
      attemptsByBody[body] = attempt
      return attempt
    }
    let started = clock.now
    var (outcome, takes) = respond(attempt, body)
    if takes >= timeout {
      takes = timeout
      outcome = .timeout
    }
    advance?(takes)
    lock.withLock { posts.append(Post(body: body, attempt: attempt, started: started, outcome: outcome)) }
    return outcome
  }
}
