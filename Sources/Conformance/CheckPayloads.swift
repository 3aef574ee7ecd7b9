import Contract
import Foundation
import Generation
import Scenario
import Support

/// The bodies the cases send: real contract payloads from the generator, signed with the KEY,
/// each case on a seed of its own (from the run's seed), so that no case's calls repeat
/// another's, nor an earlier run's, and a receiver that rejects duplicates is caught by the
/// duplicate case only.
package struct CheckPayloads: Sendable {
  let key: String
  let seed: UInt64

  package init(key: String, seed: UInt64) {
    self.key = key
    self.seed = seed
  }

  /// The page's own example, re-signed for the KEY.
  func pageExample() -> [UInt8] {
    PageExample.signed(key: key)
  }

  /// `count` notifications of a scenario written in JSON5 (its seed is the case's), keeping
  /// only those with a call for which `wanted` holds (searching at most `search` of them).
  /// `single`: each keeps only its first such call, so that every run sends the same shape
  /// (how many calls the generator aggregates depends on the seed); several calls in one
  /// notification are the business of the cases made for them.
  func notifications(
    _ settings: String, salt: String, count: Int = 1, search: Int = 2_000, single: Bool = true,
    where wanted: (CallDetail) -> Bool = { _ in true }
  ) -> [CallCompletionNotification] {
    let text = "{ seed: \(caseSeed(salt)), \(settings) }"
    // The settings are this file's own: a mistake in them is a bug, found by the tests.
    let scenario: Scenario
    do {
      scenario = try ScenarioLoader.decode(Data(text.utf8), file: "check:\(salt)")
    } catch {
      preconditionFailure("check: invalid scenario for \(salt): \(error.messages.joined(separator: "; "))")
    }
    var found: [CallCompletionNotification] = []
    for generated in NotificationGenerator(scenario: scenario, limit: search) {
      var notification = generated.notification
      guard let call = notification.details.first(where: wanted) else { continue }
      if single { notification.details = [call] }
      found.append(notification)
      if found.count == count { break }
    }
    return found
  }

  /// One notification of a scenario; the first whose calls include one for which `wanted` holds.
  func notification(
    _ settings: String, salt: String, search: Int = 2_000, where wanted: (CallDetail) -> Bool = { _ in true }
  ) -> CallCompletionNotification {
    notifications(settings, salt: salt, search: search, where: wanted).first
      ?? notifications(settings, salt: salt)[0]
  }

  /// The notification signed with the KEY, as compact JSON.
  func body(_ notification: CallCompletionNotification) -> [UInt8] {
    var signed = notification
    signed.sign = Signer.sign(taskID: notification.taskID, key: key)
    return signed.jsonBytes()
  }

  /// Realistic collection notifications of one call each, for the delivery and answer cases.
  func ordinary(salt: String, count: Int = 1) -> [[UInt8]] {
    notifications(
      "contactsPerWorkflow: \(max(40, count * 4)), aggregation: { window: \"0s\", maxBatch: 1 }", salt: salt, count: count
    )
    .map(body)
  }

  /// One notification of one task with its first `count` calls, as when calls end together.
  func several(_ count: Int, salt: String) -> CallCompletionNotification {
    let generated = notifications(
      "contactsPerWorkflow: \(count * 20), aggregation: { window: \"1h\", maxBatch: \(count) }", salt: salt, count: 4,
      single: false)
    var batch = generated.first { $0.details.count >= count } ?? generated[0]
    // Rarely short: the task's calls from its other notifications make up the count.
    let more = generated.filter { $0.taskID == batch.taskID }.flatMap(\.details).filter { call in
      !batch.details.contains { $0.callID == call.callID }
    }
    batch.details = Array((batch.details + more).prefix(count))
    return batch
  }

  /// `a body of 1,061,878 bytes with 370 calls in Details`: what a shape case sent.
  static func described(_ body: [UInt8]) -> String {
    let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]
    let calls = (object?["Details"] as? [Any])?.count
    return "a body of \(Evidence.grouped(body.count)) bytes"
      + (calls.map { " with \($0) \($0 == 1 ? "call" : "calls") in Details" } ?? "")
  }

  /// Seeds the generator accepts exactly (JSON5 numbers are doubles: below 2^53).
  private func caseSeed(_ salt: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in salt.utf8 {
      hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
    }
    return (seed ^ hash) & ((1 << 52) - 1)
  }
}
