/// `variables`: names with templates, in the scenario's order.
package struct VariableTemplates: Decodable, Sendable, ExpressibleByDictionaryLiteral {
  package var entries: [(key: String, value: ValueTemplate)]

  package init(dictionaryLiteral elements: (String, ValueTemplate)...) {
    entries = elements.map { (key: $0.0, value: $0.1) }
  }

  /// Keys as the file writes them: the scenario decoder lists an object's members in order.
  package init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: AnyKey.self)
    entries = try container.allKeys.map { (key: $0.stringValue, value: try container.decode(ValueTemplate.self, forKey: $0)) }
  }
}
