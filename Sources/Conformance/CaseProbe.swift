import Foundation
import Support
import Synchronization

/// What a case works with: the transport, the payloads, the settings, and the bodies it sent
/// (written to `--save-bodies` as it sends them, numbered per case).
package final class CaseProbe: Sendable {
  package let caseID: String
  package let settings: CheckSettings
  let payloads: CheckPayloads
  private let transport: any CheckTransport
  private let saved = Mutex(Saved())

  private struct Saved {
    var count = 0
    var failure: OutputError?
  }

  init(caseID: String, settings: CheckSettings, transport: any CheckTransport) {
    self.caseID = caseID
    self.settings = settings
    self.transport = transport
    payloads = CheckPayloads(key: settings.key, seed: settings.seed)
  }

  /// Why a body could not be saved, if one could not.
  package var saveFailure: OutputError? { saved.withLock { $0.failure } }

  /// A request sent and what came of it.
  struct Sent: Sendable {
    var body: [UInt8]
    var file: String?
    var exchange: ExchangeResult
  }

  /// Posts `bodies` in turn (see `CheckTransport.post`).
  func post(_ bodies: [[UInt8]], reuse: Bool = false) async -> [Sent] {
    let files = bodies.map(save)
    let results = await transport.post(bodies, reuse: reuse, timeout: settings.timeout)
    return zip(zip(bodies, files), results).map { Sent(body: $0.0, file: $0.1, exchange: $1) }
  }

  /// Posts `body` on a fresh connection.
  func post(_ body: [UInt8]) async -> Sent {
    await post([body])[0]
  }

  /// Posts every body at once, each on its own connection (see `CheckTransport.burst`).
  func burst(_ bodies: [[UInt8]]) async -> [Sent] {
    let files = bodies.map(save)
    let results = await transport.burst(bodies, timeout: settings.timeout)
    return zip(zip(bodies, files), results).map { Sent(body: $0.0, file: $0.1, exchange: $1) }
  }

  /// Writes `body` to `--save-bodies` as `<case>-<n>.json`; the path, or nil when not saving.
  private func save(_ body: [UInt8]) -> String? {
    guard let directory = settings.saveBodies else { return nil }
    let number = saved.withLock { saved in
      saved.count += 1
      return saved.count
    }
    let path = (directory as NSString).appendingPathComponent("\(caseID)-\(number).json")
    do throws(OutputError) {
      let file = try OutputFile(path: path, what: "a saved body")
      body.withUnsafeBytes { file.write($0) }
      file.close()
      if let failure = file.failure { throw failure }
    } catch {
      saved.withLock { saved in
        if saved.failure == nil { saved.failure = error }
      }
    }
    return path
  }
}
