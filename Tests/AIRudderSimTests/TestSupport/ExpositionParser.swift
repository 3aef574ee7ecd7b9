import Foundation

/// A strict reader of Prometheus' text exposition format (0.0.4), enough to check that what
/// `/metrics` serves is what a Prometheus server would accept: HELP and TYPE before a family's
/// samples and once each, valid names, labels and values, counters named `_total`, and
/// histograms with ascending `le` bounds, cumulative counts and `+Inf` equal to `_count`.
struct ExpositionParser {
  struct Sample: Equatable {
    var name: String
    var labels: [String: String]
    var value: Double
  }

  struct Family {
    var type: String
    var help: String?
    var samples: [Sample] = []
  }

  enum Problem: Error, CustomStringConvertible {
    case line(Int, String)
    var description: String {
      switch self {
      case .line(let number, let message): "line \(number): \(message)"
      }
    }
  }

  private(set) var families: [String: Family] = [:]
  private var order: [String] = []

  init(_ text: String) throws {
    guard text.hasSuffix("\n") else { throw Problem.line(0, "the text must end with a newline") }
    var current: String?
    for (offset, line) in text.dropLast().split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let number = offset + 1
      if line.hasPrefix("# HELP ") || line.hasPrefix("# TYPE ") {
        let parts = line.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count >= 3, Self.isName(String(parts[2])) else { throw Problem.line(number, "bad comment: \(line)") }
        let name = String(parts[2])
        let rest = parts.count > 3 ? String(parts[3]) : ""
        if parts[1] == "TYPE" {
          guard ["counter", "gauge", "histogram", "summary", "untyped"].contains(rest) else {
            throw Problem.line(number, "unknown type \(rest)")
          }
          guard families[name]?.samples.isEmpty ?? true, families[name]?.type.isEmpty ?? true else {
            throw Problem.line(number, "TYPE of \(name) after its samples or twice")
          }
          families[name, default: Family(type: "")].type = rest
        } else {
          guard families[name]?.help == nil else { throw Problem.line(number, "HELP of \(name) twice") }
          families[name, default: Family(type: "")].help = rest
        }
        if !order.contains(name) { order.append(name) }
        current = name
        continue
      }
      if line.hasPrefix("#") || line.isEmpty { continue }
      let sample = try Self.sample(String(line), number: number)
      guard let family = current, let type = families[family]?.type, !type.isEmpty else {
        throw Problem.line(number, "sample \(sample.name) before its TYPE")
      }
      let suffixes = type == "histogram" ? ["_bucket", "_sum", "_count"] : [""]
      guard suffixes.contains(where: { family + $0 == sample.name }) else {
        throw Problem.line(number, "sample \(sample.name) outside its family \(family)")
      }
      families[family]!.samples.append(sample)
    }
    for (name, family) in families {
      if family.type == "counter" && !name.hasSuffix("_total") { throw Problem.line(0, "counter \(name) not named _total") }
      if family.type == "histogram" { try Self.checkHistogram(name, family) }
    }
  }

  func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
    families.values.flatMap(\.samples).first { $0.name == name && $0.labels == labels }?.value
  }

  private static func isName(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first, first.isASCII,
      CharacterSet.letters.contains(first) || first == "_" || first == ":"
    else { return false }
    return text.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "_" || $0 == ":") }
  }

  private static func sample(_ line: String, number: Int) throws -> Sample {
    var rest = Substring(line)
    let name = String(rest.prefix { $0 != "{" && $0 != " " })
    guard isName(name) else { throw Problem.line(number, "bad metric name in \(line)") }
    rest = rest.dropFirst(name.count)
    var labels: [String: String] = [:]
    if rest.hasPrefix("{") {
      rest = rest.dropFirst()
      while !rest.hasPrefix("}") {
        let label = String(rest.prefix { $0 != "=" })
        guard isName(label), rest.dropFirst(label.count).hasPrefix("=\"") else {
          throw Problem.line(number, "bad label in \(line)")
        }
        rest = rest.dropFirst(label.count + 2)
        var value = ""
        while let character = rest.first, character != "\"" {
          rest = rest.dropFirst()
          if character == "\\" {
            guard let escaped = rest.first, ["\\", "\"", "n"].contains(escaped) else {
              throw Problem.line(number, "bad escape in \(line)")
            }
            value.append(escaped == "n" ? "\n" : escaped)
            rest = rest.dropFirst()
          } else {
            value.append(character)
          }
        }
        guard rest.hasPrefix("\""), labels[label] == nil else { throw Problem.line(number, "bad label value in \(line)") }
        labels[label] = value
        rest = rest.dropFirst()
        if rest.hasPrefix(",") {
          rest = rest.dropFirst()
        } else if !rest.hasPrefix("}") {
          throw Problem.line(number, "expected , or } in \(line)")
        }
      }
      rest = rest.dropFirst()
    }
    guard rest.hasPrefix(" ") else { throw Problem.line(number, "expected a space before the value in \(line)") }
    let fields = rest.dropFirst().split(separator: " ")
    guard (1...2).contains(fields.count), let value = parseValue(String(fields[0])) else {
      throw Problem.line(number, "bad value in \(line)")
    }
    return Sample(name: name, labels: labels, value: value)
  }

  private static func parseValue(_ text: String) -> Double? {
    switch text {
    case "+Inf": .infinity
    case "-Inf": -.infinity
    case "NaN": .nan
    default: Double(text)
    }
  }

  private static func checkHistogram(_ name: String, _ family: Family) throws {
    let buckets = family.samples.filter { $0.name == name + "_bucket" }
    guard let count = family.samples.first(where: { $0.name == name + "_count" })?.value,
      family.samples.contains(where: { $0.name == name + "_sum" }), let last = buckets.last, last.labels["le"] == "+Inf"
    else { throw Problem.line(0, "histogram \(name) lacks _count, _sum or the +Inf bucket") }
    let bounds = try buckets.map { bucket -> Double in
      guard let text = bucket.labels["le"], let bound = parseValue(text) else {
        throw Problem.line(0, "\(name): bucket without le")
      }
      return bound
    }
    guard bounds == bounds.sorted(), Set(bounds).count == bounds.count else { throw Problem.line(0, "\(name): le not ascending") }
    let counts = buckets.map(\.value)
    guard counts == counts.sorted() else { throw Problem.line(0, "\(name): bucket counts not cumulative") }
    guard last.value == count else { throw Problem.line(0, "\(name): +Inf bucket \(last.value) != _count \(count)") }
  }
}
