import Testing

@testable import AIRudderSimCLI
@testable import Contract
@testable import Receiver
@testable import Reporting
@testable import Scenario
@testable import Support

@Suite struct LatencyHistogramTests {
  @Test func percentilesWithinTheBucketError() {
    var histogram = LatencyHistogram()
    for value in 1...100_000 { histogram.record(microseconds: UInt64(value)) }
    for percentile in [50.0, 90, 99, 99.9] {
      let expected = percentile / 100 * 100_000
      let value = Double(histogram.value(atPercentile: percentile))
      #expect(abs(value - expected) / expected < 0.016, "p\(percentile): \(value) vs \(expected)")
    }
    #expect(histogram.maxMicroseconds == 100_000 && histogram.count == 100_000)
  }

  @Test func exactBelowOneHundredTwentyEightAndNeverAboveTheMax() {
    var histogram = LatencyHistogram()
    for value in [3, 3, 3, 100] as [UInt64] { histogram.record(microseconds: value) }
    #expect(histogram.value(atPercentile: 50) == 3)
    #expect(histogram.value(atPercentile: 100) == 100)
    var big = LatencyHistogram()
    big.record(microseconds: 10_000_000)
    #expect(big.value(atPercentile: 99) == 10_000_000)
  }

  @Test func mergeEqualsRecordingEverything() {
    var a = LatencyHistogram()
    var b = LatencyHistogram()
    var all = LatencyHistogram()
    for value in stride(from: UInt64(1), to: 1_000_000, by: 997) {
      if value % 2 == 0 { a.record(microseconds: value) } else { b.record(microseconds: value) }
      all.record(microseconds: value)
    }
    a.merge(b)
    #expect(a == all)
  }

  /// Past the top bucket (2^40 µs, about 12 days) a value is counted in the top bucket and
  /// kept as the maximum; a Duration is recorded in whole microseconds.
  @Test func emptyAndHugeValues() {
    #expect(LatencyHistogram().value(atPercentile: 99) == 0)
    #expect(LatencyHistogram().count == 0 && LatencyHistogram().maxMicroseconds == 0)
    let top: UInt64 = (1 << 40) - 1
    var histogram = LatencyHistogram()
    histogram.record(microseconds: UInt64.max / 2)
    #expect(histogram.count == 1 && histogram.maxMicroseconds == UInt64.max / 2)
    #expect(histogram.value(atPercentile: 50) == top && histogram.value(atPercentile: 100) == top)
    histogram.record(.seconds(1))
    #expect(histogram.count == 2 && histogram.maxMicroseconds == UInt64.max / 2)
    // 1 s lies in the bucket 999,424 ... 1,007,615 (8,192 µs wide at 2^19 to 2^20).
    #expect(histogram.value(atPercentile: 50) == 1_007_615 && histogram.value(atPercentile: 100) == top)
    var second = LatencyHistogram()
    second.record(.seconds(1))
    second.record(.microseconds(1_500))
    #expect(second.maxMicroseconds == 1_000_000 && second.value(atPercentile: 100) == 1_000_000)
    #expect(second.value(atPercentile: 50) == 1_503)
  }
}
