import Foundation
import Testing

@testable import Conformance
@testable import Receiver

/// The built-in mock receiver is the reference: it passes every case (and refuses a bad Sign,
/// which is information).
@Suite struct MockReceiverConformanceTests {
  @Test(arguments: Battery.all.map(\.id))
  func mockReceiverPasses(_ id: String) async throws {
    var configuration = ReceiverConfiguration()
    configuration.port = 0
    let receiver = try MockReceiver.start(configuration: configuration)
    defer { receiver.stop() }
    let result = try await CheckHarness.run(id, at: receiver.url)
    let expected: CheckVerdict = id == "security.bad-sign" ? .info : .pass
    #expect(result.outcome.verdict == expected, "\(result.outcome.summary)")
    if id == "security.bad-sign" { #expect(result.outcome.summary.contains("HTTP 401")) }
  }
}
