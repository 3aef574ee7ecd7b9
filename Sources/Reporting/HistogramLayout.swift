/// Where a latency falls in a log-linear histogram (HdrHistogram's layout), as the report
/// describes it so that a reader can merge histograms without loss: values below
/// 2^(bits+1) µs have a bucket each; above, each power of two up to 2^powers µs is cut into
/// 2^bits buckets of equal width; larger values go to the last bucket.
package struct HistogramLayout: Sendable, Equatable, Hashable {
  /// log2 of the buckets per power of two: 6 gives 64 (within 1.6%), 3 gives 8 (within 12.5%).
  package let subBucketBits: Int
  /// Values up to 2^powers µs are told apart (40: about 12 days).
  package let powers: Int

  /// The whole run's histogram: 2,240 buckets, 18 KB.
  package static let run = HistogramLayout(subBucketBits: 6, powers: 40)
  /// One interval of the time series: 304 buckets (2.4 KB, allocated when an attempt ends in it).
  package static let interval = HistogramLayout(subBucketBits: 3, powers: 40)

  package init(subBucketBits: Int, powers: Int) {
    self.subBucketBits = subBucketBits
    self.powers = powers
  }

  /// Layouts a report may carry: enough buckets to be useful, few enough to allocate.
  package var isSupported: Bool { (1...10).contains(subBucketBits) && (subBucketBits + 2...62).contains(powers) }

  var linearLimit: UInt64 { 1 << UInt64(subBucketBits + 1) }

  package var bucketCount: Int { Int(linearLimit) + (powers - subBucketBits - 1) * (1 << subBucketBits) }

  /// The bucket of `value` µs.
  @inline(__always)
  package func index(of value: UInt64) -> Int {
    if value < linearLimit { return Int(value) }
    let exponent = (63 - value.leadingZeroBitCount) - subBucketBits  // >= 1
    guard exponent < powers - subBucketBits else { return bucketCount - 1 }
    let subBucket = Int(value >> UInt64(exponent)) - (1 << subBucketBits)
    return Int(linearLimit) + (exponent - 1) * (1 << subBucketBits) + subBucket
  }

  /// The largest value (µs) that falls in bucket `index`.
  package func upperEdge(of index: Int) -> UInt64 {
    if index < Int(linearLimit) { return UInt64(index) }
    let offset = index - Int(linearLimit)
    let exponent = offset / (1 << subBucketBits) + 1
    let subBucket = UInt64(offset % (1 << subBucketBits) + (1 << subBucketBits))
    return ((subBucket + 1) << UInt64(exponent)) - 1
  }

  /// The smallest value (µs) that falls in bucket `index`.
  package func lowerEdge(of index: Int) -> UInt64 {
    index == 0 ? 0 : upperEdge(of: index - 1) + 1
  }
}
