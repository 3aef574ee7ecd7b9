/// How a client speaks TLS: whom it trusts, whether it verifies at all, and the certificate it
/// shows. A value a command builds from its flags (`--cacert`, `--cacert-add`, `--insecure`,
/// `--cert`, `--cert-key`) and the scenario's `target` keys, and hands to the transport.
package struct TLSSettings: Sendable, Equatable {
  /// Trust the system's store (on Debian, /etc/ssl/certs); `--cacert` turns it off.
  package var systemTrust = true
  /// PEM bundles trusted besides (or, without `systemTrust`, instead of) the system's.
  package var trustFiles: [String] = []
  /// No verification of the server's certificate or name (`--insecure`).
  package var insecure = false
  /// A client certificate chain (PEM) and its private key, for mutual TLS.
  package var clientCertificate: String?
  package var clientKey: String?

  package init() {}

  /// What is trusted, in a few words, for the run's header and report.
  package var trustDescription: String {
    if insecure { return "none (--insecure: certificates are not verified)" }
    let files = trustFiles.joined(separator: " + ")
    if trustFiles.isEmpty { return "system store" }
    return systemTrust ? "system store + \(files)" : files
  }
}
