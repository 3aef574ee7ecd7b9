import Foundation
import Support

/// A skewed distribution of a time in seconds: log-normal around `median` (`spread` is the
/// standard deviation of its logarithm), optionally mixed with a cluster of early ends
/// (`earlyRate` of the draws, log-normal around `earlyMedian`), clamped to `min`...`max`.
/// Written `{ "median": "40s", "spread": 0.5, "min": "2s", "max": "10m" }`; a plain range
/// (`{ "min": "8s", "max": "90s" }` or `["8s", "90s"]`) is a log-normal whose median is the
/// range's geometric mean and whose ±2 spreads reach its ends.
package struct TimeDistribution: Decodable, Sendable, Equatable {
  package var median: Double
  package var spread: Double
  package var min: Double
  package var max: Double
  package var earlyRate: Double
  package var earlyMedian: Double

  package init(median: Double, spread: Double, min: Double, max: Double, earlyRate: Double = 0, earlyMedian: Double = 3) {
    self.median = median
    self.spread = spread
    self.min = min
    self.max = max
    self.earlyRate = earlyRate
    self.earlyMedian = earlyMedian
  }

  package init(range: SettingRange<SettingDuration>) {
    let low = Swift.max(range.min.seconds, 0.001)
    let high = Swift.max(range.max.seconds, low)
    self.init(
      median: (low * high).squareRoot(), spread: Foundation.log(high / low) / 4, min: range.min.seconds, max: range.max.seconds)
  }

  enum CodingKeys: String, CodingKey, CaseIterable {
    case median, spread, min, max, earlyRate, earlyMedian
  }

  package init(from decoder: any Decoder) throws {
    if (try? decoder.unkeyedContainer()) != nil {
      self.init(range: try SettingRange<SettingDuration>(from: decoder))
      return
    }
    let s = try SettingsContainer(decoder, keys: CodingKeys.self)
    guard s.contains(.median) else {
      // Only a range: its messages ("expected both min and max", "min <= max") apply.
      self.init(range: try SettingRange<SettingDuration>(from: decoder))
      return
    }
    let median: SettingDuration = try s.value(.median, default: .seconds(1))
    guard median.seconds > 0 else { throw s.invalid(.median, "expected a duration above 0, got \(median)") }
    let spread = try s.value(.spread, default: 0.5, in: 0...3, expected: "a spread from 0 to 3")
    let min: SettingDuration = try s.value(.min, default: .seconds(Swift.min(1, median.seconds)))
    let max: SettingDuration = try s.value(.max, default: .seconds(Swift.max(3600, median.seconds)))
    guard min <= median else { throw s.invalid(.min, "expected min <= median, got min \(min) and median \(median)") }
    guard median <= max else { throw s.invalid(.max, "expected median <= max, got median \(median) and max \(max)") }
    let earlyRate = try s.rate(.earlyRate, default: 0)
    let earlyMedian: SettingDuration = try s.value(.earlyMedian, default: .seconds(3))
    guard earlyMedian.seconds > 0 else { throw s.invalid(.earlyMedian, "expected a duration above 0, got \(earlyMedian)") }
    self.init(
      median: median.seconds, spread: spread, min: min.seconds, max: max.seconds, earlyRate: earlyRate,
      earlyMedian: earlyMedian.seconds)
  }
}
