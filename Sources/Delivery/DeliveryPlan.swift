import Contract
import HTTP1
import Scenario
import Support

/// How `run` delivers, resolved from the scenario and the flags.
package struct DeliveryPlan: Sendable {
  package var mode: LoadSettings.Mode
  /// Attempts in flight at most.
  package var concurrency: Int
  /// Notifications started per second in `rate` mode, by this process (this shard's share).
  package var rate: Double?
  /// Stop after this many notifications (nil: the scenario's end).
  package var count: Int?
  /// Stop the run after this long: nothing new starts, waiting retries are cancelled.
  package var duration: Duration?
  package var policy: RetryPolicy
  /// KEY of the Sign.
  package var key: String
  /// A first attempt that starts this much after its intended time counts as late.
  package var lateThreshold: Duration = .milliseconds(5)
  /// The socket transport closes a connection idle this long (0: one request per connection).
  package var keepAliveIdle = KeepAlivePolicy.defaultIdle
  /// The share of the run's notifications this process sends (`--shard i/n`); `count` above
  /// is the whole run's, not the shard's.
  package var shard = Shard.whole
  /// The uploaded contact list the generated notifications call (checked before the run).
  package var contacts: ContactList?
  /// Payloads to send as read (`run --payloads`) instead of generating notifications.
  package var replay: ReplayPayloads?

  package init(
    mode: LoadSettings.Mode = .concurrency, concurrency: Int = 16, rate: Double? = nil, count: Int? = nil,
    duration: Duration? = nil, policy: RetryPolicy = RetryPolicy(), key: String = Signer.defaultKey
  ) {
    self.mode = mode
    self.concurrency = concurrency
    self.rate = rate
    self.count = count
    self.duration = duration
    self.policy = policy
    self.key = key
  }

  /// The scenario's own settings.
  package init(scenario: Scenario) {
    self.init(
      mode: scenario.load.mode, concurrency: scenario.load.concurrency, rate: scenario.load.rate,
      count: scenario.load.count, duration: scenario.load.duration?.duration,
      policy: RetryPolicy(scenario.retry, timeScale: scenario.timeScale), key: scenario.target.key)
    if let idle = scenario.target.keepAliveIdle { keepAliveIdle = idle.duration }
  }
}
