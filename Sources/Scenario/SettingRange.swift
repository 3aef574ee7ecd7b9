import Contract
import Support

/// A `{ "min": …, "max": … }` pair (or `[min, max]`), with `min <= max` checked.
package struct SettingRange<Bound: Decodable & Comparable & Sendable>: Decodable, Sendable {
  package let min: Bound
  package let max: Bound

  package init(_ min: Bound, _ max: Bound) {
    precondition(min <= max)
    self.min = min
    self.max = max
  }

  enum CodingKeys: String, CodingKey, CaseIterable {
    case min, max
  }

  package init(from decoder: any Decoder) throws {
    if var array = try? decoder.unkeyedContainer() {
      guard array.count == 2 else {
        throw DecodingError.dataCorrupted(
          .init(codingPath: decoder.codingPath, debugDescription: "expected [min, max] with two values"))
      }
      min = try array.decode(Bound.self)
      max = try array.decode(Bound.self)
    } else {
      let settings = try SettingsContainer(decoder, keys: CodingKeys.self)
      guard settings.contains(.min), settings.contains(.max) else {
        throw settings.invalidHere("expected both \"min\" and \"max\"")
      }
      min = try settings.container.decode(Bound.self, forKey: .min)
      max = try settings.container.decode(Bound.self, forKey: .max)
    }
    guard min <= max else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "expected min <= max, got min \(min) and max \(max)"))
    }
  }
}

extension SettingRange where Bound == SettingDuration {
  /// Whole seconds, as the payload counts them.
  package var wholeSeconds: ClosedRange<Int> { Int(min.seconds.rounded())...Int(max.seconds.rounded()) }
}
