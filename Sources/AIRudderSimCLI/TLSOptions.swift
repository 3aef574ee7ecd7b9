import Foundation
import HTTP1
import Scenario

/// The TLS flags of every command that posts to a receiver (`run`, and `check`): `--cacert`,
/// `--cacert-add`, `--insecure`, `--cert`, `--cert-key`, laid over the scenario's `target`
/// keys of the same meaning. Remembers where each file came from, so a bad one is named by its
/// flag or its key.
package struct TLSOptions: Sendable {
  /// What the transport is given.
  package var settings = TLSSettings()
  /// The flag (`--cacert`) or `file: target.cacert` that named each file.
  private var origins: [String: Origin] = [:]

  private enum Origin: Sendable {
    case flag(String)
    case key(scenario: String, path: String)
  }

  /// Appended to a command's options.
  package static let flags: [CommandSpec.Option] = [
    .init("--cacert", value: "FILE", help: "https: trust the certificates in FILE (PEM) instead of the system's store."),
    .init("--cacert-add", value: "FILE", help: "https: trust the certificates in FILE (PEM) besides the system's store."),
    .init("--insecure", help: "https: do not verify the server's certificate or name (said in the header and report)."),
    .init(
      "--cert", value: "FILE", help: "https: client certificate chain (PEM) for mutual TLS; holds the key too unless --cert-key."),
    .init("--cert-key", value: "FILE", help: "https: the client certificate's private key (PEM)."),
  ]

  package init() {}

  /// The flags over `target`'s keys (paths already resolved beside `scenarioFile`).
  package init(
    arguments: ParsedArguments, target: TargetSettings = TargetSettings(), scenarioFile: String = ""
  ) throws(CommandLineError) {
    func pick(_ flag: String, _ key: String, _ value: String?) -> String? {
      if let path = arguments.string(flag) {
        origins[path] = .flag(flag)
        return path
      }
      if let value { origins[value] = .key(scenario: scenarioFile, path: "target.\(key)") }
      return value
    }
    let cacert = pick("--cacert", "cacert", target.cacert)
    let cacertAdd = pick("--cacert-add", "cacertAdd", target.cacertAdd)
    if let cacert {
      settings.systemTrust = false
      settings.trustFiles.append(cacert)
    }
    if let cacertAdd { settings.trustFiles.append(cacertAdd) }
    settings.insecure = arguments.has("--insecure") || target.insecure
    // A flag's certificate comes with the flag's key (or none), never with the scenario's.
    if arguments.string("--cert") != nil {
      settings.clientCertificate = pick("--cert", "cert", nil)
      settings.clientKey = pick("--cert-key", "certKey", nil)
    } else if let key = arguments.string("--cert-key") {
      guard target.cert != nil else {
        throw .invalidValue(option: "--cert-key", value: key, expected: "--cert FILE beside it (the key of which certificate?)")
      }
      settings.clientCertificate = pick("--cert", "cert", target.cert)
      settings.clientKey = pick("--cert-key", "certKey", nil)
    } else {
      settings.clientCertificate = pick("--cert", "cert", target.cert)
      settings.clientKey = pick("--cert-key", "certKey", target.certKey)
    }
  }

  /// Anything asked beyond the defaults (the system's store, verification on, no certificate).
  package var isCustomised: Bool { settings != TLSSettings() }

  /// Checks the settings for `url` carried by `transport`: every file is loaded as OpenSSL
  /// will load it, so a bad one stops the command before it starts (exit 2). Settings that
  /// only the socket transport understands are refused for URLSession.
  package func validate(for url: URL, transport: TransportChoice) throws {
    guard HTTPTarget(url: url)?.secure == true else { return }
    if transport.resolved(for: url) == .urlSession {
      guard isCustomised else { return }
      let flag = firstFlag
      let reason =
        TLSLibrary.loadProblem.map { "OpenSSL 3 could not be loaded (\($0)), and URLSession cannot do this" }
        ?? "URLSession cannot do this; use --transport sockets (or auto)"
      throw CommandLineError.refusedValue(option: flag.name, value: flag.value, reason: reason)
    }
    do {
      _ = try TLSContext.client(settings)
    } catch {
      throw named(error)
    }
  }

  /// A TLS setup error, named by the flag or scenario key that gave the file.
  package func named(_ error: TLSSetupError) -> any Error {
    guard let file = error.file, let origin = origins[file] else { return error }
    let reason = error.localizedDescription
    switch origin {
    case .flag(let flag):
      return CommandLineError.refusedValue(option: flag, value: file, reason: reason)
    case .key(let scenario, let path):
      return ScenarioError.problems([ScenarioProblem(file: scenario, position: nil, path: path, message: reason)])
    }
  }

  /// The first TLS setting given, as a flag and its value, for a refusal.
  private var firstFlag: (name: String, value: String) {
    if settings.insecure { return ("--insecure", "") }
    for file in settings.trustFiles + [settings.clientCertificate].compactMap({ $0 }) {
      switch origins[file] {
      case .flag(let flag)?: return (flag, file)
      case .key(_, let path)?: return (path, file)
      case nil: continue
      }
    }
    return ("--cacert", "")
  }
}
