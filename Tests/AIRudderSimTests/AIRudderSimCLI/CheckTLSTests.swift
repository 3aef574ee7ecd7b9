import Foundation
import Testing

@testable import AIRudderSimCLI
@testable import HTTP1
@testable import Receiver

/// `check` over https, in-process against the mock receiver with certificates made in the test
/// run: the battery passes through `--cacert`, `--insecure` and mutual TLS (keep-alive reusing
/// the TLS connection), an untrusted receiver is said once with the TLS reason, and a bad
/// certificate file stops the command naming the flag.
@Suite(.serialized, .enabled(if: TestCertificates.available, "needs the openssl command and libssl.so.3"))
struct CheckTLSTests {
  static func receiver(_ certificate: String, clientCA: String? = nil) throws -> MockReceiver {
    var configuration = ReceiverConfiguration()
    configuration.port = 0
    configuration.tls = TestCertificates.server(certificate, clientCA: clientCA)
    return try MockReceiver.start(configuration: configuration)
  }

  /// Flags with certificate names made into paths in the test run's folder.
  static func paths(_ flags: [String]) -> [String] {
    flags.map { $0.hasSuffix(".pem") || $0.hasSuffix(".key") ? TestCertificates.path($0) : $0 }
  }

  /// The receiver behind the private CA, one requiring a client certificate, and a
  /// self-signed one with `--insecure`: every case passes (the bad Sign is refused: info), the
  /// header and the JSON say how the certificate was checked, and keep-alive reuses the TLS
  /// connection.
  @Test(
    arguments: [
      ("server", nil, ["--cacert", "ca.pem"]),
      ("server", "ca.pem", ["--cacert", "ca.pem", "--cert", "client.pem", "--cert-key", "client.key"]),
      ("self-signed", nil, ["--insecure"]),
    ] as [(String, String?, [String])])
  func everyCasePassesOverTLS(certificate: String, clientCA: String?, flags: [String]) async throws {
    let receiver = try Self.receiver(certificate, clientCA: clientCA)
    defer { receiver.stop() }
    let json = FileManager.default.temporaryDirectory.appendingPathComponent("check-tls-\(UUID().uuidString).json").path
    defer { try? FileManager.default.removeItem(atPath: json) }
    let url = receiver.url.absoluteString
    #expect(url.hasPrefix("https://127.0.0.1:"))
    let result = await runTool(["check", url, "--timeout", "5s", "--burst", "20", "--json", json] + Self.paths(flags))
    #expect(result.code == 0, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.contains(" cases: 29 pass, 0 fail, 0 warn, 1 info ("), "\(result.stdout)")
    let insecure = flags.contains("--insecure")
    #expect(result.stdout.contains("tls: INSECURE: certificates and names are NOT verified (--insecure)\n") == insecure)
    #expect(result.stderr.contains("warning: --insecure") == insecure)
    if !insecure {
      #expect(result.stdout.contains("tls: trusting \(TestCertificates.path("ca.pem"))"))
    }
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any])
    let tls = try #require(object["tls"] as? [String: Any])
    #expect(tls["insecure"] as? Bool == insecure)
    #expect(((tls["client_certificate"] as? String)?.hasSuffix("client.pem") ?? false) == flags.contains("--cert"))
    let cases = try #require(object["cases"] as? [[String: Any]])
    let keepAlive = try #require(cases.first { $0["id"] as? String == "delivery.keep-alive" })
    #expect(
      (keepAlive["summary"] as? String)?.hasSuffix("of 5 requests went on a reused connection, all answered 2xx") == true,
      "\(keepAlive)")
    #expect(receiver.counts().requests > 0)
  }

  /// A receiver the client cannot trust, or one that refuses its certificate: said once before
  /// any case, with the TLS reason and what to try; exit 1, nothing sent.
  @Test(
    arguments: [
      ("server", nil, [], "TLS certificate error: unable to get local issuer certificate", "--cacert FILE"),
      ("wrong-host", nil, ["--cacert", "ca.pem"], "TLS certificate error: IP address mismatch", "check the URL's host"),
      ("expired", nil, ["--cacert", "ca.pem"], "TLS certificate error: certificate has expired", "--insecure"),
      (
        "server", "ca.pem", ["--cacert", "ca.pem"], "TLS certificate error: the server requires a client certificate",
        "--cert FILE"
      ),
      (
        "server", "ca.pem", ["--cacert", "ca.pem", "--cert", "other-client.pem", "--cert-key", "other-client.key"],
        "TLS certificate error: the server refused the client certificate", "--cert FILE"
      ),
    ] as [(String, String?, [String], String, String)])
  func anUntrustedReceiverIsReportedOnce(
    certificate: String, clientCA: String?, flags: [String], reason: String, suggestion: String
  ) async throws {
    let receiver = try Self.receiver(certificate, clientCA: clientCA)
    defer { receiver.stop() }
    let url = receiver.url.absoluteString
    let result = await runTool(["check", url, "--timeout", "5s"] + Self.paths(flags))
    #expect(result.code == 1)
    #expect(result.stdout.isEmpty)
    let lines = result.stderr.split(separator: "\n").map(String.init)
    #expect(lines.count == 1, "\(result.stderr)")
    #expect(lines.first?.hasPrefix("error: cannot reach \(url): \(reason)") == true, "\(result.stderr)")
    #expect(lines.first?.contains("; nothing was checked (") == true && lines.first?.contains(suggestion) == true)
    #expect(receiver.counts().requests == 0)
  }

  /// A handshake that never completes meets the timeout: one error, exit 1.
  @Test func aSilentHandshakeMeetsTheTimeout() async throws {
    let server = try ScriptedServer { peer in _ = peer.waitForClose() }
    defer { server.stop() }
    let url = server.url.absoluteString.replacingOccurrences(of: "http://", with: "https://")
    let result = await runTool(["check", url, "--insecure", "--timeout", "1s"])
    #expect(result.code == 1)
    #expect(
      result.stderr.hasSuffix("error: cannot reach \(url): no connection within 1s; nothing was checked\n"), "\(result.stderr)")
  }

  /// Bad certificate files: exit 2 before anything is sent, naming the flag and the file.
  @Test(arguments: [
    (["--cacert", "missing.pem"], "for '--cacert': cannot read the CA bundle DIR/missing.pem: no such file"),
    (
      ["--cacert-add", "server.key"],
      "for '--cacert-add': DIR/server.key is not a usable PEM CA bundle: no certificate or crl found"
    ),
    (["--cert", "ca.key"], "for '--cert': DIR/ca.key is not a usable PEM client certificate: no start line"),
    (
      ["--cert", "client.pem", "--cert-key", "server.key"],
      "for '--cert-key': the key DIR/server.key does not belong to the certificate DIR/client.pem"
    ),
  ])
  func badFilesAreNamedByTheirFlag(flags: [String], message: String) async throws {
    let folder = try #require(TestCertificates.folder).path
    let result = await runTool(["check", "https://127.0.0.1:9/"] + Self.paths(flags))
    #expect(result.code == 2)
    #expect(result.stdout.isEmpty)
    let first = result.stderr.split(separator: "\n").first.map(String.init) ?? ""
    #expect(first.hasPrefix("error: invalid value '"), "\(result.stderr)")
    #expect(first.hasSuffix(message.replacingOccurrences(of: "DIR", with: folder)), "\(result.stderr)")
  }
}
