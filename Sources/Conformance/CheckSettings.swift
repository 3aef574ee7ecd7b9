import HTTP1
import Support

/// What `check` was asked for.
package struct CheckSettings: Sendable {
  /// KEY of the Sign; it never appears in any output.
  package var key = "airudder"
  /// Each request's deadline, connecting included: the timeout AIRudder is assumed to use, and
  /// so the verdicts' threshold (AIRudder's: 10 s).
  package var timeout: Duration = .seconds(10)
  /// Notifications posted at once by `delivery.burst`.
  package var burst = 50
  /// `--save-bodies DIR`: every request body is written there.
  package var saveBodies: String?
  /// Seeds every case's payloads; random per run, so a second run sends no repeats.
  package var seed: UInt64 = UInt64.random(in: 1...(1 << 40))
  /// The sustained phase of `answer.latency`: notifications a second, for how long.
  package var sustainedRate = 20
  package var sustainedDuration: Duration = .seconds(3)
  /// How an https receiver's certificate is checked (nil for http), for the header and JSON.
  package var tls: TLSSettings?

  package init() {}

  /// The timeout as the tool writes durations: `10s`, `300ms`.
  package var shownTimeout: String { SettingDuration(seconds: timeout / .seconds(1)).description }

  /// The timeout as the verdicts use it: `--timeout` sets the one AIRudder is assumed to use.
  /// `AIRudder's 10 s timeout`, or `AIRudder's timeout (10 s by default; --timeout 15s here)`.
  package var airudderTimeout: String {
    timeout == .seconds(10)
      ? "AIRudder's 10 s timeout" : "AIRudder's timeout (10 s by default; --timeout \(shownTimeout) here)"
  }

  /// The header's TLS line: loud with `--insecure`; nil for http.
  package var tlsLine: String? {
    guard let tls else { return nil }
    if tls.insecure { return "tls: INSECURE: certificates and names are NOT verified (--insecure)" }
    return "tls: trusting \(tls.trustDescription)" + (tls.clientCertificate.map { ", client certificate \($0)" } ?? "")
  }
}
