import Contract
import Support

/// How calls of one task that end close together are put into one notification.
package struct AggregationSettings: Decodable, Sendable {
  /// Calls ending within this time of the batch's first call join it.
  package var window = SettingDuration.seconds(1)
  /// At most this many calls in one notification's `Details`.
  package var maxBatch = 20

  package init() {}

  enum CodingKeys: String, CodingKey, CaseIterable {
    case window, maxBatch
  }

  package init(from decoder: any Decoder) throws {
    let s = try SettingsContainer(decoder, keys: CodingKeys.self)
    window = try s.value(.window, default: window)
    maxBatch = try s.value(.maxBatch, default: maxBatch, in: 1...1000, expected: "a whole number from 1 to 1000")
  }
}
