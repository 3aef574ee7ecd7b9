import Testing

@testable import AIRudderSimCLI
@testable import Contract
@testable import Receiver
@testable import Scenario

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

  /// Interleaved tasks (several workflows at once) each keep their own Sign, also past the
  /// cache's limit, where it is emptied and fills again.
  @Test func cacheKeepsTasksApart() {
    var signer = Signer(key: "k")
    let tasks = (0..<50).map { "task\($0)" }
    for _ in 0..<3 {
      for task in tasks { #expect(signer.sign(taskID: task) == MD5.hex(task + "k")) }
    }
    #expect(signer.cache.count == tasks.count)
  }

  /// More tasks than the cache holds, in two passes: the cache never grows past its limit, it
  /// is emptied when full, and every Sign stays right before, across and after the eviction.
  @Test func cacheEvictsPastItsLimitAndStaysRight() {
    var signer = Signer(key: "k")
    let limit = Signer.cacheLimit
    let tasks = (0..<(limit + 100)).map { "task\($0)" }
    var wrong: [String] = []
    var largest = 0
    var evictions = 0
    for _ in 0..<2 {
      for task in tasks {
        let before = signer.cache.count
        if signer.sign(taskID: task) != MD5.hex(task + "k") { wrong.append(task) }
        if signer.cache.count < before { evictions += 1 }
        largest = max(largest, signer.cache.count)
      }
    }
    #expect(wrong.isEmpty, "wrong Sign for \(wrong.count) tasks, first \(wrong.prefix(3))")
    #expect(largest == limit, "the cache grew to \(largest) entries")
    // Pass one empties it at task 4096 (the 4097th); pass two, holding 100 tasks, again at
    // task 3996.
    #expect(evictions == 2)
    // A task evicted earlier is signed right and remembered again.
    #expect(signer.sign(taskID: tasks[0]) == MD5.hex(tasks[0] + "k") && signer.cache[tasks[0]] != nil)
  }
}
