import HTTP1
import Receiver

/// `/metrics` in Prometheus' text exposition format (version 0.0.4): the sender's counters,
/// gauges and latency histogram (`run`) and the mock receiver's counters (`receive`, and `run`
/// with the built-in receiver). Names follow Prometheus' conventions (README, Metrics).
package enum MetricsExposition {
  package static let contentType = "text/plain; version=0.0.4; charset=utf-8"

  /// Upper bounds of the latency histogram's buckets, in seconds: from a millisecond to past
  /// AIRudder's 10 s timeout.
  package static let latencyBounds: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]

  /// The page for a scrape; either side may be absent.
  package static func text(sender: RunCounts?, receiver: ReceiverCounts?) -> String {
    var out = ""
    if let sender { out += senderText(sender) }
    if let receiver { out += receiverText(receiver) }
    return out
  }

  private static func family(_ name: String, _ type: String, _ help: String) -> String {
    "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
  }

  private static func senderText(_ counts: RunCounts) -> String {
    var out = family(
      "airudder_sim_notifications_generated_total", "counter", "Notifications generated and signed to be posted.")
    out += "airudder_sim_notifications_generated_total \(counts.generated)\n"
    out += family(
      "airudder_sim_notifications_total", "counter",
      "Notifications that reached their end state: delivered, dropped, abandoned or cancelled.")
    for (state, value) in [
      ("delivered", counts.delivered), ("dropped", counts.dropped), ("abandoned", counts.abandoned),
      ("cancelled", counts.cancelled),
    ] {
      out += "airudder_sim_notifications_total{state=\"\(state)\"} \(value)\n"
    }
    out += family(
      "airudder_sim_notifications_delivered_on_attempt_total", "counter", "Delivered notifications by the attempt that succeeded."
    )
    for (index, value) in counts.deliveredOnAttempt.enumerated() {
      out += "airudder_sim_notifications_delivered_on_attempt_total{attempt=\"\(index + 1)\"} \(value)\n"
    }
    out += family("airudder_sim_attempts_total", "counter", "POST attempts that ended, by class (2xx, 4xx, 5xx, timeout, ...).")
    for (attemptClass, value) in counts.attemptsByClass {
      out += "airudder_sim_attempts_total{class=\"\(attemptClass.rawValue)\"} \(value)\n"
    }
    out += family("airudder_sim_attempts_in_flight", "gauge", "Attempts in flight now.")
    out += "airudder_sim_attempts_in_flight \(counts.inFlight)\n"
    out += family("airudder_sim_retries_waiting", "gauge", "Notifications waiting for their next retry now.")
    out += "airudder_sim_retries_waiting \(counts.waitingRetry)\n"
    out += histogram(counts.latency)
    return out
  }

  /// The latency histogram with cumulative `le` buckets, read from the run's log-linear
  /// histogram: a bucket counts the values certainly at or below its bound (within 1.6%).
  private static func histogram(_ latency: LatencyHistogram) -> String {
    let name = "airudder_sim_attempt_duration_seconds"
    var out = family(name, "histogram", "Attempt latency from its intended start to its end.")
    for bound in latencyBounds {
      let count = latency.countAtOrBelow(microseconds: UInt64((bound * 1_000_000).rounded()))
      out += "\(name)_bucket{le=\"\(format(bound))\"} \(count)\n"
    }
    out += "\(name)_bucket{le=\"+Inf\"} \(latency.count)\n"
    out += "\(name)_sum \(format(Double(latency.sumMicroseconds) / 1_000_000))\n"
    out += "\(name)_count \(latency.count)\n"
    return out
  }

  private static func receiverText(_ counts: ReceiverCounts) -> String {
    var out = ""
    for (name, help, value) in [
      ("airudder_sim_receiver_requests_total", "Requests the mock receiver read.", counts.requests),
      (
        "airudder_sim_receiver_notifications_accepted_total",
        "Distinct notifications the mock receiver accepted (answered 200); one accepted again counts once.", counts.accepted
      ),
      ("airudder_sim_receiver_details_total", "Details (calls) in accepted notifications.", counts.details),
      ("airudder_sim_receiver_unique_calls_total", "Distinct CallIDs accepted.", counts.uniqueCalls),
      ("airudder_sim_receiver_duplicates_total", "Accepted calls whose CallID had been accepted before.", counts.duplicates),
      ("airudder_sim_receiver_bad_signatures_total", "Notifications refused for a wrong Sign (401).", counts.badSignatures),
      (
        "airudder_sim_receiver_schema_violations_total", "Notifications refused for a schema violation (400).",
        counts.schemaViolations
      ),
    ] {
      out += family(name, "counter", help) + "\(name) \(value)\n"
    }
    out += family(
      "airudder_sim_receiver_answers_total", "counter", "Answers by HTTP status; connections closed without one as \"dropped\".")
    for (status, value) in counts.answers.sorted(by: { $0.key < $1.key }) {
      out += "airudder_sim_receiver_answers_total{status=\"\(escapeLabel(status))\"} \(value)\n"
    }
    return out
  }

  /// A sample value as Prometheus reads it: no exponent for the bounds we use.
  static func format(_ value: Double) -> String {
    if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
    return String(value)
  }

  static func escapeLabel(_ value: String) -> String {
    value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
      .replacingOccurrences(of: "\n", with: "\\n")
  }
}
