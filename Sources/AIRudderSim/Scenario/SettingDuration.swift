import Foundation

/// A duration as scenarios and flags write it: `"10s"`, `"250ms"`, `"1.5m"`, `"1h30m"`, or a
/// bare number of seconds. Kept as seconds; `duration` gives a Swift `Duration` for clocks.
public struct SettingDuration: Sendable, Hashable, Comparable, Decodable, CustomStringConvertible {
  public let seconds: Double

  public init(seconds: Double) {
    self.seconds = seconds
  }

  public static func seconds(_ value: Double) -> SettingDuration { SettingDuration(seconds: value) }

  public var duration: Duration {
    .nanoseconds(Int64((seconds * 1e9).rounded()))
  }

  public static func < (lhs: SettingDuration, rhs: SettingDuration) -> Bool { lhs.seconds < rhs.seconds }

  /// Formats as the shortest plain form: `10s`, `250ms`, `1.5s`.
  public var description: String {
    if seconds != 0 && seconds < 1 { return "\(Self.trim(seconds * 1000))ms" }
    return "\(Self.trim(seconds))s"
  }

  private static func trim(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let number = try? container.decode(Double.self) {
      guard number >= 0, number.isFinite else {
        throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a duration of 0 or more, got \(number)")
      }
      seconds = number
      return
    }
    guard let text = try? container.decode(String.self) else {
      throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a duration such as \"10s\", \"250ms\" or \"1m\"")
    }
    guard let parsed = SettingDuration.parse(text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "expected a duration such as \"10s\", \"250ms\" or \"1m\", got \"\(text)\"")
    }
    self = parsed
  }

  /// Parses `10s`, `250ms`, `1.5m`, `2h`, `1m30s`, `45` (seconds); nil for anything else.
  public static func parse(_ text: String) -> SettingDuration? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if let number = Double(trimmed) {
      return number >= 0 && number.isFinite ? SettingDuration(seconds: number) : nil
    }
    var total = 0.0
    var rest = Substring(trimmed)
    guard !rest.isEmpty else { return nil }
    while !rest.isEmpty {
      let numberPart = rest.prefix { $0.isNumber || $0 == "." }
      guard !numberPart.isEmpty, let value = Double(numberPart) else { return nil }
      rest = rest.dropFirst(numberPart.count)
      let unit = rest.prefix { $0.isLetter }
      rest = rest.dropFirst(unit.count)
      switch unit {
      case "ms": total += value / 1000
      case "s": total += value
      case "m", "min": total += value * 60
      case "h": total += value * 3600
      default: return nil
      }
    }
    return total.isFinite ? SettingDuration(seconds: total) : nil
  }
}
