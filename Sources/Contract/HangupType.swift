/// `HangupType`: who ended the call. The page's initial value is `ByRobot`.
package enum HangupType: String, Codable, Sendable, CaseIterable {
  case byCallee = "ByCallee"
  case byRobot = "ByRobot"
  case canceled = "Canceled"
}
