/// Delivery semantics: what AIRudder's dialer and retry policy do to a receiver.
extension Battery {
  static let delivery: [CheckCase] = [
    CheckCase(
      "delivery.duplicate", .delivery, title: "A duplicate (the same bytes again) gets a 2xx",
      why: "After a late answer AIRudder resends identical bytes; any answer but a 2xx makes it retry five more times.",
      basis: "CONTRACT.md decision 4 (a retry resends identical bytes; receivers must be idempotent on CallID)"
    ) { probe in
      let body = probe.payloads.ordinary(salt: "delivery.duplicate")[0]
      let first = await probe.post(body)
      guard first.exchange.accepted else {
        return probe.mustAccept([first], "the first copy")
      }
      let second = await probe.post(body)
      guard second.exchange.accepted else {
        return CaseOutcome(
          .fail, "the first copy was accepted, the same bytes again got \(CaseProbe.label(second.exchange))",
          evidence: [
            probe.evidence(
              second, focus: "\"CallID\"",
              next: CaseProbe.retryStory + "; the receiver already has these calls, so every retry is refused the same way",
              hint: "deduplicate on CallID and answer 2xx to a notification already stored")
          ])
      }
      return CaseOutcome(.pass, "both copies answered 2xx")
    },
    CheckCase(
      "delivery.same-task", .delivery, title: "Many notifications under one TaskID and Sign",
      why: "A workflow task sends a notification whenever calls end: the TaskID and Sign repeat, the CallIDs differ.",
      basis: "CONTRACT.md decision 5 (one task, many notifications, one Sign; a call is identified by CallID)"
    ) { probe in
      let notifications = probe.payloads.notifications(
        "contactsPerWorkflow: 60, aggregation: { window: \"0s\", maxBatch: 2 }", salt: "delivery.same-task", count: 10)
      let sameTask = notifications.filter { $0.taskID == notifications[0].taskID }
      let sent = await probe.post(sameTask.map(probe.payloads.body))
      return probe.mustAccept(sent, "\(sameTask.count) notifications of one task", focus: "\"TaskID\"", planned: sameTask.count)
    },
    CheckCase(
      "delivery.burst", .delivery, title: "A concurrent burst, all answered 2xx within the timeout",
      why: "A dialer on many lines ends many calls at once: notifications arrive together (--burst, default 50); "
        + "warn when the slowest answer takes over 1 s.",
      basis: "page: 电话并发拨打 (calls are dialled concurrently); 请在收到数据10s内响应"
    ) { probe in
      let bodies = probe.payloads.ordinary(salt: "delivery.burst", count: probe.settings.burst)
      let sent = await probe.burst(bodies)
      let outcome = probe.mustAccept(sent, "\(sent.count) notifications at once")
      guard outcome.verdict == .pass, let slowest = sent.max(by: { $0.exchange.seconds < $1.exchange.seconds }),
        slowest.exchange.seconds > 1
      else { return outcome }
      return CaseOutcome(
        .warn,
        "\(sent.count) notifications at once: all answered 2xx, the slowest after \(Evidence.milliseconds(slowest.exchange.seconds))",
        evidence: [
          probe.evidence(
            slowest,
            next:
              "AIRudder counts it delivered; answers this slow under a burst leave little room before"
              + " \(probe.settings.airudderTimeout) on a busier day",
            hint: (slowest.exchange.connectSeconds ?? 0) > 0.5
              ? nil : "answer before processing, with enough workers for every line of the dialer")
        ])
    },
    CheckCase(
      "delivery.timeout", .delivery, title: "Answered within AIRudder's timeout (10 s, or --timeout)",
      why:
        "Past its timeout (10 s) AIRudder has given up: it retries a minute later, and the receiver, which stored the first, sees a duplicate.",
      basis: "page: 请在收到数据10s内响应 (answer within 10 s); CONTRACT.md decisions 1 and 2"
    ) { probe in
      let sent = await probe.post(probe.payloads.ordinary(salt: "delivery.timeout")[0])
      if sent.exchange.timedOut {
        return CaseOutcome(
          .fail,
          (sent.exchange.result == .failure(.timeout) ? "no answer" : "no complete answer (\(CaseProbe.label(sent.exchange)))")
            + " within the \(probe.settings.shownTimeout) timeout (\(probe.settings.airudderTimeout))",
          evidence: [probe.evidence(sent, hint: "answer first, then store and process asynchronously, as the page asks")])
      }
      return probe.mustAccept([sent], "a notification, within \(probe.settings.airudderTimeout)")
    },
    CheckCase(
      "delivery.fresh-connections", .delivery, title: "A fresh connection per request",
      why: "AIRudder may open a new connection for every notification; each must be served.",
      basis: "page: POST to the configured URL (no connection reuse promised)"
    ) { probe in
      var sent: [CaseProbe.Sent] = []
      for body in probe.payloads.ordinary(salt: "delivery.fresh-connections", count: 5) {
        sent.append(await probe.post(body))
        if !sent[sent.count - 1].exchange.accepted { break }
      }
      return probe.mustAccept(sent, "5 notifications on 5 connections", planned: 5)
    },
    CheckCase(
      "delivery.keep-alive", .delivery, title: "Reused connections, where the receiver keeps them alive",
      why:
        "A receiver that says keep-alive must serve the next request on that connection; one that closes after each answer is not at fault.",
      basis: "RFC 9112 9.3 (persistent connections); CONTRACT.md decision 2 (a connection error is a failed attempt)"
    ) { probe in
      let sent = await probe.post(probe.payloads.ordinary(salt: "delivery.keep-alive", count: 5), reuse: true)
      let outcome = probe.mustAccept(sent, "5 notifications on kept-alive connections", planned: 5)
      guard outcome.verdict == .pass else {
        var failed = outcome
        // The connection is to blame only when no answer came on it; an HTTP answer is the receiver's.
        if sent.contains(where: { !$0.exchange.accepted && $0.exchange.reused && $0.exchange.status == nil }) {
          failed.summary += "; a request on a connection the receiver had kept alive failed"
          failed.evidence = failed.evidence.map { evidence in
            var evidence = evidence
            if evidence.reusedConnection && evidence.status == nil {
              evidence.hint = "the previous answer kept the connection open (no Connection: close), but this request on it failed"
            }
            return evidence
          }
        }
        return failed
      }
      let reused = sent.filter(\.exchange.reused).count
      return CaseOutcome(
        .pass,
        reused == 0
          ? "the receiver closes the connection after each answer (fine: AIRudder connects anew)"
          : "\(reused) of 5 requests went on a reused connection, all answered 2xx")
    },
  ]
}
