import HTTP1
import Support

// The report's form of the time series: the width, and each interval with its wall-clock
// start (so series of runs on several machines line up), its counts, its gauges, latency
// percentiles for people and its exact histogram for merging.

extension TimeSeries: Codable {
  enum CodingKeys: String, CodingKey {
    case intervals
    case width = "interval_s"
    case maxIntervals = "max_intervals"
  }

  package func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(width, forKey: .width)
    try container.encode(Self.maxIntervals, forKey: .maxIntervals)
    try container.encode(
      intervals.indices.map { ReportedInterval(start: start(of: $0), interval: intervals[$0]) }, forKey: .intervals)
  }

  package init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let width = try container.decode(Int64.self, forKey: .width)
    guard width > 0, width & (width - 1) == 0, width <= 1 << 40 else {
      throw DecodingError.dataCorruptedError(forKey: .width, in: container, debugDescription: "expected a power of two seconds")
    }
    let reported = try container.decode([ReportedInterval].self, forKey: .intervals)
    guard reported.count <= Self.maxIntervals else {
      throw DecodingError.dataCorruptedError(
        forKey: .intervals, in: container, debugDescription: "more than \(Self.maxIntervals) intervals")
    }
    let base = reported.first.map { $0.start.floorDivided(by: width) }
    for (offset, interval) in reported.enumerated() where interval.start != ((base ?? 0) + Int64(offset)) * width {
      throw DecodingError.dataCorruptedError(
        forKey: .intervals, in: container,
        debugDescription: "interval \(offset) starts at \(interval.start), not on the series' grid of \(width) s")
    }
    self.init(width: width, base: base, intervals: reported.map(\.interval))
  }
}

/// One interval as the report writes it.
private struct ReportedInterval: Codable {
  /// Seconds since the Unix epoch.
  var start: Int64
  var interval: TimeSeries.Interval

  enum CodingKeys: String, CodingKey {
    case start, started, delivered, dropped, abandoned, cancelled, attempts
    case startUnix = "start_unix_s"
    case inFlight = "in_flight"
    case retriesWaiting = "retries_waiting"
    case latencyMs = "latency_ms"
    case latencyHistogram = "latency_histogram"
  }

  init(start: Int64, interval: TimeSeries.Interval) {
    self.start = start
    self.interval = interval
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(UTCTime.iso8601(start), forKey: .start)
    try container.encode(start, forKey: .startUnix)
    try container.encode(interval.started, forKey: .started)
    try container.encode(interval.delivered, forKey: .delivered)
    try container.encode(interval.dropped, forKey: .dropped)
    try container.encode(interval.abandoned, forKey: .abandoned)
    try container.encode(interval.cancelled, forKey: .cancelled)
    let attempts = Dictionary(uniqueKeysWithValues: AttemptClass.allCases.map { ($0.rawValue, interval.attempts($0)) })
    try container.encode(attempts, forKey: .attempts)
    try container.encode(interval.inFlight, forKey: .inFlight)
    try container.encode(interval.retriesWaiting, forKey: .retriesWaiting)
    try container.encode(IntervalLatency(interval.latency), forKey: .latencyMs)
    try container.encode(interval.latency, forKey: .latencyHistogram)
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    start = try container.decode(Int64.self, forKey: .startUnix)
    var interval = TimeSeries.Interval()
    interval.started = try container.decode(Int.self, forKey: .started)
    interval.delivered = try container.decode(Int.self, forKey: .delivered)
    interval.dropped = try container.decode(Int.self, forKey: .dropped)
    interval.abandoned = try container.decode(Int.self, forKey: .abandoned)
    interval.cancelled = try container.decode(Int.self, forKey: .cancelled)
    let attempts = try container.decode([String: Int].self, forKey: .attempts)
    for attemptClass in AttemptClass.allCases { interval.attempts[attemptClass.ordinal] = attempts[attemptClass.rawValue] ?? 0 }
    interval.inFlight = try container.decode(Int.self, forKey: .inFlight)
    interval.retriesWaiting = try container.decode(Int.self, forKey: .retriesWaiting)
    interval.latency = try container.decode(LatencyHistogram.self, forKey: .latencyHistogram)
    guard interval.latency.layout == .interval else {
      throw DecodingError.dataCorruptedError(
        forKey: .latencyHistogram, in: container, debugDescription: "an interval's histogram has sub_bucket_bits 3, powers 40")
    }
    self.interval = interval
  }
}

/// An interval's latency for people, in milliseconds (derived from its histogram).
private struct IntervalLatency: Encodable {
  var p50, p90, p99, max: Double

  init(_ histogram: LatencyHistogram) {
    func ms(_ percentile: Double) -> Double { Double(histogram.value(atPercentile: percentile)) / 1000 }
    p50 = ms(50)
    p90 = ms(90)
    p99 = ms(99)
    max = Double(histogram.maxMicroseconds) / 1000
  }
}
