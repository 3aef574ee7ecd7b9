extension Duration {
  /// `.seconds(value)` saturated to 0 … ~285 years: `Duration.seconds(Double)` traps beyond
  /// its range, and a schedule computed from a scenario (a send time divided by a small time
  /// scale) can reach it.
  package static func clamped(seconds value: Double) -> Duration {
    guard value > 0 else { return .zero }
    return value < 9e9 ? .seconds(value) : .seconds(9_000_000_000)
  }
}
