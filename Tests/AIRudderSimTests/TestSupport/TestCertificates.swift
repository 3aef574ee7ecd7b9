import Foundation

@testable import HTTP1

/// A throwaway CA and certificates, made once per test run by `Scenarios/tls/make-certs.sh`
/// (the `openssl` command) in a temporary folder: the same script a person uses.
enum TestCertificates {
  /// The folder, or nil when the certificates could not be made (no `openssl` command).
  static let folder: URL? = {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("airudder-sim-certs-\(UUID().uuidString)")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = [RepositoryPath.root.appendingPathComponent("Scenarios/tls/make-certs.sh").path, folder.path]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return nil }
    process.waitUntilExit()
    return process.terminationStatus == 0 ? folder : nil
  }()

  static var available: Bool { folder != nil && TLSLibrary.isAvailable }

  /// `ca.pem`, `server.key`, …
  static func path(_ name: String) -> String {
    (folder ?? URL(fileURLWithPath: "/nonexistent")).appendingPathComponent(name).path
  }

  /// Server settings for the certificate `name` (`server`, `expired`, `wrong-host`, `self-signed`).
  static func server(_ name: String, clientCA: String? = nil) -> TLSServerSettings {
    TLSServerSettings(certificate: path("\(name).pem"), key: path("\(name).key"), clientCA: clientCA.map { path($0) })
  }

  /// Client settings trusting only the throwaway CA.
  static var trustingCA: TLSSettings {
    var settings = TLSSettings()
    settings.systemTrust = false
    settings.trustFiles = [path("ca.pem")]
    return settings
  }
}
