import Foundation

/// Maps values on one axis of a chart to 0…1, linear from zero or logarithmic by powers of
/// ten, with round ticks a reader can take in at a glance.
struct AxisScale: Sendable {
  enum Kind: Sendable { case linear, log }

  let kind: Kind
  let lower: Double
  let upper: Double
  /// Linear: the distance between ticks.
  private let step: Double

  /// From zero to a round number at or above `maximum` (1 when there is nothing to show).
  static func linear(upTo maximum: Double, from minimum: Double = 0) -> AxisScale {
    let span = max(maximum - minimum, 0)
    guard span > 0 else { return AxisScale(kind: .linear, lower: minimum, upper: minimum + 1, step: 0.2) }
    let step = niceStep(span / 5)
    let upper = minimum + (span / step).rounded(.up) * step
    return AxisScale(kind: .linear, lower: minimum, upper: max(upper, minimum + step), step: step)
  }

  /// Whole powers of ten around the positive values given.
  static func log(from minimum: Double, to maximum: Double) -> AxisScale {
    let low = minimum > 0 ? pow(10, Foundation.log10(minimum).rounded(.down)) : 1
    let high = maximum > low ? pow(10, Foundation.log10(maximum).rounded(.up)) : low * 10
    return AxisScale(kind: .log, lower: low, upper: high == low ? low * 10 : high, step: 0)
  }

  /// 0 at `lower`, 1 at `upper` (clamped, so a stray value stays on the chart).
  func position(_ value: Double) -> Double {
    let fraction: Double
    switch kind {
    case .linear: fraction = (value - lower) / (upper - lower)
    case .log:
      guard value > 0 else { return 0 }
      fraction = (Foundation.log10(value) - Foundation.log10(lower)) / (Foundation.log10(upper) - Foundation.log10(lower))
    }
    return min(1, max(0, fraction))
  }

  /// Where the grid lines go.
  var ticks: [Double] {
    switch kind {
    case .linear:
      let count = Int(((upper - lower) / step).rounded())
      return (0...count).map { lower + Double($0) * step }
    case .log:
      let first = Int(Foundation.log10(lower).rounded())
      let last = Int(Foundation.log10(upper).rounded())
      let decades = (first...last).map { pow(10, Double($0)) }
      // Few decades: 2 and 5 between the powers, so the axis is not bare.
      guard last - first <= 2 else { return decades }
      return decades.flatMap { [$0, 2 * $0, 5 * $0] }.filter { $0 <= upper * 1.0001 }
    }
  }

  /// 1, 2 or 5 times a power of ten, at least `raw`.
  static func niceStep(_ raw: Double) -> Double {
    let magnitude = pow(10, Foundation.log10(raw).rounded(.down))
    for factor in [1.0, 2, 5, 10] where factor * magnitude >= raw * 0.999 { return factor * magnitude }
    return 10 * magnitude
  }

  /// A tick label: whole numbers with thousands separated, small ones with the digits they need.
  static func label(_ value: Double) -> String {
    if value == 0 { return "0" }
    if abs(value) >= 1_000_000 && value.truncatingRemainder(dividingBy: 1_000_000) == 0 { return "\(Int(value / 1_000_000))M" }
    if abs(value) >= 10_000 && value.truncatingRemainder(dividingBy: 1000) == 0 { return "\(Int(value / 1000))k" }
    if value == value.rounded() { return "\(Int(value))" }
    return SVG.number(value)
  }
}
