import Foundation
import Receiver

/// `--report FILE`: the run's outcome as versioned JSON (documented in the README). Never
/// contains the KEY.
package struct RunReport: Codable, Sendable, Equatable {
  package static let currentVersion = 2

  package struct Notifications: Codable, Sendable, Equatable {
    package var generated, delivered, dropped: Int
    /// Refused at least once; the run ended before the retries were used up.
    package var abandoned: Int
    /// The run ended before the first attempt ended.
    package var cancelled: Int
    /// Index 0 is attempt 1.
    package var deliveredOnAttempt: [Int]
    /// `generated == delivered + dropped + abandoned + cancelled`.
    package var balanced: Bool

    enum CodingKeys: String, CodingKey {
      case generated, delivered, dropped, abandoned, cancelled, balanced
      case deliveredOnAttempt = "delivered_on_attempt"
    }

    package init(
      generated: Int, delivered: Int, dropped: Int, abandoned: Int, cancelled: Int, deliveredOnAttempt: [Int], balanced: Bool
    ) {
      self.generated = generated
      self.delivered = delivered
      self.dropped = dropped
      self.abandoned = abandoned
      self.cancelled = cancelled
      self.deliveredOnAttempt = deliveredOnAttempt
      self.balanced = balanced
    }
  }

  package struct Attempts: Codable, Sendable, Equatable {
    package var total: Int
    /// `2xx`, `4xx`, `5xx`, `timeout`, `connection_error`, `other`.
    package var byClass: [String: Int]
    package var topErrors: [ErrorCount]

    enum CodingKeys: String, CodingKey {
      case total
      case byClass = "by_class"
      case topErrors = "top_errors"
    }

    package init(total: Int, byClass: [String: Int], topErrors: [ErrorCount]) {
      self.total = total
      self.byClass = byClass
      self.topErrors = topErrors
    }
  }

  package struct ErrorCount: Codable, Sendable, Equatable {
    package var error: String
    package var count: Int

    package init(error: String, count: Int) {
      self.error = error
      self.count = count
    }
  }

  package struct Latency: Codable, Sendable, Equatable {
    package var p50, p90, p99, p999, max: Double

    package init(p50: Double, p90: Double, p99: Double, p999: Double, max: Double) {
      self.p50 = p50
      self.p90 = p90
      self.p99 = p99
      self.p999 = p999
      self.max = max
    }
  }

  package struct Rate: Codable, Sendable, Equatable {
    /// Notifications per second asked for (rate mode), else nil.
    package var target: Double?
    /// Notifications started per second.
    package var achieved: Double
    /// First attempts that started more than 5 ms after their intended time.
    package var lateStarts: Int

    enum CodingKeys: String, CodingKey {
      case target, achieved
      case lateStarts = "late_starts"
    }

    package init(target: Double? = nil, achieved: Double, lateStarts: Int) {
      self.target = target
      self.achieved = achieved
      self.lateStarts = lateStarts
    }
  }

  package struct Policy: Codable, Sendable, Equatable {
    package var timeoutS: Double
    package var retryIntervalS: Double
    package var timeScale: Double
    package var maxRetries: Int

    enum CodingKeys: String, CodingKey {
      case timeoutS = "timeout_s"
      case retryIntervalS = "retry_interval_s"
      case timeScale = "time_scale"
      case maxRetries = "max_retries"
    }

    package init(timeoutS: Double, retryIntervalS: Double, timeScale: Double, maxRetries: Int) {
      self.timeoutS = timeoutS
      self.retryIntervalS = retryIntervalS
      self.timeScale = timeScale
      self.maxRetries = maxRetries
    }
  }

  package struct Thresholds: Codable, Sendable, Equatable {
    package var maxDropped: Int?
    package var maxAbandoned: Int?
    package var maxP99Ms: Double?
    package var minSuccessRate: Double?
    /// Each threshold missed, in words.
    package var missed: [String]

    enum CodingKeys: String, CodingKey {
      case missed
      case maxDropped = "max_dropped"
      case maxAbandoned = "max_abandoned"
      case maxP99Ms = "max_p99_ms"
      case minSuccessRate = "min_success_rate"
    }

    package init(
      maxDropped: Int? = nil, maxAbandoned: Int? = nil, maxP99Ms: Double? = nil, minSuccessRate: Double? = nil, missed: [String]
    ) {
      self.maxDropped = maxDropped
      self.maxAbandoned = maxAbandoned
      self.maxP99Ms = maxP99Ms
      self.minSuccessRate = minSuccessRate
      self.missed = missed
    }
  }

  /// Which share of which run (`run --shard i/n`): merge joins only shards of one run.
  package struct ShardOrigin: Codable, Sendable, Equatable {
    package var index: Int
    package var count: Int

    package init(index: Int, count: Int) {
      self.index = index
      self.count = count
    }
  }

  package var version = RunReport.currentVersion
  /// Wall-clock start and end of the run (UTC).
  package var startedAt: WallTime
  package var endedAt: WallTime
  package var scenario: String
  /// md5 of the scenario file's bytes: shards of one run read the same file.
  package var scenarioMD5: String = ""
  /// md5 of the contact list or payload file read (`--contacts`, `contacts:`, `--payloads`);
  /// absent when the run read neither.
  package var sourceMD5: String?
  /// The simulation's seed.
  package var seed: UInt64 = 0
  /// `--count` (the whole run's, not the shard's); nil: the scenario's end.
  package var notificationLimit: Int?
  /// This report's shard (0/1 for a run in one process); nil in a merged report.
  package var shard: ShardOrigin? = ShardOrigin(index: 0, count: 1)
  /// In a merged report only: the shards it joins (the key is absent elsewhere).
  package var merged: MergedShards?
  package var target: String
  /// `sockets` or `urlsession`.
  package var transport: String
  package var mode: String
  package var concurrency: Int
  package var policy: Policy
  package var notifications: Notifications
  package var attempts: Attempts
  /// Milliseconds, from each attempt's intended start to its end.
  package var latencyMs: Latency
  /// Every attempt's latency, bucket by bucket (what `latencyMs` is read from).
  package var latencyHistogram: LatencyHistogram
  /// The run over time.
  package var timeSeries: TimeSeries
  package var rate: Rate
  package var elapsedS: Double
  package var interrupted: Bool
  package var thresholds: Thresholds
  package var exitCode: Int32
  /// The built-in receiver's counts, when `run` used it.
  package var receiver: ReceiverCounts?
  /// Differences between what the sender delivered and what the built-in receiver accepted.
  package var reconciliationErrors: [String] = []
  /// https: how the receiver's certificate was checked; absent for http.
  package var tls: TLS?

  enum CodingKeys: String, CodingKey {
    case version, scenario, target, transport, mode, concurrency, policy, notifications, attempts, rate, interrupted, thresholds,
      receiver, seed, shard, merged, tls
    case scenarioMD5 = "scenario_md5"
    case sourceMD5 = "source_md5"
    case notificationLimit = "notification_limit"
    case latencyMs = "latency_ms"
    case startedAt = "started_at"
    case endedAt = "ended_at"
    case latencyHistogram = "latency_histogram"
    case timeSeries = "time_series"
    case elapsedS = "elapsed_s"
    case exitCode = "exit_code"
    case reconciliationErrors = "reconciliation_errors"
  }

  /// Pretty, sorted JSON.
  package func jsonData() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    return try encoder.encode(self)
  }
}

extension RunReport.Notifications {
  package init(_ counts: RunCounts) {
    self.init(
      generated: counts.generated, delivered: counts.delivered, dropped: counts.dropped, abandoned: counts.abandoned,
      cancelled: counts.cancelled,
      deliveredOnAttempt: counts.deliveredOnAttempt, balanced: counts.isBalanced)
  }
}

extension RunReport.Latency {
  package init(_ histogram: LatencyHistogram) {
    func ms(_ percentile: Double) -> Double { Double(histogram.value(atPercentile: percentile)) / 1000 }
    self.init(p50: ms(50), p90: ms(90), p99: ms(99), p999: ms(99.9), max: Double(histogram.maxMicroseconds) / 1000)
  }
}
