/// A `{ "min": …, "max": … }` pair (or `[min, max]`), with `min <= max` checked.
public struct SettingRange<Bound: Decodable & Comparable & Sendable>: Decodable, Sendable {
  public let min: Bound
  public let max: Bound

  public init(_ min: Bound, _ max: Bound) {
    precondition(min <= max)
    self.min = min
    self.max = max
  }

  enum CodingKeys: String, CodingKey, CaseIterable {
    case min, max
  }

  public init(from decoder: any Decoder) throws {
    if var array = try? decoder.unkeyedContainer() {
      guard array.count == 2 else {
        throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "expected [min, max] with two values"))
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
      throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "expected min <= max, got min \(min) and max \(max)"))
    }
  }
}

extension SettingRange where Bound == SettingDuration {
  /// Whole seconds, as the payload counts them.
  var wholeSeconds: ClosedRange<Int> { Int(min.seconds.rounded())...Int(max.seconds.rounded()) }
}
