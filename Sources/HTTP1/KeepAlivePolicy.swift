import Support

/// When the socket transport may put a request on an idle kept-alive connection. Servers close
/// idle connections on their own schedule (Node.js, uvicorn and Apache after 5 s by default),
/// some right after each answer without saying so; a request sent as the server closes is
/// lost with the connection and counts as a failed attempt, and it may not be resent (the
/// server may have read it). So the transport
/// - gives a connection up first: after its own limit, or a second before the server's
///   announced `Keep-Alive: timeout=N`, whichever comes first;
/// - learns from the server: an idle connection the server closed after some time lowers the
///   limit below that time; one closed at once ends reuse;
/// - reuses a connection sooner than `probeWindow` after its answer only once the server has
///   kept one open that long, so a server that closes after each answer is found out before
///   a request is lost to it (a once-only wait of at most `probeWindow`).
/// Mutated by the loop thread only.
package struct KeepAlivePolicy: Sendable, Equatable {
  /// 4 s: a second under the common 5 s, enough for a request in flight on a slow link and for
  /// servers that count their timeout in whole seconds. Under load connections never idle that
  /// long; a run that posts less often pays one TCP handshake per notification, nothing to a
  /// receiver.
  package static let defaultIdle = Duration.seconds(4)
  /// Kept below a server's announced timeout (which is in whole seconds).
  static let serverMargin: UInt64 = 1_000_000_000
  /// How long after an answer a server that closes after each answer has surely done so.
  static let probeWindow: UInt64 = 50_000_000
  /// A connection reused sooner than this after its answer is not checked first: a server that
  /// closes that soon is found out by the probe wait (and then nothing is reused), and under
  /// load, where reuse comes within a millisecond or so, a check per request costs about 5%
  /// of the transport's CPU.
  static let checkAfter: UInt64 = probeWindow

  /// Nanoseconds; 0: every connection carries one request.
  let idleLimit: UInt64
  /// Below how long the server was seen to close idle connections (nanoseconds).
  private(set) var learnedLimit = UInt64.max
  /// The server kept a connection open `probeWindow` after an answer.
  private(set) var proven = false

  package init(idle: Duration = Self.defaultIdle) {
    // Capped at about 31 years, so that adding it to the monotonic clock cannot overflow.
    idleLimit = idle <= .zero ? 0 : min(idle, .seconds(1_000_000_000)).wholeNanoseconds
  }

  /// How long a connection may stay idle after a response that announced `serverTimeout`
  /// seconds (nil: none announced); 0 when it must not carry another request.
  func idleLimit(serverTimeout: Int?) -> UInt64 {
    var limit = min(idleLimit, learnedLimit)
    if let serverTimeout {
      let announced = UInt64(min(max(serverTimeout, 0), 1_000_000)) * 1_000_000_000
      limit = min(limit, announced > Self.serverMargin ? announced - Self.serverMargin : 0)
    }
    return limit
  }

  enum Reuse: Equatable {
    case reuse
    /// Past its limit: close it.
    case expired
    /// Not proven yet: ask again after this many nanoseconds.
    case waitFor(UInt64)
  }

  /// Whether a connection idle for `age` nanoseconds, whose limit was set at `limit`, may
  /// carry a request now (checked open by the caller before it does).
  func reuse(idleFor age: UInt64, limit: UInt64) -> Reuse {
    if age >= min(limit, learnedLimit) { return .expired }
    if !proven && age < Self.probeWindow { return .waitFor(Self.probeWindow - age) }
    return .reuse
  }

  /// A connection idle for `age` was found open by a check just before reuse.
  mutating func keptOpen(idleFor age: UInt64) {
    if age >= Self.probeWindow { proven = true }
  }

  /// The server closed a connection idle for `age` nanoseconds (or closed it under a request
  /// sent after that long): connections are given up well before that from now on; at once
  /// (under `probeWindow`), no connection is reused.
  mutating func serverClosed(idleFor age: UInt64) {
    let below = age / 4 * 3
    learnedLimit = min(learnedLimit, below < Self.probeWindow ? 0 : below)
  }
}
