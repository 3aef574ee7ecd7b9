import Foundation

/// A duration as scenarios and flags write it: `"10s"`, `"250ms"`, `"1.5m"`, `"1h30m"`, with a
/// unit always (a bare `500` is refused: ms or s?), `0` alone as the one unitless value, and at
/// most `maximum`. Kept as seconds; `duration` gives a Swift `Duration` for clocks.
package struct SettingDuration: Sendable, Hashable, Comparable, Decodable, CustomStringConvertible {
  package let seconds: Double

  /// The longest duration any flag or key accepts: 30 days, so that every duration converts to
  /// clocks, nanoseconds and whole seconds without overflow.
  package static let maximum = SettingDuration(seconds: 30 * 86_400)

  package init(seconds: Double) {
    self.seconds = seconds
  }

  package static func seconds(_ value: Double) -> SettingDuration { SettingDuration(seconds: value) }

  /// Saturates instead of trapping for a value built in code beyond `maximum` (parsing never
  /// gives one): below 0 or NaN is zero, above ~285 years is ~285 years.
  package var duration: Duration {
    guard seconds > 0 else { return .zero }
    guard seconds < 9e9 else { return .seconds(9_000_000_000) }
    return .nanoseconds(Int64((seconds * 1e9).rounded()))
  }

  package static func < (lhs: SettingDuration, rhs: SettingDuration) -> Bool { lhs.seconds < rhs.seconds }

  /// Formats as the shortest plain form: `10s`, `250ms`, `1.5s`.
  package var description: String {
    if seconds != 0 && seconds < 1 { return "\(Self.trim(seconds * 1000))ms" }
    return "\(Self.trim(seconds))s"
  }

  private static func trim(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
  }

  /// Why a text is not a duration; `message` words it for flags (plain) or scenarios (quoted).
  package enum Problem: Error, Equatable, Sendable {
    /// A number other than 0 without a unit, e.g. `500`.
    case missingUnit(String)
    /// Longer than `maximum`.
    case tooLong
    /// Anything else: negative, garbage, an unknown unit.
    case malformed

    package func message(quoted: Bool) -> String {
      let q = quoted ? "\"" : ""
      switch self {
      case .missingUnit(let number):
        return "a duration needs a unit; did you mean \(q)\(number)ms\(q) or \(q)\(number)s\(q)?"
      case .tooLong:
        return "expected a duration of at most 30 days (\(q)720h\(q))"
      case .malformed:
        return "expected a duration such as \(q)10s\(q), \(q)250ms\(q) or \(q)1m\(q)"
      }
    }
  }

  package init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text: String
    if let number = try? container.decode(Double.self) {
      // A JSON number is a duration without a unit: only 0 means the same in every unit.
      guard number == 0 else {
        let problem = Self.unitless(number, as: Self.plain(number))
        throw DecodingError.dataCorruptedError(
          in: container, debugDescription: problem.message(quoted: true) + Self.got(problem, "\(number)"))
      }
      self.init(seconds: 0)
      return
    } else if let string = try? container.decode(String.self) {
      text = string
    } else {
      throw DecodingError.dataCorruptedError(in: container, debugDescription: Problem.malformed.message(quoted: true))
    }
    switch SettingDuration.read(text) {
    case .success(let parsed): self = parsed
    case .failure(let problem):
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: problem.message(quoted: true) + Self.got(problem, "\"\(Self.excerpt(text))\""))
    }
  }

  /// Parses `10s`, `250ms`, `1.5m`, `2h`, `1m30s`, `0`; nil for anything else.
  package static func parse(_ text: String) -> SettingDuration? {
    try? read(text).get()
  }

  /// Parses like `parse`, saying why a text is refused.
  package static func read(_ text: String) -> Result<SettingDuration, Problem> {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if let number = Double(trimmed) {
      if number == 0 { return .success(SettingDuration(seconds: 0)) }
      return .failure(unitless(number, as: trimmed))
    }
    var total = 0.0
    var rest = Substring(trimmed)
    guard !rest.isEmpty else { return .failure(.malformed) }
    while !rest.isEmpty {
      let numberPart = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
      guard !numberPart.isEmpty, let value = Double(numberPart) else { return .failure(.malformed) }
      rest = rest.dropFirst(numberPart.count)
      let unit = rest.prefix { $0.isLetter }
      rest = rest.dropFirst(unit.count)
      switch unit {
      case "ms": total += value / 1000
      case "s": total += value
      case "m", "min": total += value * 60
      case "h": total += value * 3600
      default: return .failure(.malformed)
      }
    }
    guard total.isFinite, total <= maximum.seconds else { return .failure(.tooLong) }
    return .success(SettingDuration(seconds: total))
  }

  /// What is wrong with a number written without a unit: the hint names both units, unless
  /// even milliseconds would be too long (or the number is negative or not finite).
  private static func unitless(_ number: Double, as text: String) -> Problem {
    guard number > 0, number.isFinite else { return .malformed }
    return number / 1000 <= maximum.seconds ? .missingUnit(text) : .tooLong
  }

  /// `, got …` after a refusal, except after a question that already quotes the value.
  private static func got(_ problem: Problem, _ value: String) -> String {
    if case .missingUnit = problem { return "" }
    return ", got \(value)"
  }

  /// `500` for 500.0, `1.5` for 1.5: the number as a user would have typed it.
  private static func plain(_ number: Double) -> String {
    number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
  }

  /// The text, cut short if long, for an error message.
  private static func excerpt(_ text: String) -> String {
    text.count <= 40 ? text : String(text.prefix(40)) + "…"
  }
}
