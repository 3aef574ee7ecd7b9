@testable import AIRudderSimCLI
@testable import Contract
@testable import Delivery
@testable import Generation
@testable import HTTP1
@testable import Receiver
@testable import Reporting
@testable import Scenario
@testable import Support
import Testing

@Suite struct SignerTests {
  /// The seed page's worked example.
  @Test func seedKnownAnswer() {
    #expect(Signer.sign(taskID: "ac23fa05005e59b92e0b8a19fa5faf07", key: "airudder") == "4d6017151d678e816c678d90e56e6e28")
    var signer = Signer()
    #expect(signer.sign(taskID: "ac23fa05005e59b92e0b8a19fa5faf07") == "4d6017151d678e816c678d90e56e6e28")
  }

  @Test func keyChangesTheSign() {
    #expect(Signer.sign(taskID: "ac23fa05005e59b92e0b8a19fa5faf07", key: "other") != "4d6017151d678e816c678d90e56e6e28")
  }

  @Test func verifyAcceptsUppercaseHexAndRejectsOthers() {
    let task = "ac23fa05005e59b92e0b8a19fa5faf07"
    #expect(Signer.verify(taskID: task, sign: "4D6017151D678E816C678D90E56E6E28", key: "airudder"))
    #expect(!Signer.verify(taskID: task, sign: "4d6017151d678e816c678d90e56e6e29", key: "airudder"))
    #expect(!Signer.verify(taskID: task, sign: "4d6017151d678e816c678d90e56e6e28", key: "wrong"))
  }

  /// Interleaved tasks (several workflows at once) each keep their own Sign.
  @Test func cacheKeepsTasksApart() {
    var signer = Signer(key: "k")
    let tasks = (0..<50).map { "task\($0)" }
    for _ in 0..<3 {
      for task in tasks { #expect(signer.sign(taskID: task) == MD5.hex(task + "k")) }
    }
  }
}
