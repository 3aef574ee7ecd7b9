import Contract
import Foundation

/// Payload shapes the page allows, part two: text and numbers at their edges, fields the
/// receiver does not know, and the largest batch.
extension Battery {
  static let moreShapes: [CheckCase] = [
    severalCalls,
    CheckCase(
      "shape.non-latin", .shape, title: "Non-Latin and emoji names",
      why: "AIRudder dials in Indonesia, the Philippines, China, the Middle East…: names come in any script, emoji included.",
      basis: "page: Content-Type application/json (UTF-8); CalleeName string"
    ) { probe in
      var notification = probe.payloads.notification("edgeCases: { nonLatinNames: 1 }", salt: "shape.non-latin")
      notification.details[0].calleeName = "王秀英 😀"
      return await accept(probe, probe.payloads.body(notification), "non-Latin names", focus: "王秀英")
    },
    CheckCase(
      "shape.escaped-strings", .shape, title: "Quotes, backslashes and control characters in names",
      why: "JSON escapes them; a receiver that builds SQL or JSON by hand from the fields breaks.",
      basis: "page: Content-Type application/json; CalleeName string"
    ) { probe in
      var notification = probe.payloads.notification("edgeCases: { escapedNames: 1 }", salt: "shape.escaped-strings")
      notification.details[0].calleeName = "O'Brien \"Jr\" C:\\Users\tTab\u{01}"
      return await accept(probe, probe.payloads.body(notification), "escaped names", focus: "O'Brien")
    },
    CheckCase(
      "shape.long-strings", .shape, title: "Long strings (past common column sizes)",
      why: "The page bounds no string: a 300-character name overflows VARCHAR(255), a 1,100-character ExtraA VARCHAR(1024).",
      basis: "page: CalleeName, ExtraA string (no length given)"
    ) { probe in
      var notification = probe.payloads.notification(
        "edgeCases: { longNames: 1, longNameLength: 300 }", salt: "shape.long-strings")
      notification.details[0].extraA = String(repeating: "ExtraA-", count: 158)
      return await accept(
        probe, probe.payloads.body(notification), "CalleeName of 300 characters, ExtraA of 1,106",
        focus: "\"CalleeName\"")
    },
    CheckCase(
      "shape.large-numbers", .shape, title: "Large id values (past 32 bits)",
      why: "The page's example id 2123875204 is already near 2³¹; ids past it overflow a 32-bit column or int.",
      basis: "page: Details.id integer (示例 2123875204)"
    ) { probe in
      var notification = probe.payloads.notification("contactsPerWorkflow: 12", salt: "shape.large-numbers")
      // 2⁵³ − 1: past 32 bits signed or not, and still exact in a double (JavaScript's largest safe integer).
      notification.details[0].id = 9_007_199_254_740_991
      return await accept(probe, probe.payloads.body(notification), "id 2⁵³ − 1", focus: "\"id\":9007199254740991")
    },
    CheckCase(
      "shape.long-call-id", .shape, title: "Long CallIDs and CaseIDs",
      why: "CallID is the receiver's deduplication key and the page gives it no length: it must fit whatever column holds it.",
      basis: "page: CallID string; CONTRACT.md decision 5 (CallID identifies a call)"
    ) { probe in
      var notification = probe.payloads.notification("", salt: "shape.long-call-id")
      notification.details[0].callID += String(repeating: "0123456789abcdef", count: 6)
      notification.details[0].caseID = String(repeating: "9", count: 64) + ".0"
      return await accept(probe, probe.payloads.body(notification), "long CallIDs", focus: "\"CallID\"")
    },
    CheckCase(
      "shape.redial-limit", .shape, title: "CallTimes at the redial limit (20), with 19 RedailCall entries",
      why: "An unanswered contact is dialled up to the workflow's redial limit; every earlier dial is listed in RedailCall.",
      basis: "page: CallTimes, RedailCall array [object {8}]; 按照任务中配置的重拨次数进行拨打"
    ) { probe in
      let notification = probe.payloads.notification(
        "contactsPerWorkflow: 30, dialer: { lines: 30, redialLimit: 20, connectRate: 0.01, redialInterval: \"1m\" }",
        salt: "shape.redial-limit", search: 5_000
      ) { $0.callTimes == 20 && ($0.redialCalls?.count ?? 0) == 19 }
      return await accept(probe, probe.payloads.body(notification), "CallTimes 20", focus: "\"CallTimes\":20")
    },
    CheckCase(
      "shape.unknown-fields", .shape, title: "Unknown extra fields in the envelope and in Details",
      why: "Fields vary by country (此字段因国家/地区而异) and AIRudder adds fields: a strict schema rejects tomorrow's payload.",
      basis: "page: 此字段因国家/地区而异 (fields vary by country/region)"
    ) { probe in
      let notification = probe.payloads.notification("", salt: "shape.unknown-fields") { $0.redialCalls != nil }
      let body = probe.payloads.body(notification)
      return await accept(probe, withUnknownFields(body), "unknown fields", focus: "\"RegionCode\"")
    },
    CheckCase(
      "shape.largest-batch", .shape, title: "The largest realistic batch (100+ Details, over 1 MiB)",
      why: "Calls that end together are aggregated into one notification: a busy dialer sends bodies past common 1 MiB limits.",
      basis: "page: Details 这里会聚合通知 (calls ending together are aggregated)"
    ) { probe in
      return await accept(probe, largestBatch(probe.payloads), "the largest batch", focus: "\"Details\"")
    },
  ]

  /// `shape.several-calls`: three ordinary calls in one notification.
  static let severalCalls = CheckCase(
    "shape.several-calls", .shape, title: "Several calls in one notification",
    why: "Calls that end together share one notification: a receiver that reads only Details[0], or expects exactly one call, "
      + "loses the others or refuses them all.",
    basis: "page: Details 这里会聚合通知 (Details is an array of the calls that ended together)"
  ) { probe in
    let notification = probe.payloads.several(3, salt: "shape.several-calls")
    return await accept(probe, probe.payloads.body(notification), "calls that ended together", focus: "},{\"")
  }

  /// `body` with a field the page does not list in the envelope, in each call and in each
  /// `RedailCall` entry.
  static func withUnknownFields(_ body: [UInt8]) -> [UInt8] {
    var text = String(decoding: body, as: UTF8.self)
    text = "{\"RegionCode\":\"ID-JK\",\"SchemaVersion\":2," + text.dropFirst()
    text = text.replacingOccurrences(of: "{\"id\":", with: "{\"CallTag\":{\"source\":\"check\"},\"CallCost\":0.125,\"id\":")
    text = text.replacingOccurrences(of: "{\"CallID\":", with: "{\"Carrier\":\"unknown\",\"CallID\":")
    return Array(text.utf8)
  }

  /// One notification of one task with full transcripts: the task's calls, in the order they
  /// ended, until the body passes 1 MiB (and holds at least 100).
  static func largestBatch(_ payloads: CheckPayloads) -> [UInt8] {
    let generated = payloads.notifications(
      "contactsPerWorkflow: 3000, dialer: { lines: 300, connectRate: 1, talkTime: [\"120s\", \"150s\"] },"
        + " edgeCases: { allOptionalPresent: 1 }, aggregation: { window: \"1h\", maxBatch: 1000 }",
      salt: "shape.largest-batch", count: 2, search: 2, single: false)
    var batch = generated[0]
    batch.details = []
    var body: [UInt8] = []
    for call in generated.filter({ $0.taskID == batch.taskID }).flatMap(\.details) {
      batch.details.append(call)
      guard batch.details.count >= 100, batch.details.count % 10 == 0 else { continue }
      body = payloads.body(batch)
      if body.count > 1 << 20 { return body }
    }
    return payloads.body(batch)
  }
}
