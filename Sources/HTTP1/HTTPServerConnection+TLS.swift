/// An https connection of the receiver writes through its TLS session.
extension HTTPServerConnection {
  /// As `flush()`: true when `output` all went, false when the socket is full, nil when the
  /// peer is gone or TLS failed.
  func flush(through tls: TLSSession) -> Bool? {
    var sent = 0
    defer { output.removeFirst(sent) }
    while sent < output.count {
      switch output.withUnsafeBytes({ tls.write(UnsafeRawBufferPointer(rebasing: $0[sent...])) }) {
      case .bytes(let count):
        sent += count
      case .wantWrite:
        tlsWantsWrite = true
        return false
      case .wantRead:
        return false
      case .end, .socketError, .failed:
        return nil
      }
    }
    return true
  }
}
