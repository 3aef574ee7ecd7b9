import Contract
import Foundation
import Support

/// Where `run` posts and the KEY it signs with.
package struct TargetSettings: Decodable, Sendable {
  /// The receiver's URL; nil means `run` starts the built-in mock receiver.
  package var url: URL?
  /// The KEY of `Sign = md5(TaskID + KEY)`.
  package var key = Signer.defaultKey
  /// The socket transport closes a connection idle this long (`run --keepalive-idle`); nil:
  /// the default.
  package var keepAliveIdle: SettingDuration?
  /// https: a PEM bundle trusted instead of the system's store (`run --cacert`), one trusted
  /// besides it (`--cacert-add`), no verification at all (`--insecure`), and a client
  /// certificate with its key (`--cert`, `--cert-key`). Paths are relative to the scenario
  /// file (resolved by `ScenarioLoader`).
  package var cacert: String?
  package var cacertAdd: String?
  package var insecure = false
  package var cert: String?
  package var certKey: String?

  package init() {}

  enum CodingKeys: String, CodingKey, CaseIterable {
    case url, key, keepAliveIdle, cacert, cacertAdd, insecure, cert, certKey
  }

  package init(from decoder: any Decoder) throws {
    let s = try SettingsContainer(decoder, keys: CodingKeys.self)
    if let text: String = try s.optional(.url) {
      switch TargetSettings.parseURL(text) {
      case .success(let parsed): url = parsed
      case .failure(let problem): throw s.invalid(.url, problem.message)
      }
    }
    key = try s.value(.key, default: key)
    keepAliveIdle = try s.optional(.keepAliveIdle)  // at most 30 days, as every duration
    cacert = try Self.path(.cacert, in: s)
    cacertAdd = try Self.path(.cacertAdd, in: s)
    insecure = try s.value(.insecure, default: false)
    cert = try Self.path(.cert, in: s)
    certKey = try Self.path(.certKey, in: s)
    if certKey != nil && cert == nil {
      throw s.invalid(.certKey, "expected target.cert beside it (the key of which certificate?)")
    }
  }

  private static func path(_ key: CodingKeys, in s: SettingsContainer<CodingKeys>) throws -> String? {
    guard let text: String = try s.optional(key) else { return nil }
    guard !text.isEmpty else { throw s.invalid(key, "expected a file path, got an empty string") }
    return text
  }

  /// The TLS file keys, with relative paths taken from `directory` (the scenario file's).
  package mutating func resolvePaths(relativeTo directory: URL) {
    func resolve(_ path: String?) -> String? {
      guard let path, !path.hasPrefix("/") else { return path }
      return directory.appendingPathComponent(path).standardizedFileURL.path
    }
    cacert = resolve(cacert)
    cacertAdd = resolve(cacertAdd)
    cert = resolve(cert)
    certKey = resolve(certKey)
  }

  /// Why a target URL was refused.
  package struct URLProblem: Error, Sendable {
    package let message: String
  }

  /// Accepts absolute `http` and `https` URLs with a host; names what is wrong otherwise.
  package static func parseURL(_ text: String) -> Result<URL, URLProblem> {
    guard let url = URL(string: text), let scheme = url.scheme?.lowercased() else {
      return .failure(URLProblem(message: "expected an absolute http or https URL, got \"\(text)\""))
    }
    guard scheme == "http" || scheme == "https" else {
      return .failure(URLProblem(message: "unsupported scheme \"\(scheme)\" in \"\(text)\"; expected http or https"))
    }
    guard let host = url.host, !host.isEmpty else {
      return .failure(URLProblem(message: "expected a host in \"\(text)\""))
    }
    if let port = url.port, !(1...65_535).contains(port) {
      return .failure(URLProblem(message: "expected a port from 1 to 65535 in \"\(text)\", got \(port)"))
    }
    return .success(url)
  }
}
