import Foundation
import Scenario
import Support

/// Draws whole seconds from a scenario's `TimeDistribution`, its logarithms taken once.
struct TimeSampler: Sendable {
  private let logMedian: Double
  private let spread: Double
  private let min: Double
  private let max: Double
  private let earlyRate: Double
  private let logEarlyMedian: Double
  /// The spread of the early cluster: a few seconds either way.
  private static let earlySpread = 0.4

  init(_ distribution: TimeDistribution) {
    logMedian = log(distribution.median)
    spread = distribution.spread
    min = distribution.min
    max = distribution.max
    earlyRate = distribution.earlyRate
    logEarlyMedian = log(distribution.earlyMedian)
  }

  /// A draw rounded to whole seconds, within min...max.
  func sample(using rng: inout SeededRandom) -> Int {
    let early = rng.chance(earlyRate)
    // Box–Muller: one standard normal from two uniforms (1 - u keeps the log finite).
    let radius = (-2 * log(1 - rng.unit())).squareRoot()
    let z = radius * cos(2 * Double.pi * rng.unit())
    let value = early ? exp(logEarlyMedian + Self.earlySpread * z) : exp(logMedian + spread * z)
    return Int(Swift.min(Swift.max(value, min), max).rounded())
  }
}
