/// One `AsrResult` line of a transcript: a robot line has `text` empty, a user line has
/// `robottext` empty. `time` is the `HH:MM:SS` offset from the answer.
package struct AsrEntry: Sendable, Hashable {
  package var time: String
  package var robottext: String
  package var text: String

  package init(time: String, robottext: String, text: String) {
    self.time = time
    self.robottext = robottext
    self.text = text
  }
}
