import HTTP1

/// Latencies in microseconds in a fixed-size log-linear histogram (`HistogramLayout`): the
/// run's layout is exact below 128 µs, then 64 buckets per power of two, so every percentile
/// is within 1.6% of the truth. Constant memory whatever the run's length, and mergeable
/// without loss (the report carries every bucket).
package struct LatencyHistogram: Sendable, Equatable {
  package let layout: HistogramLayout
  /// Allocated on the first value, so an empty interval of the time series costs nothing.
  private(set) var counts: [UInt64] = []
  package private(set) var count: UInt64 = 0
  package private(set) var maxMicroseconds: UInt64 = 0
  /// For Prometheus' `_sum` and means; wraps only after 584,000 years of latency.
  package private(set) var sumMicroseconds: UInt64 = 0

  package init(layout: HistogramLayout = .run) {
    self.layout = layout
  }

  package mutating func record(microseconds value: UInt64) {
    if counts.isEmpty { counts = [UInt64](repeating: 0, count: layout.bucketCount) }
    counts[layout.index(of: value)] += 1
    count += 1
    sumMicroseconds &+= value
    maxMicroseconds = max(maxMicroseconds, value)
  }

  package mutating func record(_ duration: Duration) {
    let (seconds, attoseconds) = duration.components
    let micros = max(0, seconds) * 1_000_000 + max(0, attoseconds) / 1_000_000_000_000
    record(microseconds: UInt64(micros))
  }

  /// Adds `other`'s values; both must have the same layout.
  package mutating func merge(_ other: LatencyHistogram) {
    precondition(layout == other.layout, "merging histograms of different layouts")
    guard other.count > 0 else { return }
    if counts.isEmpty {
      counts = other.counts
    } else {
      for index in counts.indices { counts[index] += other.counts[index] }
    }
    count += other.count
    sumMicroseconds &+= other.sumMicroseconds
    maxMicroseconds = max(maxMicroseconds, other.maxMicroseconds)
  }

  /// The latency below which `percentile` percent of the values lie (the upper edge of its
  /// bucket, never above the maximum seen); 0 when empty.
  package func value(atPercentile percentile: Double) -> UInt64 {
    guard count > 0 else { return 0 }
    let rank = max(1, UInt64((percentile / 100 * Double(count)).rounded(.up)))
    var seen: UInt64 = 0
    for index in counts.indices {
      seen += counts[index]
      if seen >= rank { return min(layout.upperEdge(of: index), maxMicroseconds) }
    }
    return maxMicroseconds
  }

  /// The buckets that hold values, ascending: (bucket index, count).
  package var nonEmptyBuckets: [(index: Int, count: UInt64)] {
    counts.indices.compactMap { counts[$0] > 0 ? ($0, counts[$0]) : nil }
  }

  /// Values certainly at or below `microseconds`: the buckets that end at or below it (the
  /// one it falls in only if it is that bucket's top). Prometheus' `le` buckets.
  package func countAtOrBelow(microseconds: UInt64) -> UInt64 {
    guard !counts.isEmpty else { return 0 }
    let bucket = layout.index(of: microseconds)
    let last = layout.upperEdge(of: bucket) <= microseconds ? bucket : bucket - 1
    var total: UInt64 = 0
    for index in 0..<(last + 1) { total += counts[index] }
    return total
  }

  /// Rebuilds a histogram from its buckets, as a report carries it. Nil unless the indices
  /// ascend within the layout, each count is positive, they add up to `count`, and the
  /// maximum falls in the last bucket.
  package init?(
    layout: HistogramLayout, buckets: [(index: Int, count: UInt64)], count: UInt64, sumMicroseconds: UInt64,
    maxMicroseconds: UInt64
  ) {
    guard layout.isSupported else { return nil }
    self.layout = layout
    var total: UInt64 = 0
    var previous = -1
    for bucket in buckets {
      guard bucket.index > previous, bucket.index < layout.bucketCount, bucket.count > 0 else { return nil }
      previous = bucket.index
      if counts.isEmpty { counts = [UInt64](repeating: 0, count: layout.bucketCount) }
      counts[bucket.index] += bucket.count
      let (sum, overflow) = total.addingReportingOverflow(bucket.count)
      guard !overflow else { return nil }
      total = sum
    }
    guard total == count, count == 0 || layout.index(of: maxMicroseconds) == buckets.last?.index else { return nil }
    self.count = count
    self.sumMicroseconds = sumMicroseconds
    self.maxMicroseconds = maxMicroseconds
  }
}
