import Foundation
import Testing

@testable import Conformance

/// Runs `check` cases in-process against a test's receiver.
enum CheckHarness {
  /// Settings for tests: generous timeouts (a loaded machine), a smaller burst and a shorter
  /// sustained phase.
  static func settings(timeout: Duration = .seconds(5)) -> CheckSettings {
    var settings = CheckSettings()
    settings.timeout = timeout
    settings.burst = 20
    settings.sustainedRate = 20
    settings.sustainedDuration = .milliseconds(1500)
    return settings
  }

  static func run(_ id: String, at url: URL, settings: CheckSettings = settings()) async throws -> CaseResult {
    let check = try #require(Battery.named(id))
    let transport = try #require(SocketCheckTransport(url: url))
    let runner = CheckRunner(target: url.absoluteString, settings: settings, transport: transport)
    return await runner.run([check]).results.results[0]
  }
}
