/// `Status` of a call, as the seed page enumerates it.
package enum CallStatus: String, Codable, Sendable, CaseIterable {
  case created, pending, finished, cancelled, failed
}
