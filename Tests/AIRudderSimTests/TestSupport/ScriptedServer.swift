import Foundation

@testable import AIRudderSimCLI
@testable import Delivery
@testable import HTTP1
@testable import Receiver
@testable import Reporting
@testable import Scenario
@testable import Support

#if canImport(Glibc)
  import Glibc
#endif

/// A loopback TCP server whose every connection runs a test's script on its own thread, for
/// the misbehaviour a real HTTP server will not produce on demand: silence, trickled bytes,
/// garbage, early closes. A script that returns closes its connection. Counts connections;
/// stops (shutting every connection down) when released.
final class ScriptedServer: @unchecked Sendable {
  /// One accepted connection, with blocking helpers for the script.
  final class Peer: @unchecked Sendable {
    let fd: Int32
    let index: Int
    private var buffered: [UInt8] = []

    init(fd: Int32, index: Int) {
      self.fd = fd
      self.index = index
      // A safety net only: a test task on a starved pool may take many seconds to send.
      var limit = timeval(tv_sec: 60, tv_usec: 0)
      setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
    }

    /// Reads one request (head and Content-Length body); nil when the client closed first.
    func readRequest() -> (head: String, body: [UInt8])? {
      while true {
        if let end = find([13, 10, 13, 10]) {
          let head = String(decoding: buffered[..<end], as: UTF8.self)
          let length =
            head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
            .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
          if buffered.count >= end + 4 + length {
            let body = Array(buffered[(end + 4)..<(end + 4 + length)])
            buffered.removeFirst(end + 4 + length)
            return (head, body)
          }
        }
        guard receiveMore() else { return nil }
      }
    }

    /// True when the client closed (or reset) the connection within the read timeout.
    func waitForClose() -> Bool {
      while true {
        var byte: UInt8 = 0
        let received = recv(fd, &byte, 1, 0)
        if received == 0 { return true }
        if received < 0 { return errno == ECONNRESET }
      }
    }

    /// False once the client is gone.
    @discardableResult
    func send(_ text: String) -> Bool { send(Array(text.utf8)) }

    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool {
      bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } == bytes.count
    }

    /// `200 OK` with `{}` and keep-alive.
    func answerOK() { send("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}") }

    private func receiveMore() -> Bool {
      var chunk = [UInt8](repeating: 0, count: 65_536)
      let received = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
      guard received > 0 else { return false }
      buffered += chunk[0..<received]
      return true
    }

    private func find(_ pattern: [UInt8]) -> Int? {
      guard buffered.count >= pattern.count else { return nil }
      for start in 0...(buffered.count - pattern.count) where buffered[start..<(start + pattern.count)].elementsEqual(pattern) {
        return start
      }
      return nil
    }
  }

  let port: UInt16
  private let listener: Int32
  private let lock = NSLock()
  private var peers: [Int32] = []
  private var accepted = 0
  private var stopped = false

  var url: URL { URL(string: "http://127.0.0.1:\(port)/hook?source=test")! }

  /// Whether this machine has the IPv6 loopback.
  static let ipv6LoopbackAvailable: Bool = {
    guard let server = try? ScriptedServer(ipv6: true, script: { _ in }) else { return false }
    server.stop()
    return true
  }()
  var connectionCount: Int { lock.withLock { accepted } }

  /// With `ipv6`: 127.0.0.1 on the same port, bound but not listening, so that a client of
  /// `localhost` that tries 127.0.0.1 first is refused there instead of reaching another
  /// test's server that happens to listen on the same port number.
  private var ipv4Reservation: Int32 = -1

  /// Listens on 127.0.0.1, or on ::1 only with `ipv6`.
  init(ipv6: Bool = false, script: @escaping @Sendable (Peer) -> Void) throws {
    guard let address = SocketAddress(numericHost: ipv6 ? "::1" : "127.0.0.1", port: 0) else { throw POSIXError(.EINVAL) }
    var listening: (fd: Int32, port: UInt16)?
    for _ in 0..<20 where listening == nil {
      let fd = socket(address.family, Int32(SOCK_STREAM.rawValue), 0)
      var yes: Int32 = 1
      setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
      guard address.withSockaddr({ bind(fd, $0, $1) }) == 0, listen(fd, 64) == 0, let bound = SocketAddress(boundTo: fd) else {
        close(fd)
        throw POSIXError(.EADDRNOTAVAIL)
      }
      if ipv6 {
        guard let ipv4 = SocketAddress(numericHost: "127.0.0.1", port: bound.port) else {
          close(fd)
          throw POSIXError(.EINVAL)
        }
        let reservation = socket(ipv4.family, Int32(SOCK_STREAM.rawValue), 0)
        guard ipv4.withSockaddr({ bind(reservation, $0, $1) }) == 0 else {
          // Another server has this port on 127.0.0.1: take another.
          close(reservation)
          close(fd)
          continue
        }
        ipv4Reservation = reservation
      }
      listening = (fd, bound.port)
    }
    guard let listening else { throw POSIXError(.EADDRINUSE) }
    port = listening.port
    listener = listening.fd
    let thread = Thread { [self] in
      while true {
        let fd = accept(listener, nil, nil)
        guard fd >= 0 else { return }
        let index: Int? = lock.withLock {
          if stopped { return nil }
          peers.append(fd)
          accepted += 1
          return accepted - 1
        }
        guard let index else {
          close(fd)
          return
        }
        let peer = Peer(fd: fd, index: index)
        Thread { [self] in
          script(peer)
          // A script that returns closes its connection.
          lock.withLock {
            peers.removeAll { $0 == fd }
            close(fd)
          }
        }.start()
      }
    }
    thread.start()
  }

  /// Closes the listener and every connection (scripts blocked in reads return).
  func stop() {
    let first = lock.withLock {
      defer { stopped = true }
      for fd in peers { shutdown(fd, Int32(SHUT_RDWR)) }
      return !stopped
    }
    guard first else { return }
    shutdown(listener, Int32(SHUT_RDWR))
    close(listener)
    if ipv4Reservation >= 0 { close(ipv4Reservation) }
  }

  deinit { stop() }
}
