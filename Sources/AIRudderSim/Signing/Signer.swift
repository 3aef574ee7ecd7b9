/// Computes AIRudder's `Sign`: lowercase hex of md5(utf8(TaskID + KEY)). One task sends many
/// notifications under one TaskID, so the last answer is remembered.
public struct Signer: Sendable {
  /// The page's default KEY.
  public static let defaultKey = "airudder"

  private let key: String
  private var lastTaskID = ""
  private var lastSign = ""

  public init(key: String = Signer.defaultKey) {
    self.key = key
  }

  /// The Sign for `taskID` under this signer's key.
  public mutating func sign(taskID: String) -> String {
    if taskID != lastTaskID || lastSign.isEmpty {
      lastTaskID = taskID
      lastSign = Self.sign(taskID: taskID, key: key)
    }
    return lastSign
  }

  /// Sets the notification's `Sign`.
  public mutating func sign(_ notification: inout CallCompletionNotification) {
    notification.sign = sign(taskID: notification.taskID)
  }

  public static func sign(taskID: String, key: String) -> String {
    MD5.hex(taskID + key)
  }

  /// True when `sign` is the Sign of `taskID` under `key` (hex case is ignored).
  public static func verify(taskID: String, sign: String, key: String) -> Bool {
    Self.sign(taskID: taskID, key: key) == sign.lowercased()
  }
}
