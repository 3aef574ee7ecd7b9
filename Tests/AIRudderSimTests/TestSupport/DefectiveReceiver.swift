import Foundation
import Synchronization

@testable import HTTP1

/// An in-test receiver for `check`: answers `200 {}` to everything, unless the one defect
/// planted in it answers otherwise (nil from the defect: the correct answer). What the
/// defects need to remember (CallIDs and TaskIDs seen, requests in flight) is in `memory`.
final class DefectiveReceiver: Sendable {
  typealias Defect = @Sendable (HTTPRequest, DefectMemory) -> HTTPAnswer?

  private let server: HTTPServer

  init(_ defect: @escaping Defect) throws {
    let memory = DefectMemory()
    server = HTTPServer(host: "127.0.0.1", port: 0) { request in
      memory.started()
      defer { memory.ended() }
      return defect(request, memory) ?? .respond(status: 200, body: Array("{}".utf8))
    }
    try server.start()
  }

  var url: URL { URL(string: "http://127.0.0.1:\(server.port)/hook")! }

  func stop() { server.stop() }

  deinit { server.stop() }

  /// A defect's answer: `status` with a body that names the defect.
  static func refuse(_ status: Int, _ defect: String) -> HTTPAnswer {
    .respond(status: status, body: Array("{\"error\":\"\(defect)\"}".utf8))
  }
}

/// What the defects of a `DefectiveReceiver` remember across requests.
final class DefectMemory: Sendable {
  private struct State {
    var inFlight = 0
    var requests = 0
    var callIDs: Set<String> = []
    var taskIDs: Set<String> = []
  }

  private let state = Mutex(State())

  func started() { state.withLock { $0.inFlight += 1 } }
  func ended() { state.withLock { $0.inFlight -= 1 } }

  /// Requests being answered now, this one included.
  var inFlight: Int { state.withLock { $0.inFlight } }

  /// Counts a request; its number, from 1.
  func count() -> Int {
    state.withLock { state in
      state.requests += 1
      return state.requests
    }
  }

  /// Remembers `ids`; true when any was seen before.
  func seenCallIDs(_ ids: [String]) -> Bool {
    state.withLock { state in ids.map { !state.callIDs.insert($0).inserted }.contains(true) }
  }

  func seenTaskID(_ id: String) -> Bool {
    state.withLock { !$0.taskIDs.insert(id).inserted }
  }
}

extension HTTPRequest {
  var text: String { String(decoding: body, as: UTF8.self) }

  /// The body as JSON, nil when it is not.
  var object: [String: Any]? { try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] }

  var calls: [[String: Any]] { object?["Details"] as? [[String: Any]] ?? [] }
}
