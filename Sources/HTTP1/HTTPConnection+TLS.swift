import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// An https connection's reads and writes: through its `TLSSession` instead of `send` and
/// `recv`, with the same progress reports, so the loop treats both kinds alike.
extension HTTPConnection {
  /// Writes what is left of `head` then `body` (past `written`). Both go in one TLS record
  /// when both remain: one encryption and one `send`, as the plaintext path's one `sendmsg`.
  func send(through tls: TLSSession, head: UnsafeRawBufferPointer, body: UnsafeRawBufferPointer) -> SendProgress {
    let total = head.count + body.count
    while written < total {
      let result: TLSSession.Transfer
      if written < head.count && !body.isEmpty {
        var joined = [UInt8]()
        joined.reserveCapacity(total - written)
        joined.append(contentsOf: head[written...])
        joined.append(contentsOf: body)
        result = joined.withUnsafeBytes { tls.write($0) }
      } else if written < head.count {
        result = tls.write(UnsafeRawBufferPointer(rebasing: head[written...]))
      } else {
        result = tls.write(UnsafeRawBufferPointer(rebasing: body[(written - head.count)...]))
      }
      switch result {
      case .bytes(let count): written += count
      case .wantRead, .wantWrite: return .wouldBlock
      case .end: return .failed(EPIPE)
      case .socketError(let code): return alert(on: tls).map { .tlsFailed($0) } ?? .failed(code)
      case .failed(let text): return .tlsFailed(text)
      }
    }
    return .sent
  }

  /// A peer that refuses the handshake (a client certificate it does not accept, say) sends
  /// an alert and closes; under TLS 1.3 that can reach this end only after it finished its
  /// side of the handshake and wrote into the reset socket. The alert says more than the
  /// reset: it is read if it is there.
  private func alert(on tls: TLSSession) -> String? {
    var scratch = [UInt8](repeating: 0, count: 512)
    let result = scratch.withUnsafeMutableBytes { tls.read(into: $0) }
    if case .failed(let text) = result { return text }
    return nil
  }

  /// Reads what has arrived, as `receive(through:)` does: until the answer is whole, broken or
  /// cut, or nothing more is readable now.
  func receive(through tls: TLSSession, buffer: UnsafeMutableRawBufferPointer) -> ReadProgress {
    while true {
      switch tls.read(into: buffer) {
      case .bytes(let count):
        let step = reader.consume(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        if step != .needMore { return .step(step) }
        // Nothing held inside OpenSSL: level-triggered epoll calls again for what the socket has.
        if count < buffer.count && !tls.hasPending { return .wouldBlock }
      case .wantRead, .wantWrite: return .wouldBlock
      case .end: return .step(reader.endOfStream())
      case .socketError(let code): return .failed(code)
      case .failed(let text): return .tlsFailed(text)
      }
    }
  }
}
