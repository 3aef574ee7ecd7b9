// The report's form of a histogram: its layout and every non-empty bucket, so a reader can
// rebuild it exactly and merge histograms of several runs without loss (README, report v2).

extension LatencyHistogram: Codable {
  enum CodingKeys: String, CodingKey {
    case unit, count, buckets
    case subBucketBits = "sub_bucket_bits"
    case powers
    case bucketCount = "bucket_count"
    case sumMicroseconds = "sum_us"
    case maxMicroseconds = "max_us"
  }

  package func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode("us", forKey: .unit)
    try container.encode(layout.subBucketBits, forKey: .subBucketBits)
    try container.encode(layout.powers, forKey: .powers)
    try container.encode(layout.bucketCount, forKey: .bucketCount)
    try container.encode(count, forKey: .count)
    try container.encode(sumMicroseconds, forKey: .sumMicroseconds)
    try container.encode(maxMicroseconds, forKey: .maxMicroseconds)
    try container.encode(nonEmptyBuckets.map { [UInt64($0.index), $0.count] }, forKey: .buckets)
  }

  package init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let unit = try container.decode(String.self, forKey: .unit)
    guard unit == "us" else {
      throw DecodingError.dataCorruptedError(forKey: .unit, in: container, debugDescription: "expected \"us\", found \"\(unit)\"")
    }
    let layout = HistogramLayout(
      subBucketBits: try container.decode(Int.self, forKey: .subBucketBits),
      powers: try container.decode(Int.self, forKey: .powers))
    guard layout.isSupported else {
      throw DecodingError.dataCorruptedError(
        forKey: .subBucketBits, in: container, debugDescription: "unsupported layout (sub_bucket_bits 1–10, powers up to 62)")
    }
    let bucketCount = try container.decode(Int.self, forKey: .bucketCount)
    guard bucketCount == layout.bucketCount else {
      throw DecodingError.dataCorruptedError(
        forKey: .bucketCount, in: container, debugDescription: "\(bucketCount) does not match the layout's \(layout.bucketCount)")
    }
    let pairs = try container.decode([[UInt64]].self, forKey: .buckets)
    guard pairs.allSatisfy({ $0.count == 2 && $0[0] < UInt64(Int.max) }) else {
      throw DecodingError.dataCorruptedError(
        forKey: .buckets, in: container, debugDescription: "expected [bucket index, count] pairs")
    }
    guard
      let histogram = LatencyHistogram(
        layout: layout, buckets: pairs.map { (Int($0[0]), $0[1]) }, count: try container.decode(UInt64.self, forKey: .count),
        sumMicroseconds: try container.decode(UInt64.self, forKey: .sumMicroseconds),
        maxMicroseconds: try container.decode(UInt64.self, forKey: .maxMicroseconds))
    else {
      throw DecodingError.dataCorruptedError(
        forKey: .buckets, in: container,
        debugDescription: "buckets must ascend within the layout with positive counts adding up to count, the maximum in the last"
      )
    }
    self = histogram
  }
}
