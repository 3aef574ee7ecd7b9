import Foundation
import Scenario
import Support

/// Draws whole seconds from a scenario's `TimeDistribution` by table: 257 quantiles of the
/// clamped log-normal (and of the early cluster) in sixteenths of a second, interpolated
/// between neighbours. A draw is one random number and two reads from a table of about 1 KiB
/// that stays in the L1 cache; no logarithm, cosine or exponential per call. (A table of
/// 4096 plain quantiles per label missed the cache on most draws.) A class: a draw through
/// the model takes its reference instead of retaining and releasing the table.
final class TimeSampler: Sendable {
  private static let levels = 256
  /// The main distribution's knots, then the early cluster's: one array.
  private let table: [Int32]
  private let earlyRate: Double
  /// The spread of the early cluster: a few seconds either way.
  private static let earlySpread = 0.4

  init(_ distribution: TimeDistribution) {
    func knots(median: Double, spread: Double) -> [Int32] {
      (0...Self.levels).map { level in
        let p = min(max(Double(level) / Double(Self.levels), 1.0 / 8192), 1 - 1.0 / 8192)
        let seconds = min(max(median * exp(spread * Self.normalQuantile(p)), distribution.min), distribution.max)
        return Int32((seconds * 16).rounded())
      }
    }
    earlyRate = distribution.earlyRate
    table =
      knots(median: distribution.median, spread: distribution.spread)
      + (distribution.earlyRate > 0 ? knots(median: distribution.earlyMedian, spread: Self.earlySpread) : [])
  }

  /// A draw in whole seconds, within min...max.
  @inline(__always) func sample(using rng: inout SeededRandom) -> Int {
    let base = rng.chance(earlyRate) ? Self.levels + 1 : 0
    let bits = rng.next() >> 40
    let index = base + Int(truncatingIfNeeded: bits >> 16)
    let low = Int(table[index])
    let high = Int(table[index + 1])
    let sixteenths = low + ((high - low) * Int(truncatingIfNeeded: bits & 0xFFFF)) >> 16
    return (sixteenths + 8) >> 4
  }

  /// The standard normal's quantile (Acklam's rational approximation, relative error below
  /// 1.2e-9), for building the tables.
  static func normalQuantile(_ p: Double) -> Double {
    let a = [
      -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
      -3.066479806614716e+01, 2.506628277459239e+00,
    ]
    let b = [
      -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
      -1.328068155288572e+01,
    ]
    let c = [
      -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
      4.374664141464968e+00, 2.938163982698783e+00,
    ]
    let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
    let low = 0.02425
    if p < low || p > 1 - low {
      let q = (-2 * log(p < low ? p : 1 - p)).squareRoot()
      let x =
        (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
        / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
      return p < low ? x : -x
    }
    let q = p - 0.5
    let r = q * q
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
      / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  }
}
