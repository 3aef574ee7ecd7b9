import HTTP1

/// Latencies in microseconds in a fixed-size log-linear histogram (HdrHistogram's layout):
/// exact below 128 µs, then 64 buckets per power of two, so every percentile is within 1.6%
/// of the truth. Constant memory (18 KB) whatever the run's length, and mergeable.
package struct LatencyHistogram: Sendable, Equatable {
  private static let subBucketBits = 6
  private static let linearLimit: UInt64 = 1 << (subBucketBits + 1)  // 128
  private static let powers = 40  // up to 2^40 µs, about 12 days
  private static let bucketCount = Int(linearLimit) + (powers - subBucketBits - 1) * (1 << subBucketBits)

  private var counts = [UInt64](repeating: 0, count: LatencyHistogram.bucketCount)
  package private(set) var count: UInt64 = 0
  package private(set) var maxMicroseconds: UInt64 = 0

  package init() {}

  package mutating func record(microseconds value: UInt64) {
    counts[Self.index(of: value)] += 1
    count += 1
    maxMicroseconds = max(maxMicroseconds, value)
  }

  package mutating func record(_ duration: Duration) {
    let (seconds, attoseconds) = duration.components
    let micros = max(0, seconds) * 1_000_000 + max(0, attoseconds) / 1_000_000_000_000
    record(microseconds: UInt64(micros))
  }

  package mutating func merge(_ other: LatencyHistogram) {
    for index in counts.indices { counts[index] += other.counts[index] }
    count += other.count
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
      if seen >= rank { return min(Self.upperEdge(of: index), maxMicroseconds) }
    }
    return maxMicroseconds
  }

  static func index(of value: UInt64) -> Int {
    if value < linearLimit { return Int(value) }
    let exponent = (63 - value.leadingZeroBitCount) - subBucketBits  // >= 1
    guard exponent < powers - subBucketBits else { return bucketCount - 1 }
    let subBucket = Int(value >> UInt64(exponent)) - (1 << subBucketBits)  // 0..<64
    return Int(linearLimit) + (exponent - 1) * (1 << subBucketBits) + subBucket
  }

  static func upperEdge(of index: Int) -> UInt64 {
    if index < Int(linearLimit) { return UInt64(index) }
    let offset = index - Int(linearLimit)
    let exponent = offset / (1 << subBucketBits) + 1
    let subBucket = UInt64(offset % (1 << subBucketBits) + (1 << subBucketBits))
    return ((subBucket + 1) << UInt64(exponent)) - 1
  }
}
