import Foundation
import Support

/// `--json FILE`: the results as versioned JSON (pretty, sorted keys); the README documents
/// every key. Version 1.
extension CheckResults {
  package static let jsonVersion = 1

  package func jsonData(tool: String) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let counts = counts
    let document = Document(
      version: Self.jsonVersion, tool: tool, target: target, started: UTCTime.iso8601(Int64(started.timeIntervalSince1970)),
      elapsedS: seconds, timeoutS: settings.timeout / .seconds(1), burst: settings.burst, failed: failed,
      counts: Dictionary(uniqueKeysWithValues: CheckVerdict.allCases.map { ($0.rawValue, counts[$0] ?? 0) }),
      stopped: stopped, notRun: notRun.map(\.id),
      tls: settings.tls.map {
        TLS(insecure: $0.insecure, trust: $0.trustDescription, clientCertificate: $0.clientCertificate)
      },
      cases: results.map { result in
        Case(
          id: result.check.id, group: result.check.group.rawValue, title: result.check.title, why: result.check.why,
          basis: result.check.basis, verdict: result.outcome.verdict.rawValue, summary: result.outcome.summary,
          elapsedS: result.seconds,
          evidence: result.outcome.evidence.map { evidence in
            EvidenceEntry(
              sentBytes: evidence.sentBytes, excerpt: evidence.excerpt, bodyFile: evidence.bodyFile, status: evidence.status,
              error: evidence.error, timeMs: evidence.seconds * 1000, answerPrefix: evidence.answerPrefix,
              reusedConnection: evidence.reusedConnection, connectMs: evidence.connectSeconds.map { $0 * 1000 },
              next: evidence.next,
              hint: evidence.hint)
          })
      })
    var data = try encoder.encode(document)
    data.append(10)
    return data
  }

  private struct Document: Encodable {
    var version: Int
    var tool: String
    var target: String
    var started: String
    var elapsedS: Double
    var timeoutS: Double
    var burst: Int
    var failed: Bool
    var counts: [String: Int]
    var stopped: String?
    var notRun: [String]
    /// How the certificate was checked (https only; null for http).
    var tls: TLS?
    var cases: [Case]

    enum CodingKeys: String, CodingKey {
      case version, tool, target, started, burst, failed, counts, stopped, cases, tls
      case elapsedS = "elapsed_s"
      case timeoutS = "timeout_s"
      case notRun = "not_run"
    }

    /// `stopped` is written as null when the run did not stop early.
    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(version, forKey: .version)
      try container.encode(tool, forKey: .tool)
      try container.encode(target, forKey: .target)
      try container.encode(started, forKey: .started)
      try container.encode(elapsedS, forKey: .elapsedS)
      try container.encode(timeoutS, forKey: .timeoutS)
      try container.encode(burst, forKey: .burst)
      try container.encode(failed, forKey: .failed)
      try container.encode(counts, forKey: .counts)
      try container.encode(stopped, forKey: .stopped)
      try container.encode(notRun, forKey: .notRun)
      try container.encode(tls, forKey: .tls)
      try container.encode(cases, forKey: .cases)
    }
  }

  /// `tls`: as in `run`'s report.
  private struct TLS: Encodable {
    var insecure: Bool
    var trust: String
    var clientCertificate: String?

    enum CodingKeys: String, CodingKey {
      case insecure, trust
      case clientCertificate = "client_certificate"
    }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(insecure, forKey: .insecure)
      try container.encode(trust, forKey: .trust)
      try container.encode(clientCertificate, forKey: .clientCertificate)
    }
  }

  private struct Case: Encodable {
    var id, group, title, why, basis, verdict, summary: String
    var elapsedS: Double
    var evidence: [EvidenceEntry]

    enum CodingKeys: String, CodingKey {
      case id, group, title, why, basis, verdict, summary, evidence
      case elapsedS = "elapsed_s"
    }
  }

  /// Absent values are written as null, so every entry has every key.
  private struct EvidenceEntry: Encodable {
    var sentBytes: Int
    var excerpt: String
    var bodyFile: String?
    var status: Int?
    var error: String?
    var timeMs: Double
    var answerPrefix: String
    var reusedConnection: Bool
    var connectMs: Double?
    var next: String?
    var hint: String?

    enum CodingKeys: String, CodingKey {
      case excerpt, status, error, next, hint
      case connectMs = "connect_ms"
      case sentBytes = "sent_bytes"
      case bodyFile = "body_file"
      case timeMs = "time_ms"
      case answerPrefix = "answer_prefix"
      case reusedConnection = "reused_connection"
    }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(sentBytes, forKey: .sentBytes)
      try container.encode(excerpt, forKey: .excerpt)
      try container.encode(bodyFile, forKey: .bodyFile)
      try container.encode(status, forKey: .status)
      try container.encode(error, forKey: .error)
      try container.encode(timeMs, forKey: .timeMs)
      try container.encode(answerPrefix, forKey: .answerPrefix)
      try container.encode(reusedConnection, forKey: .reusedConnection)
      try container.encode(connectMs, forKey: .connectMs)
      try container.encode(next, forKey: .next)
      try container.encode(hint, forKey: .hint)
    }
  }
}
