/// A JSON object of string values that keeps its keys in a fixed order, so that the same
/// seed always gives the same bytes (Swift's `Dictionary` order changes from run to run).
/// Equality ignores order, as JSON does.
public struct OrderedStringMap: Sendable, Hashable, Codable, ExpressibleByDictionaryLiteral {
  public private(set) var entries: [(key: String, value: String)]

  public init(_ entries: [(key: String, value: String)] = []) {
    self.entries = entries
  }

  public init(dictionaryLiteral elements: (String, String)...) {
    self.entries = elements.map { (key: $0.0, value: $0.1) }
  }

  public var isEmpty: Bool { entries.isEmpty }
  public var count: Int { entries.count }

  public subscript(key: String) -> String? {
    entries.first { $0.key == key }?.value
  }

  public var dictionary: [String: String] {
    Dictionary(entries.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
  }

  public static func == (lhs: OrderedStringMap, rhs: OrderedStringMap) -> Bool {
    lhs.dictionary == rhs.dictionary
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(dictionary)
  }

  /// Decoded keys are sorted: a decoder does not promise their order, and output must be stable.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let dictionary = try container.decode([String: String].self)
    entries = dictionary.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(dictionary)
  }
}
