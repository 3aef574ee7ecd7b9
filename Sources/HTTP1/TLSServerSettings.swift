/// How the receiver's server speaks TLS (`receive --tls-cert --tls-key`): its certificate
/// chain and key, and the CA bundle that client certificates must verify against, if it asks
/// for them (`--tls-client-ca`).
package struct TLSServerSettings: Sendable, Equatable {
  package var certificate: String
  package var key: String
  package var clientCA: String?

  package init(certificate: String, key: String, clientCA: String? = nil) {
    self.certificate = certificate
    self.key = key
    self.clientCA = clientCA
  }
}
