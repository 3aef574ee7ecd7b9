/// A case's verdict, as h2spec and Autobahn give them.
package enum CheckVerdict: String, Sendable, CaseIterable, Codable {
  /// The receiver did what AIRudder needs.
  case pass
  /// AIRudder would retry or drop: a receiver bug. Any fail makes `check` exit 1.
  case fail
  /// It works, but it is risky (slow answers, a crash on garbage).
  case warn
  /// A fact about the receiver, not a fault (whether it checks the Sign, what it answers).
  case info
}
