import Foundation

@testable import AIRudderSimCLI
@testable import Contract
@testable import Generation
@testable import Receiver
@testable import Reporting
@testable import Scenario
@testable import Support

/// Random hostile values from a seeded generator, as JSON text for scenario keys and as
/// command-line words for flags: huge and tiny numbers, negatives, fractions, the edges of
/// 64-bit integers, unitless and overlong durations, strings, booleans, null, arrays,
/// objects, deep nesting and very long text.
struct HostileValues {
  private var rng: SeededRandom

  init(seed: UInt64) {
    rng = SeededRandom(seed: seed)
  }

  static let numbers = [
    "1e308", "-1e308", "1.7976931348623157e308", "5e-324", "-5e-324", "0", "-0", "1", "-1", "0.5", "2.5", "-2.5",
    "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
    "18446744073709551615", "18446744073709551616", "1e20", "100000", "1000000000", "65536", "4294967296",
  ]

  static let words = [
    "", " ", "abc", "500", "0", "1.5", "720h", "720h1ms", "99999999999999h", "1e308s", "-5s", "10s", "250ms", "1h30m",
    "1e308", "-1e308", "nan", "NaN", "inf", "-inf", "Infinity", "0x7fffffffffffffff", "-0x1", "99%", "1e308%", "-1%",
    "true", "null", "[]", "{}", "😀", "a\u{0}b", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
  ]

  private mutating func pick(_ list: [String]) -> String { list[rng.int(in: 0...(list.count - 1))] }

  /// A random integer with a random number of digits, either sign.
  private mutating func randomInteger() -> String {
    let digits = rng.int(in: 1...25)
    var text = rng.chance(0.3) ? "-" : ""
    for index in 0..<digits { text += String(rng.int(in: index == 0 ? 1...9 : 0...9)) }
    return text
  }

  /// A command-line word.
  mutating func word() -> String {
    switch rng.int(in: 0...5) {
    case 0: return pick(Self.numbers)
    case 1: return randomInteger()
    case 2: return pick(Self.words)
    case 3: return String(repeating: rng.chance(0.5) ? "9" : "x", count: rng.int(in: 1000...100_000))
    case 4:
      return
        "\(pick(["", "-"]))\(rng.int(in: 0...999_999)).\(rng.int(in: 0...99))\(pick(["", "ms", "s", "m", "h", "e308", "e-308"]))"
    default: return pick(Self.words)
    }
  }

  /// A JSON value (JSON5: the scenario reader also takes NaN and Infinity).
  mutating func json(depth: Int = 0) -> String {
    switch rng.int(in: 0...11) {
    case 0, 1: return pick(Self.numbers)
    case 2: return randomInteger()
    case 3: return quoted(pick(Self.words))
    case 4: return pick(["true", "false", "null", "NaN", "Infinity", "-Infinity"])
    case 5: return depth < 3 ? "[\(json(depth: depth + 1)), \(json(depth: depth + 1))]" : "[]"
    case 6: return depth < 3 ? "{\"min\": \(json(depth: depth + 1)), \"max\": \(json(depth: depth + 1))}" : "{}"
    case 7: return depth < 3 ? "{\"\(pick(["a", "min", "busy", "robot", "label"]))\": \(json(depth: depth + 1))}" : "{}"
    case 8:
      let levels = rng.int(in: 10...60)
      return String(repeating: "[", count: levels) + pick(Self.numbers) + String(repeating: "]", count: levels)
    case 9: return quoted(String(repeating: "y", count: rng.int(in: 1000...100_000)))
    case 10: return quoted(word())
    default: return "[\(pick(Self.numbers)), \(pick(Self.numbers))]"
    }
  }

  private func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}
