import Support

#if canImport(Glibc)
  import Glibc
#endif

/// https for `check`: the handshake right after connecting, then each exchange's writes and
/// reads through the session, blocking with the request's deadline as the plain path does.
extension HTTPProbeConnection {
  /// Makes the connection's TLS and its handshake with `host` (its name for SNI, and the name
  /// or address the certificate must carry); the failure, or nil once it is done.
  func handshake(_ context: TLSContext, host: String, deadline: UInt64) -> Failure? {
    guard let session = context.session(fd: fd, server: false) else {
      return .connection("TLS error: cannot start a TLS connection: \(TLSContext.lastError())")
    }
    guard session.expect(host: host) else {
      return .connection("TLS error: cannot set the expected host \(host): \(TLSContext.lastError())")
    }
    tls = session
    switch session.handshake(waiting: { wait(for: $0, until: deadline) == nil }) {
    case nil: return .timeout
    case .failed(let text)?: return .connection(text)
    case .done?, .wantRead?, .wantWrite?: return nil
    }
  }

  /// Writes the whole request through `session`, then reads the answer.
  func exchange(_ request: [UInt8], through session: TLSSession, deadline: UInt64, bodyPrefix: Int) -> Result<Answer, Failure> {
    let sent = request.withUnsafeBytes { bytes in
      session.write(all: bytes, waiting: { wait(for: $0, until: deadline) == nil })
    }
    switch sent {
    case nil: return .failure(.timeout)
    case .bytes?: return read(deadline: deadline, bodyPrefix: bodyPrefix)
    case .failed(let text)?: return .failure(.connection(text))
    case .end?, .socketError?, .wantRead?, .wantWrite?:
      // A receiver may answer (413, say) and close before reading the whole body; one that
      // refused the handshake sends its alert, which says more than the reset: both are read.
      switch read(deadline: deadline, bodyPrefix: bodyPrefix) {
      case .success(let answer): return .success(answer)
      case .failure(.connection(let text)) where text.hasPrefix("TLS"): return .failure(.connection(text))
      default:
        if case .socketError(let code)? = sent {
          return .failure(.connection(HTTPConnection.SocketError(code: code).description))
        }
        return .failure(.connection("connection closed while sending"))
      }
    }
  }

  /// Under TLS 1.3 the client's handshake ends before the server has judged its certificate:
  /// a server refusing it (mutual TLS) sends its alert just after, where one that accepts it
  /// sends session tickets or nothing. Waits up to `patience` for that first word and names
  /// an alert or a close; nil when the connection looks usable. Reads no request's answer:
  /// only for a connection that has sent nothing (the reachability check).
  package func refusalAfterHandshake(patience: Duration) -> String? {
    guard let tls, tls.isTLS13 else { return nil }
    let deadline = HTTPConnectionLoop.now() &+ patience.wholeNanoseconds
    var waited = false
    var scratch = [UInt8](repeating: 0, count: 512)
    let result = scratch.withUnsafeMutableBytes { buffer in
      tls.read(
        into: buffer,
        waiting: { events in
          // Once the server has said something that was not an alert, it has accepted us.
          guard !waited else { return false }
          waited = true
          return wait(for: events, until: deadline) == nil
        })
    }
    switch result {
    case .failed(let text)?: return text
    case .end?: return "the server closed the connection right after the TLS handshake"
    case .socketError(let code)?: return "\(HTTPConnection.SocketError(code: code).description) right after the TLS handshake"
    case nil, .bytes?, .wantRead?, .wantWrite?: return nil
    }
  }
}
