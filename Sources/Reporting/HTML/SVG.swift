import Foundation

/// Text pieces of the inline SVG and HTML: escaping and compact numbers. Nothing here points
/// outside the page.
enum SVG {
  /// Escaped for text and attribute values alike.
  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for character in text.unicodeScalars {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default:
        // Control characters are not allowed in XML 1.0; a report's strings should not hold any.
        if character.value < 0x20 && character != "\n" && character != "\t" {
          out += "?"
        } else {
          out.unicodeScalars.append(character)
        }
      }
    }
    return out
  }

  /// A coordinate, to a tenth of a unit (the viewBox is about a thousand wide).
  static func coordinate(_ value: Double) -> String {
    let tenths = (value * 10).rounded()
    let whole = Int(tenths) / 10
    let fraction = abs(Int(tenths)) % 10
    if fraction == 0 { return String(whole) }
    return (tenths < 0 && whole == 0 ? "-" : "") + "\(whole).\(fraction)"
  }

  /// A value for people: three significant digits, no exponent.
  static func number(_ value: Double) -> String {
    if value == 0 { return "0" }
    let magnitude = abs(value)
    if magnitude >= 1000 { return grouped(Int(value.rounded())) }
    if magnitude >= 100 { return String(format: "%.0f", value) }
    if magnitude >= 10 { return trimmed(String(format: "%.1f", value)) }
    if magnitude >= 1 { return trimmed(String(format: "%.2f", value)) }
    return trimmed(String(format: "%.3g", value))
  }

  /// About how wide `text` is drawn at `size` px, by DejaVu Sans's advances (the widest font the
  /// page's `system-ui, sans-serif` commonly falls back to), so laid-out text never touches.
  static func textWidth(_ text: String, size: Double = 12) -> Double {
    let units = text.unicodeScalars.reduce(0.0) { sum, scalar in
      let character = Character(scalar)
      let advance: Double
      switch character {
      case "i", "j", "l", "I", "'", "|": advance = 600
      case " ", ".", ",", ":", ";", "!": advance = 690
      case "f", "t", "r", "(", ")", "[", "]", "-", "/": advance = 850
      case "m", "w", "M", "W", "%", "#", "@": advance = 2000
      default: advance = character.isUppercase ? 1500 : 1310
      }
      return sum + advance
    }
    return units / 2048 * size
  }

  /// `12,345`.
  static func grouped(_ value: Int) -> String {
    let digits = String(abs(value))
    var out = ""
    for (offset, digit) in digits.enumerated() {
      if offset > 0 && (digits.count - offset) % 3 == 0 { out += "," }
      out.append(digit)
    }
    return value < 0 ? "-" + out : out
  }

  private static func trimmed(_ text: String) -> String {
    guard text.contains(".") else { return text }
    var text = text
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
  }
}
