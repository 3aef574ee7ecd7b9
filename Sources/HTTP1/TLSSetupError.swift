import Foundation

/// Why a TLS context could not be made: each names the file and what it was for, so a command
/// can name its flag or scenario key too.
package enum TLSSetupError: LocalizedError, Equatable {
  /// What a file was given as.
  package enum Role: String, Sendable, Equatable {
    case trustBundle = "CA bundle"
    case clientCertificate = "client certificate"
    case clientKey = "client certificate key"
    case serverCertificate = "server certificate"
    case serverKey = "server key"
    case clientCA = "client CA bundle"
  }

  /// OpenSSL 3 could not be loaded.
  case libraryUnavailable(String)
  /// The file cannot be read (missing, a directory, no permission).
  case unreadable(Role, file: String, reason: String)
  /// The file was read but OpenSSL found no usable PEM in it.
  case badPEM(Role, file: String, reason: String)
  /// The key does not belong to the certificate.
  case keyMismatch(Role, certificate: String, key: String)
  /// OpenSSL refused something else (out of memory, say).
  case failed(String)

  package var errorDescription: String? {
    switch self {
    case .libraryUnavailable(let reason): "OpenSSL 3 could not be loaded: \(reason)"
    case .unreadable(let role, let file, let reason): "cannot read the \(role.rawValue) \(file): \(reason)"
    case .badPEM(let role, let file, let reason): "\(file) is not a usable PEM \(role.rawValue): \(reason)"
    case .keyMismatch(_, let certificate, let key): "the key \(key) does not belong to the certificate \(certificate)"
    case .failed(let reason): "TLS setup failed: \(reason)"
    }
  }

  /// The file the error is about, if any.
  package var file: String? {
    switch self {
    case .unreadable(_, let file, _), .badPEM(_, let file, _): file
    case .keyMismatch(_, _, let key): key
    case .libraryUnavailable, .failed: nil
    }
  }

  package var role: Role? {
    switch self {
    case .unreadable(let role, _, _), .badPEM(let role, _, _): role
    case .keyMismatch(let role, _, _): role
    case .libraryUnavailable, .failed: nil
    }
  }
}
