import Contract
import Scenario

/// What the mock receiver saw, as `run` reports it next to the sender's counts.
package struct ReceiverCounts: Codable, Sendable, Equatable {
  package var requests: Int
  /// Distinct notifications accepted (answered 200): one accepted again counts once.
  package var accepted: Int
  /// Details in accepted notifications (a duplicate delivery counts its calls again).
  package var details: Int
  /// Distinct CallIDs accepted.
  package var uniqueCalls: Int
  /// Accepted calls whose CallID had been seen before (retries after a late answer).
  package var duplicates: Int
  package var badSignatures: Int
  package var schemaViolations: Int
  /// Answers by HTTP status, as text keys ("200", "503"); dropped connections under "dropped".
  package var answers: [String: Int]
  /// The first few schema problems, for people.
  package var firstViolations: [String]

  package init(
    requests: Int = 0, accepted: Int = 0, details: Int = 0, uniqueCalls: Int = 0, duplicates: Int = 0,
    badSignatures: Int = 0, schemaViolations: Int = 0, answers: [String: Int] = [:], firstViolations: [String] = []
  ) {
    self.requests = requests
    self.accepted = accepted
    self.details = details
    self.uniqueCalls = uniqueCalls
    self.duplicates = duplicates
    self.badSignatures = badSignatures
    self.schemaViolations = schemaViolations
    self.answers = answers
    self.firstViolations = firstViolations
  }

  enum CodingKeys: String, CodingKey {
    case requests, accepted, details, duplicates, answers
    case uniqueCalls = "unique_calls"
    case badSignatures = "bad_signatures"
    case schemaViolations = "schema_violations"
    case firstViolations = "first_violations"
  }
}
