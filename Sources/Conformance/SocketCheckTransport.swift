import Foundation
import HTTP1
import Support
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// `check`'s transport: `HTTPProbeConnection`s on threads of their own, one per call, so that
/// a burst of fifty blocking exchanges runs at once (the cooperative pool has one thread per
/// core, and a blocked one would stall every other task). https goes through `tls`, every
/// connection making its own handshake (fresh ones in a burst, reused ones kept with theirs).
package struct SocketCheckTransport: CheckTransport {
  private let target: HTTPTarget
  private let addresses: [SocketAddress]?
  private let tls: TLSContext?

  /// Nil unless `url` is `http://` or `https://` with a host, and `https://` comes with `tls`.
  /// Resolves the host once (blocking).
  package init?(url: URL, tls: TLSContext? = nil) {
    guard let target = HTTPTarget(url: url), !target.secure || tls != nil else { return nil }
    self.target = target
    self.tls = target.secure ? tls : nil
    addresses = HTTPProbeConnection.resolve(target)
  }

  /// Connects (and for https, makes the handshake) before `deadline`.
  private func open(_ addresses: [SocketAddress], deadline: UInt64) -> Result<HTTPProbeConnection, HTTPProbeConnection.Failure> {
    HTTPProbeConnection.open(to: addresses, deadline: deadline, tls: tls, host: target.host)
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
        var connectSeconds: Double?
        if connection == nil {
          switch open(addresses ?? [], deadline: deadline) {
          case .success(let opened): connection = opened
          case .failure(let failure): result = .failure(failure)
          }
          connectSeconds = Double(HTTPConnectionLoop.now() &- start) / 1e9
        }
        if let open = connection { result = open.exchange(request, deadline: deadline) }
        if case .failure = result { connection = nil }
        let elapsed = Double(HTTPConnectionLoop.now() &- start) / 1e9
        let exchange = ExchangeResult(result: result, seconds: elapsed, reused: reused, connectSeconds: connectSeconds)
        results.append(exchange)
        if !exchange.accepted { break }
        if case .success(let answer) = result, !(reuse && answer.keepAlive) { connection = nil }
      }
      return results
    }
  }

  package func burst(_ bodies: [[UInt8]], timeout: Duration) async -> [ExchangeResult] {
    let addresses = addresses ?? []
    let requests = bodies.map(request)
    return await Self.onThread {
      // Every request on a thread of its own (no task scheduling in between, however busy the
      // process is), each connecting and sending at once, their starts 2 ms apart: fifty
      // connects in the same instant would test the receiver's listen backlog (five in
      // Python's http.server) and the kernel's SYN retries, not its answers.
      let slots = ResultSlots(count: requests.count)
      let group = DispatchGroup()
      for (index, request) in requests.enumerated() {
        group.enter()
        let thread = Thread {
          defer { group.leave() }
          let start = HTTPConnectionLoop.now()
          let deadline = start &+ timeout.wholeNanoseconds
          let opened = open(addresses, deadline: deadline)
          let connectSeconds = Double(HTTPConnectionLoop.now() &- start) / 1e9
          let result: Result<HTTPProbeConnection.Answer, HTTPProbeConnection.Failure>
          switch opened {
          case .success(let connection): result = connection.exchange(request, deadline: deadline)
          case .failure(let failure): result = .failure(failure)
          }
          let elapsed = Double(HTTPConnectionLoop.now() &- start) / 1e9
          slots.set(index, ExchangeResult(result: result, seconds: elapsed, reused: false, connectSeconds: connectSeconds))
        }
        thread.stackSize = 1 << 20
        thread.start()
        usleep(2_000)
      }
      group.wait()
      return slots.values
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
      switch open(addresses, deadline: HTTPConnectionLoop.now() &+ timeout.wholeNanoseconds) {
      // A server that refuses the client's certificate may say so only after the handshake.
      case .success(let connection): connection.refusalAfterHandshake(patience: min(timeout, .seconds(2)))
      case .failure(.timeout): "no connection within \(SettingDuration(seconds: timeout / .seconds(1)))"
      case .failure(.connection(let reason)), .failure(.malformed(let reason)): reason
      case .failure(.unfinished(let status, let firstBytes)):
        CaseProbe.unfinished(status, firstBytes, timeout: SettingDuration(seconds: timeout / .seconds(1)).description)
      }
    }
  }

  /// The results of a burst, filled in by its threads.
  private final class ResultSlots: Sendable {
    private let slots: Mutex<[ExchangeResult?]>

    init(count: Int) { slots = Mutex(Array(repeating: nil, count: count)) }

    func set(_ index: Int, _ result: ExchangeResult) { slots.withLock { $0[index] = result } }

    var values: [ExchangeResult] { slots.withLock { $0.compactMap { $0 } } }
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
