import Foundation
import Testing

@testable import AIRudderSimCLI
@testable import HTTP1
@testable import Receiver
@testable import Scenario

/// `run` and `receive` over https, in-process against the mock receiver with certificates made
/// in the test run: every attempt the report counts reaches the receiver, `--insecure` is said
/// loudly, and bad certificate files stop the command naming the flag or the scenario key.
@Suite(.serialized, .enabled(if: TestCertificates.available, "needs the openssl command and libssl.so.3"))
struct TLSCommandTests {
  /// An https mock receiver that refuses the first attempt of every notification (503), so
  /// retries go over TLS too.
  static func receiver(_ certificate: String, clientCA: String? = nil) throws -> MockReceiver {
    var configuration = ReceiverConfiguration()
    configuration.tls = TestCertificates.server(certificate, clientCA: clientCA)
    configuration.faults.failFirst = 1
    return try MockReceiver.start(configuration: configuration)
  }

  static func report(_ path: String) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
  }

  /// A receiver behind the private CA, one requiring a client certificate, and a self-signed
  /// one with `--insecure`: each receives exactly the attempts the report counts.
  @Test(
    arguments: [
      ("server", nil, ["--cacert", "ca.pem"]),
      ("server", "ca.pem", ["--cacert", "ca.pem", "--cert", "client.pem", "--cert-key", "client.key"]),
      ("self-signed", nil, ["--insecure"]),
    ] as [(String, String?, [String])])
  func theReceiverGetsEveryAttemptTheReportCounts(certificate: String, clientCA: String?, flags: [String]) async throws {
    let receiver = try Self.receiver(certificate, clientCA: clientCA)
    defer { receiver.stop() }
    let report = FileManager.default.temporaryDirectory.appendingPathComponent("tls-report-\(UUID().uuidString).json").path
    defer { try? FileManager.default.removeItem(atPath: report) }
    let arguments =
      [
        "run", RepositoryPath.scenario("smoke.json"), "--url", receiver.url.absoluteString, "--retry-interval", "10ms",
        "--report", report, "--quiet",
      ] + flags.map { $0.hasSuffix(".pem") || $0.hasSuffix(".key") ? TestCertificates.path($0) : $0 }
    let result = await runTool(arguments)
    #expect(result.code == 0, "\(result.stderr)")
    receiver.stop()
    let counts = receiver.counts()
    let json = try Self.report(report)
    let attempts = try #require(json["attempts"] as? [String: Any])
    let notifications = try #require(json["notifications"] as? [String: Any])
    #expect(attempts["total"] as? Int == counts.requests)
    #expect(notifications["delivered"] as? Int == counts.accepted)
    #expect(counts.requests == 2 * counts.accepted && counts.accepted > 0, "every first attempt refused, every retry taken")
    #expect(json["transport"] as? String == "sockets")
    let tls = try #require(json["tls"] as? [String: Any])
    let insecure = flags.contains("--insecure")
    #expect(tls["insecure"] as? Bool == insecure)
    #expect(result.stdout.contains("tls: INSECURE") == insecure)
    #expect(result.stderr.contains("warning: --insecure") == insecure)
    #expect(((tls["client_certificate"] as? String)?.hasSuffix("client.pem") ?? false) == flags.contains("--cert"))
  }

  /// Without the CA, the private-CA receiver is refused: every attempt a TLS certificate error.
  @Test func anUntrustedReceiverFailsEveryAttemptWithTheReason() async throws {
    let receiver = try Self.receiver("server")
    defer { receiver.stop() }
    let result = await runTool([
      "run", RepositoryPath.scenario("smoke.json"), "--url", receiver.url.absoluteString, "--count", "2", "--max-retries", "1",
      "--retry-interval", "10ms", "--quiet",
    ])
    #expect(result.code == 1)
    #expect(result.stdout.contains("connection_error 4"))
    #expect(result.stdout.contains("TLS certificate error: unable to get local issuer certificate x4"))
    #expect(receiver.counts().requests == 0)
  }

  /// Bad certificate files: exit 2, naming the flag and the file.
  @Test(arguments: [
    (
      ["--cacert", "missing.pem"],
      "error: invalid value 'DIR/missing.pem' for '--cacert': cannot read the CA bundle DIR/missing.pem: no such file"
    ),
    (
      ["--cacert-add", "server.key"],
      "error: invalid value 'DIR/server.key' for '--cacert-add': DIR/server.key is not a usable PEM CA bundle: no certificate or crl found"
    ),
    (
      ["--cert", "ca.key"],
      "error: invalid value 'DIR/ca.key' for '--cert': DIR/ca.key is not a usable PEM client certificate: no start line"
    ),
    (
      ["--cert", "client.pem", "--cert-key", "server.key"],
      "error: invalid value 'DIR/server.key' for '--cert-key': the key DIR/server.key does not belong to the certificate DIR/client.pem"
    ),
  ])
  func badFilesAreNamedByTheirFlag(flags: [String], message: String) async throws {
    let folder = try #require(TestCertificates.folder).path
    let result = await runTool(
      ["run", RepositoryPath.scenario("smoke.json"), "--url", "https://127.0.0.1:9/"]
        + flags.map { $0.hasPrefix("--") ? $0 : "\(folder)/\($0)" })
    #expect(result.code == 2)
    #expect(Self.matches(result.stderr, message, folder: folder), "\(result.stderr)")
  }

  /// The first line of `stderr` is `message` with DIR for `folder`; the quoted value may be
  /// shortened (long values are cut in messages), the rest must match.
  static func matches(_ stderr: String, _ message: String, folder: String) -> Bool {
    let expected = message.replacingOccurrences(of: "DIR", with: folder)
    guard let line = stderr.split(separator: "\n").first.map(String.init), let cut = expected.range(of: "' for '") else {
      return false
    }
    return line.hasPrefix("error: invalid value '") && line.hasSuffix(String(expected[cut.lowerBound...]))
  }

  /// `target.cacert` is found beside the scenario, wherever the tool runs from; a missing one is
  /// named by its key.
  @Test func scenarioKeysAreRelativeToTheScenario() async throws {
    let receiver = try Self.receiver("server")
    defer { receiver.stop() }
    let folder = try ChildRun.scratchFolder("tls-scenario")
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.copyItem(
      atPath: TestCertificates.path("ca.pem"), toPath: folder.appendingPathComponent("ca.pem").path)
    let good = folder.appendingPathComponent("good.json")
    try #"{ name: "tls", contactsPerWorkflow: 3, target: { url: "\#(receiver.url.absoluteString)", cacert: "ca.pem" } }"#
      .write(to: good, atomically: true, encoding: .utf8)
    let delivered = await runTool(["run", good.path, "--retry-interval", "10ms", "--quiet"])
    #expect(delivered.code == 0, "\(delivered.stderr)")
    #expect(delivered.stdout.contains("tls: trusting \(folder.path)/ca.pem"))

    let bad = folder.appendingPathComponent("bad.json")
    try #"{ target: { url: "https://127.0.0.1:9/", cacert: "nope/ca.pem" } }"#.write(to: bad, atomically: true, encoding: .utf8)
    let refused = await runTool(["run", bad.path])
    #expect(refused.code == 2)
    #expect(
      refused.stderr.split(separator: "\n").first.map(String.init)
        == "error: \(bad.path): target.cacert: cannot read the CA bundle \(folder.path)/nope/ca.pem: no such file")
  }

  @Test(arguments: [
    (
      ["receive", "--tls-cert", "server.pem"],
      "error: invalid value 'DIR/server.pem' for '--tls-cert': expected --tls-key FILE beside it"
    ),
    (
      ["receive", "--tls-client-ca", "ca.pem"],
      "error: invalid value 'DIR/ca.pem' for '--tls-client-ca': expected --tls-cert and --tls-key beside it"
    ),
    (
      ["receive", "--port", "0", "--tls-cert", "server.key", "--tls-key", "server.key"],
      "error: invalid value 'DIR/server.key' for '--tls-cert': DIR/server.key is not a usable PEM server certificate: no start line"
    ),
    (
      ["receive", "--port", "0", "--tls-cert", "server.pem", "--tls-key", "client.key"],
      "error: invalid value 'DIR/client.key' for '--tls-key': the key DIR/client.key does not belong to the certificate DIR/server.pem"
    ),
  ])
  func receiveRefusesBadTLSFlags(arguments: [String], message: String) async throws {
    let folder = try #require(TestCertificates.folder).path
    let result = await runTool(arguments.map { $0.hasSuffix(".pem") || $0.hasSuffix(".key") ? "\(folder)/\($0)" : $0 })
    #expect(result.code == 2)
    #expect(Self.matches(result.stderr, message, folder: folder), "\(result.stderr)")
  }

  /// Without OpenSSL 3, `auto` sends https through URLSession and says so once; what only the
  /// socket transport can do is refused.
  @Test func withoutOpenSSLAutoFallsBackToURLSession() async throws {
    let folder = try ChildRun.scratchFolder("no-openssl")
    defer { try? FileManager.default.removeItem(at: folder) }
    let environment = ["AIRUDDER_SIM_LIBSSL": "libairudder-sim-absent.so.3"]
    let smoke = RepositoryPath.scenario("smoke.json")
    let fallback = try await ChildRun.run(
      ["run", smoke, "--url", "https://127.0.0.1:9/", "--count", "2", "--max-retries", "0", "--timeout", "2s", "--quiet"],
      in: folder, environment: environment)
    #expect(fallback.stdout.contains("transport urlsession"), "\(fallback.stdout)")
    let notes = fallback.stderr.components(separatedBy: "note: OpenSSL 3 could not be loaded").count - 1
    #expect(notes == 1, "\(fallback.stderr)")
    #expect(fallback.stderr.contains("libairudder-sim-absent.so.3"))
    let forced = try await ChildRun.run(
      ["run", smoke, "--url", "https://127.0.0.1:9/", "--transport", "sockets"], in: folder, environment: environment)
    #expect(forced.status == 2 && forced.stderr.contains("the socket transport needs OpenSSL 3 for https"))
    let cacert = try await ChildRun.run(
      ["run", smoke, "--url", "https://127.0.0.1:9/", "--cacert", "ca.pem"], in: folder, environment: environment)
    #expect(cacert.status == 2 && cacert.stderr.contains("for '--cacert': OpenSSL 3 could not be loaded"), "\(cacert.stderr)")
  }
}
