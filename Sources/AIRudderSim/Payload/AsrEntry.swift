/// One `AsrResult` line of a transcript: a robot line has `text` empty, a user line has
/// `robottext` empty. `time` is the `HH:MM:SS` offset from the answer.
public struct AsrEntry: Codable, Sendable, Hashable {
  public var time: String
  public var robottext: String
  public var text: String

  public init(time: String, robottext: String, text: String) {
    self.time = time
    self.robottext = robottext
    self.text = text
  }
}
