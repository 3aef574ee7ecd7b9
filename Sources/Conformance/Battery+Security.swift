import Contract

/// Security: what the receiver does with a notification it should not trust. Verifying the
/// Sign is optional on the page, so either answer is information; a crash on garbage is a warn.
extension Battery {
  static let security: [CheckCase] = [
    CheckCase(
      "security.bad-sign", .security, title: "A notification with a bad Sign: accepted or refused",
      why: "Anyone who learns the URL can post to it; the Sign is how a receiver can tell AIRudder's notifications apart.",
      basis: "page: Sign 对接方可以验证此签名…也可以不做验证 (the receiver may verify the Sign, or not)"
    ) { probe in
      var notification = probe.payloads.notification("", salt: "security.bad-sign")
      notification.sign = Signer.sign(taskID: notification.taskID, key: "not-the-key")
      let sent = await probe.post(notification.jsonBytes())
      let evidence = [probe.evidence(sent, focus: "\"Sign\"", next: "none: AIRudder never sends a bad Sign")]
      switch sent.exchange.status {
      case .some(200...299):
        return CaseOutcome(.info, "accepted with \(CaseProbe.label(sent.exchange)): the receiver does not check the Sign")
      case .some(400...499):
        return CaseOutcome(.info, "refused with \(CaseProbe.label(sent.exchange)): the receiver checks the Sign")
      default:
        return CaseOutcome(
          .warn, "answered \(CaseProbe.label(sent.exchange)): the receiver broke on a bad Sign", evidence: evidence)
      }
    },
    CheckCase(
      "security.not-json", .security, title: "A body that is not JSON: a 4xx is fine, a 5xx is a warn",
      why: "A receiver on the internet gets garbage; it should refuse it (4xx), not crash on it (5xx, or no answer).",
      basis: "page: Body 参数 application/json; RFC 9110 15.5 (4xx: the client's error)"
    ) { probe in
      let sent = await probe.post(Array("{\"TaskID\": this is not JSON".utf8))
      let evidence = [probe.evidence(sent, next: "none: AIRudder never sends this")]
      switch sent.exchange.status {
      case .some(400...499):
        return CaseOutcome(.pass, "refused with \(CaseProbe.label(sent.exchange))")
      case .some(200...299):
        return CaseOutcome(.info, "accepted with \(CaseProbe.label(sent.exchange)): the receiver does not parse before answering")
      default:
        return CaseOutcome(
          .warn, "\(CaseProbe.answered(sent.exchange)): the receiver broke on input instead of refusing it (4xx)",
          evidence: evidence)
      }
    },
  ]
}
