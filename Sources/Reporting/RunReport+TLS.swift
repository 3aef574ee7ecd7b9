/// The report's `tls` member: how an https receiver's certificate was checked, so a report
/// made with `--insecure` says so.
extension RunReport {
  package struct TLS: Codable, Sendable, Equatable {
    /// Nothing was verified (`--insecure`).
    package var insecure: Bool
    /// `system store`, `ca.pem`, `system store + ca.pem`, or none with `insecure`.
    package var trust: String
    /// The client certificate shown (mutual TLS), if any.
    package var clientCertificate: String?

    enum CodingKeys: String, CodingKey {
      case insecure, trust
      case clientCertificate = "client_certificate"
    }

    package init(insecure: Bool, trust: String, clientCertificate: String?) {
      self.insecure = insecure
      self.trust = trust
      self.clientCertificate = clientCertificate
    }

    package func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(insecure, forKey: .insecure)
      try container.encode(trust, forKey: .trust)
      try container.encode(clientCertificate, forKey: .clientCertificate)
    }

    /// The header's line.
    var headerLine: String {
      if insecure { return "tls: INSECURE: certificates and names are NOT verified (--insecure)" }
      return "tls: trusting \(trust)" + (clientCertificate.map { ", client certificate \($0)" } ?? "")
    }
  }
}
