/// A JSON object of string values that keeps its keys in a fixed order, so that the same
/// seed always gives the same bytes (Swift's `Dictionary` order changes from run to run).
/// Equality ignores order, as JSON does.
package struct OrderedStringMap: Sendable, Hashable, Codable, ExpressibleByDictionaryLiteral {
  package private(set) var entries: [(key: String, value: String)]

  package init(_ entries: [(key: String, value: String)] = []) {
    self.entries = entries
  }

  package init(dictionaryLiteral elements: (String, String)...) {
    self.entries = elements.map { (key: $0.0, value: $0.1) }
  }

  package var isEmpty: Bool { entries.isEmpty }
  package var count: Int { entries.count }

  package subscript(key: String) -> String? {
    entries.first { $0.key == key }?.value
  }

  package var dictionary: [String: String] {
    Dictionary(entries.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
  }

  package static func == (lhs: OrderedStringMap, rhs: OrderedStringMap) -> Bool {
    lhs.dictionary == rhs.dictionary
  }

  package func hash(into hasher: inout Hasher) {
    hasher.combine(dictionary)
  }

  /// Decoded keys are sorted: a decoder does not promise their order, and output must be stable.
  package init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let dictionary = try container.decode([String: String].self)
    entries = dictionary.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) }
  }

  package func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(dictionary)
  }
}
