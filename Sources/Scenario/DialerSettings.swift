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
  /// Relative weights of the ring types of unanswered dials; `normal` is a dial that rang
  /// until `noAnswerTimeout` without an answer, the most common outcome of outbound dialing.
  package var ringTypeWeights: [(RingType, Double)] = [
    (.normal, 45), (.busy, 15), (.cantuse, 2), (.hold, 8), (.line, 4), (.switchoff, 12), (.outofarea, 5),
    (.unregister, 4), (.wrongnum, 3), (.notmatch, 2),
  ]
  /// Ringing before an answer.
  package var ringTime = TimeDistribution(median: 8, spread: 0.45, min: 2, max: 40)
  /// Ringing of a dial that is held or queued (ring types `hold` and `line`); others but
  /// `normal` fail within 5 s.
  package var noAnswerRingTime = TimeDistribution(median: 30, spread: 0.2, min: 15, max: 44)
  /// How long a dial rings before the dialer gives up (`normal` without an answer).
  package var noAnswerTimeout = SettingDuration.seconds(45)
  /// Talk time of every answered call; nil means each label's own (`LabelBehaviour`).
  package var talkTime: TimeDistribution?
  /// Pause on a line between two dials.
  package var wrapUp = SettingDuration.seconds(2)
  /// Start of workflow i is `startTime + i * workflowStagger`.
  package var workflowStagger = SettingDuration.seconds(0)
  /// Relative weights of a final `Status`: finished, failed (never placed), cancelled.
  package var statusWeights: [(CallStatus, Double)] = [(.finished, 100), (.failed, 0), (.cancelled, 0)]
  /// Probability that an answered call is ended by the callee rather than the robot; nil
  /// means each label's own.
  package var hangupByCalleeRate: Double?
  /// Local hours in which calls are placed; nil means the country's (`CountryData`).
  package var callingHours: CallingHours?
  /// Caller IDs the lines use; empty means numbers of the scenario's country.
  package var callerNumbers: [String] = []

  package init() {}

  enum CodingKeys: String, CodingKey, CaseIterable {
    case lines, redialLimit, redialInterval, redialOnLabels, connectRate, ringTypeWeights, ringTime
    case noAnswerRingTime, noAnswerTimeout, talkTime, wrapUp, workflowStagger, statusWeights, hangupByCalleeRate
    case callingHours, callerNumbers
  }

  package init(from decoder: any Decoder) throws {
    let s = try SettingsContainer(decoder, keys: CodingKeys.self)
    lines = try s.value(.lines, default: lines, in: 1...100_000, expected: "a whole number from 1 to 100000")
    redialLimit = try s.value(.redialLimit, default: redialLimit, in: 1...20, expected: "a whole number from 1 to 20")
    redialInterval = try s.value(.redialInterval, default: redialInterval)
    redialOnLabels = try s.value(.redialOnLabels, default: redialOnLabels)
    connectRate = try s.rate(.connectRate, default: connectRate)
    if s.contains(.ringTypeWeights) {
      ringTypeWeights = try Weights.decode(s, .ringTypeWeights, allowed: [.normal] + RingType.unconnected)
    }
    noAnswerTimeout = try s.value(.noAnswerTimeout, default: noAnswerTimeout)
    guard noAnswerTimeout.seconds >= 1 else { throw s.invalid(.noAnswerTimeout, "expected at least 1s, got \(noAnswerTimeout)") }
    ringTime = try s.value(.ringTime, default: ringTime)
    // An answer comes before the dialer gives up (draws past it are cut to a second before).
    guard ringTime.median < noAnswerTimeout.seconds else {
      throw s.invalid(
        .ringTime,
        "expected a median below noAnswerTimeout (\(noAnswerTimeout)), got \(SettingDuration.seconds(ringTime.median))")
    }
    noAnswerRingTime = try s.value(.noAnswerRingTime, default: noAnswerRingTime)
    talkTime = try s.optional(.talkTime)
    if let talkTime {
      guard talkTime.min >= 1 else {
        throw s.invalid(.talkTime, "expected a talk time of at least 1s (its min, or its median without a min)")
      }
      // A transcript has a line every few seconds of talk: an hour keeps a notification's size sane.
      guard talkTime.max <= 3600 else {
        throw s.invalid(
          .talkTime,
          "expected a talk time of at most 1h (its max, or its median without a max), got \(SettingDuration.seconds(talkTime.max))"
        )
      }
    }
    wrapUp = try s.value(.wrapUp, default: wrapUp)
    workflowStagger = try s.value(.workflowStagger, default: workflowStagger)
    if s.contains(.statusWeights) {
      statusWeights = try Weights.decode(s, .statusWeights, allowed: [.finished, .failed, .cancelled])
      guard statusWeights.contains(where: { $0.0 == .finished && $0.1 > 0 }) else {
        throw s.invalid(.statusWeights, "expected a weight above 0 for \"finished\"")
      }
    }
    hangupByCalleeRate = try s.optional(.hangupByCalleeRate, in: 0...1, expected: "a rate from 0 to 1")
    callingHours = try s.optional(.callingHours)
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
