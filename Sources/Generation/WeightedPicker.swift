import Support

/// Picks values in proportion to their weights, reproducibly from a `SeededRandom`. A class:
/// a pick through the model takes its reference instead of retaining both arrays.
final class WeightedPicker<Value: Sendable>: Sendable {
  private let values: [Value]
  private let cumulative: [Double]

  /// `weighted` must hold at least one weight above 0 (scenario decoding checks it).
  init(_ weighted: [(Value, Double)]) {
    let kept = weighted.filter { $0.1 > 0 }
    values = kept.map(\.0)
    var running = 0.0
    cumulative = kept.map {
      running += $0.1
      return running
    }
  }

  func pick(using rng: inout SeededRandom) -> Value {
    let target = rng.unit() * cumulative[cumulative.count - 1]
    for index in 0..<cumulative.count where target < cumulative[index] {
      return values[index]
    }
    return values[values.count - 1]
  }
}
