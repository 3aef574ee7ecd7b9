/// `RingType`: how the dial rang. `.null` is the page's "initial value null": by default it is
/// written as JSON `null` (CONTRACT.md decision 6); a call can ask for the string `"null"`.
package enum RingType: String, Codable, Sendable, CaseIterable {
  case busy, cantuse, hold, line, switchoff, outofarea, unregister, wrongnum, notmatch, normal
  case null

  /// Ring types of a dial that did not connect.
  package static let unconnected: [RingType] = [
    .busy, .cantuse, .hold, .line, .switchoff, .outofarea, .unregister, .wrongnum, .notmatch,
  ]

  /// Accepts JSON `null` as well as the string `"null"`.
  package init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
      return
    }
    let text = try container.decode(String.self)
    guard let value = RingType(rawValue: text) else {
      throw DecodingError.dataCorruptedError(
        in: container,
        debugDescription:
          "unknown RingType \"\(text)\"; expected one of \(RingType.allCases.map(\.rawValue).joined(separator: ", ")) or null")
    }
    self = value
  }
}
