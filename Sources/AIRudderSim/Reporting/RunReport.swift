import Foundation

/// `--report FILE`: the run's outcome as versioned JSON (documented in the README). Never
/// contains the KEY.
public struct RunReport: Codable, Sendable, Equatable {
  public static let currentVersion = 1

  public struct Notifications: Codable, Sendable, Equatable {
    public var generated, delivered, dropped: Int
    /// Refused at least once; the run ended before the retries were used up.
    public var abandoned: Int
    /// The run ended before the first attempt ended.
    public var cancelled: Int
    /// Index 0 is attempt 1.
    public var deliveredOnAttempt: [Int]
    /// `generated == delivered + dropped + abandoned + cancelled`.
    public var balanced: Bool

    enum CodingKeys: String, CodingKey {
      case generated, delivered, dropped, abandoned, cancelled, balanced
      case deliveredOnAttempt = "delivered_on_attempt"
    }
  }

  public struct Attempts: Codable, Sendable, Equatable {
    public var total: Int
    /// `2xx`, `4xx`, `5xx`, `timeout`, `connection_error`, `other`.
    public var byClass: [String: Int]
    public var topErrors: [ErrorCount]

    enum CodingKeys: String, CodingKey {
      case total
      case byClass = "by_class"
      case topErrors = "top_errors"
    }
  }

  public struct ErrorCount: Codable, Sendable, Equatable {
    public var error: String
    public var count: Int

    public init(error: String, count: Int) {
      self.error = error
      self.count = count
    }
  }

  public struct Latency: Codable, Sendable, Equatable {
    public var p50, p90, p99, p999, max: Double
  }

  public struct Rate: Codable, Sendable, Equatable {
    /// Notifications per second asked for (rate mode), else nil.
    public var target: Double?
    /// Notifications started per second.
    public var achieved: Double
    /// First attempts that started more than 5 ms after their intended time.
    public var lateStarts: Int

    enum CodingKeys: String, CodingKey {
      case target, achieved
      case lateStarts = "late_starts"
    }
  }

  public struct Policy: Codable, Sendable, Equatable {
    public var timeoutS: Double
    public var retryIntervalS: Double
    public var timeScale: Double
    public var maxRetries: Int

    enum CodingKeys: String, CodingKey {
      case timeoutS = "timeout_s"
      case retryIntervalS = "retry_interval_s"
      case timeScale = "time_scale"
      case maxRetries = "max_retries"
    }
  }

  public struct Thresholds: Codable, Sendable, Equatable {
    public var maxDropped: Int?
    public var maxAbandoned: Int?
    public var maxP99Ms: Double?
    public var minSuccessRate: Double?
    /// Each threshold missed, in words.
    public var missed: [String]

    enum CodingKeys: String, CodingKey {
      case missed
      case maxDropped = "max_dropped"
      case maxAbandoned = "max_abandoned"
      case maxP99Ms = "max_p99_ms"
      case minSuccessRate = "min_success_rate"
    }
  }

  public var version = RunReport.currentVersion
  public var scenario: String
  public var target: String
  /// `sockets` or `urlsession`.
  public var transport: String
  public var mode: String
  public var concurrency: Int
  public var policy: Policy
  public var notifications: Notifications
  public var attempts: Attempts
  /// Milliseconds, from each attempt's intended start to its end.
  public var latencyMs: Latency
  public var rate: Rate
  public var elapsedS: Double
  public var interrupted: Bool
  public var thresholds: Thresholds
  public var exitCode: Int32
  /// The built-in receiver's counts, when `run` used it.
  public var receiver: ReceiverCounts?
  /// Differences between what the sender delivered and what the built-in receiver accepted.
  public var reconciliationErrors: [String] = []

  enum CodingKeys: String, CodingKey {
    case version, scenario, target, transport, mode, concurrency, policy, notifications, attempts, rate, interrupted, thresholds, receiver
    case latencyMs = "latency_ms"
    case elapsedS = "elapsed_s"
    case exitCode = "exit_code"
    case reconciliationErrors = "reconciliation_errors"
  }

  /// Pretty, sorted JSON.
  public func jsonData() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    return try encoder.encode(self)
  }
}

extension RunReport.Notifications {
  init(_ counts: RunCounts) {
    self.init(
      generated: counts.generated, delivered: counts.delivered, dropped: counts.dropped, abandoned: counts.abandoned,
      cancelled: counts.cancelled,
      deliveredOnAttempt: counts.deliveredOnAttempt, balanced: counts.isBalanced)
  }
}

extension RunReport.Latency {
  init(_ histogram: LatencyHistogram) {
    func ms(_ percentile: Double) -> Double { Double(histogram.value(atPercentile: percentile)) / 1000 }
    self.init(p50: ms(50), p90: ms(90), p99: ms(99), p999: ms(99.9), max: Double(histogram.maxMicroseconds) / 1000)
  }
}
