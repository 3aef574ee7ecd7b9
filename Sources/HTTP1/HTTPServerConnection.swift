import Foundation
import Support

#if canImport(Glibc)
  import Glibc
#endif

/// One accepted connection of the receiver's server: its parser, where it is in the request
/// cycle (which says which deadline applies), and bytes waiting to go out. Touched by the
/// loop thread only; while a worker answers a request, the loop leaves the socket alone.
final class HTTPServerConnection {
  enum Phase: Equatable {
    /// No byte of the next request yet: the idle timeout applies.
    case waiting
    /// Part of a head: the head deadline (from its first byte) and the idle timeout apply.
    case head
    /// The head is whole, part of the body is here: the body deadline and the idle timeout.
    case body
    /// A worker runs the handler and sends the answer; no deadline, never shed.
    case handling
    /// The loop writes the rest of an answer, then reads the next request (or closes).
    case answering(keepAlive: Bool)
    /// The loop writes a refusal (400, 413, 414, 431), then closes.
    case refusing
  }

  let fd: Int32
  /// The fd and a generation, for epoll: an event or completion for a closed connection whose
  /// fd number was reused is not taken for the new one's.
  let token: UInt64
  var parser: HTTPRequestParser
  private(set) var phase = Phase.waiting
  /// `CLOCK_MONOTONIC` nanoseconds at which `phase` began, and of the last byte received.
  private(set) var phaseStart: UInt64
  var lastActivity: UInt64
  /// Counts the times the connection became ready for a request: an entry of the shedding
  /// line with an older count is stale.
  private(set) var readiness = 0
  /// Bytes the loop still has to write (the rest of an answer, a refusal, `100 Continue`).
  var output: [UInt8] = []
  /// The epoll events asked for (0 while disarmed: epoll is one-shot).
  var interest: UInt32 = 0
  /// https: the connection's TLS; while `handshaking`, no request bytes yet. OpenSSL may need
  /// the socket writable to go on (`tlsWantsWrite`), whatever the phase.
  var tls: TLSSession?
  var handshaking = false
  var tlsWantsWrite = false

  init(fd: Int32, token: UInt64, limits: HTTPLimits, now: UInt64) {
    self.fd = fd
    self.token = token
    parser = HTTPRequestParser(limits: limits)
    phaseStart = now
    lastActivity = now
  }

  /// Moves to `phase`; its clock starts now (a phase entered again keeps its start).
  func enter(_ phase: Phase, now: UInt64) {
    guard phase != self.phase else { return }
    self.phase = phase
    phaseStart = now
    lastActivity = max(lastActivity, now)
    if phase == .waiting { readiness += 1 }
  }

  /// After new bytes were parsed without a complete request: waiting, head or body.
  func updateReadingPhase(now: UInt64) {
    if parser.isReadingBody {
      enter(.body, now: now)
    } else if parser.bufferedCount > 0 {
      enter(.head, now: now)
    } else {
      enter(.waiting, now: now)
    }
  }

  /// When the connection must be closed, or nil while a worker has it.
  func deadline(_ limits: HTTPLimits) -> UInt64? {
    let idle = lastActivity &+ limits.idleTimeout.wholeNanoseconds
    switch phase {
    case .waiting, .answering, .refusing: return idle
    case .head: return min(idle, phaseStart &+ limits.headTimeout.wholeNanoseconds)
    case .body: return min(idle, phaseStart &+ limits.bodyTimeout.wholeNanoseconds)
    case .handling: return nil
    }
  }

  /// Whether the connection may be closed to make room for another: not while a request on
  /// it is being answered.
  var isSheddable: Bool {
    switch phase {
    case .waiting, .head, .body, .refusing: true
    case .handling, .answering: false
    }
  }

  enum SendResult {
    case all
    /// This many bytes went before the socket was full.
    case part(Int)
    case failed
  }

  /// Writes `bytes` to a non-blocking socket as far as it takes them, never raising SIGPIPE.
  static func send(_ fd: Int32, _ bytes: ArraySlice<UInt8>) -> SendResult {
    var offset = 0
    while offset < bytes.count {
      let sent = bytes.withUnsafeBytes { raw in
        Glibc.send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
      }
      if sent > 0 {
        offset += sent
        continue
      }
      if sent < 0 && errno == EINTR { continue }
      if sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { return .part(offset) }
      return .failed
    }
    return .all
  }

  /// Writes what `output` holds; true when it is empty (all went), false when the socket is
  /// full; nil when the peer is gone.
  func flush() -> Bool? {
    guard !output.isEmpty else { return true }
    if let tls { return flush(through: tls) }
    switch Self.send(fd, output[...]) {
    case .all:
      output.removeAll()
      return true
    case .part(let sent):
      output.removeFirst(sent)
      return false
    case .failed:
      return nil
    }
  }
}
