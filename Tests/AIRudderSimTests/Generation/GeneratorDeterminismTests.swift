import Foundation
import Testing

@testable import AIRudderSimCLI
@testable import Contract
@testable import Generation
@testable import Receiver
@testable import Scenario
@testable import Support

@Suite struct GeneratorDeterminismTests {
  private func ndjson(_ scenario: Scenario, count: Int) -> [UInt8] {
    var signer = Signer()
    var bytes: [UInt8] = []
    for var item in NotificationGenerator(scenario: scenario, limit: count) {
      signer.sign(&item.notification)
      bytes += item.notification.jsonBytes()
      bytes.append(UInt8(ascii: "\n"))
    }
    return bytes
  }

  @Test(arguments: ["smoke.json", "collection.json", "edge-cases.json"])
  func sameSeedSameBytesOtherSeedOtherBytes(file: String) throws {
    var scenario = try ScenarioLoader.load(path: RepositoryPath.scenario(file))
    let first = ndjson(scenario, count: 200)
    let second = ndjson(scenario, count: 200)
    #expect(first == second)
    scenario.seed &+= 1
    #expect(ndjson(scenario, count: 200) != first)
  }

  /// The smoke scenario at its seed (42), byte for byte.
  @Test func smokeGoldenFile() throws {
    let scenario = try ScenarioLoader.load(path: RepositoryPath.scenario("smoke.json"))
    try assertGolden(String(decoding: ndjson(scenario, count: 1000), as: UTF8.self), file: "smoke-seed-42.ndjson")
  }

  /// `limit` and the scenario's end both stop the sequence; every contact is notified once.
  @Test func endsAtTheScenarioEndWithEveryContactNotified() throws {
    let scenario = try ScenarioLoader.load(path: RepositoryPath.scenario("smoke.json"))
    let all = Array(NotificationGenerator(scenario: scenario))
    #expect(all.flatMap(\.notification.details).count == scenario.workflows * scenario.contactsPerWorkflow)
    #expect(Array(NotificationGenerator(scenario: scenario, limit: 3)).count == 3)
  }

  /// Staggered workflows interleave in send-time order.
  @Test func workflowsInterleave() throws {
    var scenario = Scenario()
    scenario.workflows = 3
    scenario.contactsPerWorkflow = 50
    scenario.dialer.workflowStagger = .seconds(30)
    let items = Array(NotificationGenerator(scenario: scenario))
    #expect(Set(items.map(\.workflow)) == [0, 1, 2])
    #expect(items.map(\.sendTime) == items.map(\.sendTime).sorted())
    #expect(Set(items.map(\.notification.taskID)).count == 3)
  }
}
