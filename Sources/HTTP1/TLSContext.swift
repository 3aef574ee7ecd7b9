import CTLSShim
import Foundation
import Synchronization

/// An OpenSSL `SSL_CTX`: what every connection of one client or one server shares (trust,
/// verification, certificate, ALPN http/1.1, TLS 1.2 at least). Made from settings, checking
/// every file, so bad input is found before the first connection.
package final class TLSContext: Sendable {
  /// The context; locked only to make a connection (OpenSSL's contexts are thread-safe, but a
  /// raw pointer is not `Sendable`).
  private let handle: Mutex<OpaquePointer>
  /// Verify the peer's certificate and, for clients, its name.
  let verifies: Bool

  private init(_ pointer: sending OpaquePointer, verifies: Bool) {
    handle = Mutex(pointer)
    self.verifies = verifies
  }

  deinit {
    handle.withLock { airtls_ctx_free($0) }
  }

  /// A client's context: the trust of `settings`, or none with `insecure`, and its client
  /// certificate.
  package static func client(_ settings: TLSSettings) throws(TLSSetupError) -> TLSContext {
    let context = try make(server: false, verifies: !settings.insecure)
    try context.handle.withLock { pointer throws(TLSSetupError) in
      if settings.systemTrust && !settings.insecure && airtls_ctx_use_system_trust(pointer) != 1 {
        throw .failed("cannot use the system trust store: \(lastError())")
      }
      for file in settings.trustFiles {
        try readable(file, as: .trustBundle)
        if airtls_ctx_trust_file(pointer, file) != 1 { throw .badPEM(.trustBundle, file: file, reason: lastError()) }
      }
      airtls_ctx_set_verify(pointer, settings.insecure ? 0 : 1)
      if let certificate = settings.clientCertificate {
        try use(certificate, key: settings.clientKey ?? certificate, on: pointer, roles: (.clientCertificate, .clientKey))
      }
    }
    return context
  }

  /// A server's context: its certificate and key, and with `clientCA` client certificates
  /// required and verified against it.
  package static func server(_ settings: TLSServerSettings) throws(TLSSetupError) -> TLSContext {
    let context = try make(server: true, verifies: settings.clientCA != nil)
    try context.handle.withLock { pointer throws(TLSSetupError) in
      try use(settings.certificate, key: settings.key, on: pointer, roles: (.serverCertificate, .serverKey))
      if let file = settings.clientCA {
        try readable(file, as: .clientCA)
        if airtls_ctx_trust_file(pointer, file) != 1 { throw .badPEM(.clientCA, file: file, reason: lastError()) }
        airtls_ctx_set_verify(pointer, 2)
      } else {
        airtls_ctx_set_verify(pointer, 0)
      }
    }
    return context
  }

  private static func make(server: Bool, verifies: Bool) throws(TLSSetupError) -> TLSContext {
    if let problem = TLSLibrary.loadProblem { throw .libraryUnavailable(problem) }
    guard let pointer = airtls_ctx_new(server ? 1 : 0) else { throw .failed(lastError()) }
    return TLSContext(pointer, verifies: verifies)
  }

  private static func use(
    _ certificate: String, key: String, on pointer: OpaquePointer, roles: (TLSSetupError.Role, TLSSetupError.Role)
  ) throws(TLSSetupError) {
    try readable(certificate, as: roles.0)
    try readable(key, as: roles.1)
    switch airtls_ctx_use_certificate(pointer, certificate, key) {
    case 1: return
    case 2:
      // OpenSSL checks the key against the certificate as it loads it.
      let reason = lastError()
      if reason == "key values mismatch" { throw .keyMismatch(roles.1, certificate: certificate, key: key) }
      throw .badPEM(roles.1, file: key, reason: reason)
    case 3: throw .keyMismatch(roles.1, certificate: certificate, key: key)
    default: throw .badPEM(roles.0, file: certificate, reason: lastError())
    }
  }

  /// OpenSSL says "system lib" for a missing file; this says which and why.
  private static func readable(_ file: String, as role: TLSSetupError.Role) throws(TLSSetupError) {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
      throw .unreadable(role, file: file, reason: "no such file")
    }
    if isDirectory.boolValue { throw .unreadable(role, file: file, reason: "is a directory") }
    guard FileManager.default.isReadableFile(atPath: file) else {
      throw .unreadable(role, file: file, reason: "permission denied")
    }
  }

  /// The oldest error OpenSSL queued on this thread, in its words.
  static func lastError() -> String {
    var buffer = [CChar](repeating: 0, count: 256)
    return airtls_error_text(&buffer, buffer.count) == 0 ? "unknown error" : text(buffer)
  }

  /// A C string filled into `buffer`.
  static func text(_ buffer: [CChar]) -> String {
    String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// A connection's TLS on the connected socket `fd`; nil if OpenSSL cannot make one.
  func session(fd: Int32, server: Bool) -> TLSSession? {
    let ssl = handle.withLock { airtls_ssl_new($0, fd, server ? 1 : 0) }
    return ssl.map { TLSSession($0, verifies: verifies) }
  }
}
