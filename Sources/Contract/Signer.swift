/// Computes AIRudder's `Sign`: lowercase hex of md5(utf8(TaskID + KEY)). One task sends many
/// notifications under one TaskID, so answers are remembered (for a bounded number of tasks).
package struct Signer: Sendable {
  /// The page's default KEY.
  package static let defaultKey = "airudder"
  /// Internal (not private) for the tests, which go past it.
  static let cacheLimit = 4096

  private let key: String
  private(set) var cache: [String: String] = [:]

  package init(key: String = Signer.defaultKey) {
    self.key = key
  }

  /// The Sign for `taskID` under this signer's key.
  package mutating func sign(taskID: String) -> String {
    if let known = cache[taskID] { return known }
    if cache.count >= Self.cacheLimit { cache.removeAll(keepingCapacity: true) }
    let sign = Self.sign(taskID: taskID, key: key)
    cache[taskID] = sign
    return sign
  }

  /// Sets the notification's `Sign`.
  package mutating func sign(_ notification: inout CallCompletionNotification) {
    notification.sign = sign(taskID: notification.taskID)
  }

  package static func sign(taskID: String, key: String) -> String {
    MD5.hex(taskID + key)
  }

  /// True when `sign` is the Sign of `taskID` under `key` (hex case is ignored).
  package static func verify(taskID: String, sign: String, key: String) -> Bool {
    Self.sign(taskID: taskID, key: key) == sign.lowercased()
  }
}
