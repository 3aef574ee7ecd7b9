import Foundation
import HTTP1
import Support

#if canImport(Glibc)
  import Glibc
#endif

/// `check`'s transport for `http://` targets: `HTTPProbeConnection`s on threads of their own,
/// one per call, so that a burst of fifty blocking exchanges runs at once (the cooperative pool
/// has one thread per core, and a blocked one would stall every other task).
package struct SocketCheckTransport: CheckTransport {
  private let target: HTTPTarget
  private let addresses: [SocketAddress]?

  /// Nil unless `url` is `http://` with a host. Resolves the host once (blocking).
  package init?(url: URL) {
    guard let target = HTTPTarget(url: url) else { return nil }
    self.target = target
    addresses = HTTPProbeConnection.resolve(target)
  }

  package func post(_ bodies: [[UInt8]], reuse: Bool, timeout: Duration) async -> [ExchangeResult] {
    let addresses = addresses
    return await Self.onThread {
      var results: [ExchangeResult] = []
      var connection: HTTPProbeConnection?
      for body in bodies {
        let request = request(body)
        if let idle = connection {
          // A receiver may close after each answer without saying so: that is no fault, so a
          // connection is reused only when it is still open a moment after the answer.
          usleep(50_000)
          if !idle.isOpenWhileIdle { connection = nil }
        }
        let reused = connection != nil
        let start = HTTPConnectionLoop.now()
        let deadline = start &+ timeout.wholeNanoseconds
        var result: Result<HTTPProbeConnection.Answer, HTTPProbeConnection.Failure> = .failure(.connection("host not found"))
        if connection == nil {
          switch HTTPProbeConnection.open(to: addresses ?? [], deadline: deadline) {
          case .success(let opened): connection = opened
          case .failure(let failure): result = .failure(failure)
          }
        }
        if let open = connection { result = open.exchange(request, deadline: deadline) }
        if case .failure = result { connection = nil }
        let elapsed = Double(HTTPConnectionLoop.now() &- start) / 1e9
        results.append(ExchangeResult(result: result, seconds: elapsed, reused: reused))
        if case .success(let answer) = result, !(reuse && answer.keepAlive) { connection = nil }
      }
      return results
    }
  }

  package func burst(_ bodies: [[UInt8]], timeout: Duration) async -> [ExchangeResult] {
    let addresses = addresses ?? []
    // Connected one after another first, a moment apart, within one timeout for them all:
    // fifty connects at once would test the receiver's listen backlog (five in Python's
    // http.server) and the kernel's SYN retries, not its answers.
    let opened = await Self.onThread {
      let deadline = HTTPConnectionLoop.now() &+ timeout.wholeNanoseconds
      return bodies.map { _ in
        let start = HTTPConnectionLoop.now()
        defer { usleep(2_000) }
        return (HTTPProbeConnection.open(to: addresses, deadline: deadline), start)
      }
    }
    return await withTaskGroup(of: (Int, ExchangeResult).self) { group in
      for (index, body) in bodies.enumerated() {
        let request = request(body)
        let (connection, connectStart) = opened[index]
        group.addTask {
          await Self.onThread {
            guard case .success(let connection) = connection else {
              guard case .failure(let failure) = connection else { preconditionFailure() }
              let elapsed = Double(HTTPConnectionLoop.now() &- connectStart) / 1e9
              return (index, ExchangeResult(result: .failure(failure), seconds: elapsed, reused: false))
            }
            let start = HTTPConnectionLoop.now()
            let result = connection.exchange(request, deadline: start &+ timeout.wholeNanoseconds)
            return (
              index, ExchangeResult(result: result, seconds: Double(HTTPConnectionLoop.now() &- start) / 1e9, reused: false)
            )
          }
        }
      }
      var results: [(Int, ExchangeResult)] = []
      for await result in group { results.append(result) }
      return results.sorted { $0.0 < $1.0 }.map(\.1)
    }
  }

  /// Head and body, ready for the socket.
  private func request(_ body: [UInt8]) -> [UInt8] {
    var request = target.requestHead
    request.append(contentsOf: Array(String(body.count).utf8) + [13, 10, 13, 10])
    request.append(contentsOf: body)
    return request
  }

  package func unreachable(timeout: Duration) async -> String? {
    guard let addresses else { return "host not found: \(target.host)" }
    return await Self.onThread {
      switch HTTPProbeConnection.open(to: addresses, deadline: HTTPConnectionLoop.now() &+ timeout.wholeNanoseconds) {
      case .success: nil
      case .failure(.timeout): "no connection within \(SettingDuration(seconds: timeout / .seconds(1)))"
      case .failure(.connection(let reason)), .failure(.malformed(let reason)): reason
      }
    }
  }

  /// Runs `work` on a new thread and hands back its value.
  private static func onThread<Value: Sendable>(_ work: @escaping @Sendable () -> Value) async -> Value {
    await withCheckedContinuation { continuation in
      let thread = Thread { continuation.resume(returning: work()) }
      thread.stackSize = 1 << 20
      thread.start()
    }
  }
}
