import Receiver

// Memberwise initializers for the command line, which builds reports (Swift synthesises only
// internal ones).

extension RunReport {
  package init(
    startedAt: WallTime, endedAt: WallTime, scenario: String, target: String, transport: String, mode: String, concurrency: Int,
    policy: Policy,
    notifications: Notifications, attempts: Attempts, latencyMs: Latency, latencyHistogram: LatencyHistogram,
    timeSeries: TimeSeries, rate: Rate, elapsedS: Double, interrupted: Bool,
    thresholds: Thresholds, exitCode: Int32, receiver: ReceiverCounts? = nil, reconciliationErrors: [String] = [],
    scenarioMD5: String = "", sourceMD5: String? = nil, seed: UInt64 = 0, notificationLimit: Int? = nil,
    shard: ShardOrigin? = ShardOrigin(index: 0, count: 1), tls: TLS? = nil
  ) {
    self.startedAt = startedAt
    self.endedAt = endedAt
    self.scenario = scenario
    self.scenarioMD5 = scenarioMD5
    self.sourceMD5 = sourceMD5
    self.seed = seed
    self.notificationLimit = notificationLimit
    self.shard = shard
    self.target = target
    self.transport = transport
    self.mode = mode
    self.concurrency = concurrency
    self.policy = policy
    self.notifications = notifications
    self.attempts = attempts
    self.latencyMs = latencyMs
    self.latencyHistogram = latencyHistogram
    self.timeSeries = timeSeries
    self.rate = rate
    self.elapsedS = elapsedS
    self.interrupted = interrupted
    self.thresholds = thresholds
    self.exitCode = exitCode
    self.receiver = receiver
    self.reconciliationErrors = reconciliationErrors
    self.tls = tls
  }
}
