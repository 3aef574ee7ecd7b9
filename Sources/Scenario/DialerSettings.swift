import Contract
import Support

/// How the workflow's voicebot node dials its contact list.
package struct DialerSettings: Decodable, Sendable {
  /// Calls in progress at once (dial concurrency).
  package var lines = 30
  /// Dials of one contact in the round, the first included (`CallTimes` at most this).
  package var redialLimit = 3
  /// Wait from the end of a failed dial to the redial of the same contact.
  package var redialInterval = SettingDuration.seconds(300)
  /// Intentions after which a connected contact is dialled again (the seed's example shows
  /// a connected earlier dial labelled "F" in `RedailCall`).
  package var redialOnLabels: [String] = []
  /// Probability that a dial is answered.
  package var connectRate = 0.45
  /// Relative weights of the ring types of unanswered dials.
  package var ringTypeWeights: [(RingType, Double)] = [
    (.busy, 25), (.cantuse, 3), (.hold, 20), (.line, 10), (.switchoff, 18), (.outofarea, 8),
    (.unregister, 6), (.wrongnum, 5), (.notmatch, 5),
  ]
  /// Ringing before an answer.
  package var ringTime = SettingRange(SettingDuration.seconds(3), .seconds(20))
  /// Ringing of a dial nobody answers (ring types `hold` and `line`); others fail fast.
  package var noAnswerRingTime = SettingRange(SettingDuration.seconds(25), .seconds(45))
  /// Talk time of an answered call.
  package var talkTime = SettingRange(SettingDuration.seconds(8), .seconds(150))
  /// Pause on a line between two dials.
  package var wrapUp = SettingDuration.seconds(2)
  /// Start of workflow i is `startTime + i * workflowStagger`.
  package var workflowStagger = SettingDuration.seconds(0)
  /// Relative weights of a final `Status`: finished, failed (never placed), cancelled.
  package var statusWeights: [(CallStatus, Double)] = [(.finished, 100), (.failed, 0), (.cancelled, 0)]
  /// Probability that an answered call is ended by the callee rather than the robot.
  package var hangupByCalleeRate = 0.35
  /// Caller IDs the lines use; empty means numbers of the scenario's country.
  package var callerNumbers: [String] = []

  package init() {}

  enum CodingKeys: String, CodingKey, CaseIterable {
    case lines, redialLimit, redialInterval, redialOnLabels, connectRate, ringTypeWeights, ringTime
    case noAnswerRingTime, talkTime, wrapUp, workflowStagger, statusWeights, hangupByCalleeRate, callerNumbers
  }

  package init(from decoder: any Decoder) throws {
    let s = try SettingsContainer(decoder, keys: CodingKeys.self)
    lines = try s.value(.lines, default: lines, in: 1...100_000, expected: "a whole number from 1 to 100000")
    redialLimit = try s.value(.redialLimit, default: redialLimit, in: 1...20, expected: "a whole number from 1 to 20")
    redialInterval = try s.value(.redialInterval, default: redialInterval)
    redialOnLabels = try s.value(.redialOnLabels, default: redialOnLabels)
    connectRate = try s.rate(.connectRate, default: connectRate)
    if s.contains(.ringTypeWeights) {
      ringTypeWeights = try Weights.decode(s, .ringTypeWeights, allowed: RingType.unconnected)
    }
    ringTime = try s.value(.ringTime, default: ringTime)
    noAnswerRingTime = try s.value(.noAnswerRingTime, default: noAnswerRingTime)
    talkTime = try s.value(.talkTime, default: talkTime)
    guard talkTime.min.seconds >= 1 else { throw s.invalid(.talkTime, "expected a talk time of at least 1s") }
    // A transcript has a line every few seconds of talk: an hour keeps a notification's size sane.
    guard talkTime.max.seconds <= 3600 else {
      throw s.invalid(.talkTime, "expected a talk time of at most 1h, got \(talkTime.max)")
    }
    wrapUp = try s.value(.wrapUp, default: wrapUp)
    workflowStagger = try s.value(.workflowStagger, default: workflowStagger)
    if s.contains(.statusWeights) {
      statusWeights = try Weights.decode(s, .statusWeights, allowed: [.finished, .failed, .cancelled])
      guard statusWeights.contains(where: { $0.0 == .finished && $0.1 > 0 }) else {
        throw s.invalid(.statusWeights, "expected a weight above 0 for \"finished\"")
      }
    }
    hangupByCalleeRate = try s.rate(.hangupByCalleeRate, default: hangupByCalleeRate)
    callerNumbers = try s.value(.callerNumbers, default: callerNumbers)
    if let bad = callerNumbers.firstIndex(where: { !E164.isValid($0) }) {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: s.codingPath + [CodingKeys.callerNumbers, AnyKey(intValue: bad)!],
          debugDescription: "expected an E.164 number such as \"+6221555012\", got \"\(callerNumbers[bad])\""))
    }
  }
}

/// Decodes `{ "name": weight, … }` into weights over an enum, in the enum's order.
enum Weights {
  static func decode<Key, Value: RawRepresentable<String> & CaseIterable & Equatable>(
    _ s: SettingsContainer<Key>, _ key: Key, allowed: [Value]
  ) throws -> [(Value, Double)] {
    let raw: [String: Double] = try s.value(key, default: [:])
    let names = allowed.map(\.rawValue)
    for name in raw.keys.sorted() where !names.contains(name) {
      let message = Suggestion.unknown("name", name, among: names)
      throw DecodingError.dataCorrupted(
        .init(codingPath: s.codingPath + [key, AnyKey(stringValue: name)], debugDescription: message))
    }
    // Bounded so that the weights' running sum stays finite.
    for name in raw.keys.sorted() {
      let weight = raw[name] ?? 0
      guard !(0...1e9).contains(weight) else { continue }
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: s.codingPath + [key, AnyKey(stringValue: name)],
          debugDescription: "expected a weight from 0 to 1000000000, got \(weight)"))
    }
    let weights = allowed.map { ($0, raw[$0.rawValue] ?? 0) }
    guard weights.contains(where: { $0.1 > 0 }) else { throw s.invalid(key, "expected at least one weight above 0") }
    return weights
  }
}
