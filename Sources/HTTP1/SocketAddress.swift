import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// An IPv4 or IPv6 socket address, as the bytes of its `sockaddr_in`/`sockaddr_in6`: what the
/// transport connects to and the receiver binds, built one way for both families.
package struct SocketAddress: Sendable, Equatable {
  let family: Int32
  let bytes: [UInt8]

  init(family: Int32, bytes: [UInt8]) {
    self.family = family
    self.bytes = bytes
  }

  /// A numeric address (`127.0.0.1`, `::1`, no brackets) and a port; nil if `host` is not one.
  package init?(numericHost host: String, port: UInt16) {
    if host.contains(":") {
      var address = sockaddr_in6()
      address.sin6_family = sa_family_t(AF_INET6)
      address.sin6_port = port.bigEndian
      guard inet_pton(AF_INET6, host, &address.sin6_addr) == 1 else { return nil }
      self.init(family: AF_INET6, bytes: withUnsafeBytes(of: address) { Array($0) })
    } else {
      var address = sockaddr_in()
      address.sin_family = sa_family_t(AF_INET)
      address.sin_port = port.bigEndian
      guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else { return nil }
      self.init(family: AF_INET, bytes: withUnsafeBytes(of: address) { Array($0) })
    }
  }

  /// The address a socket is bound to (its port chosen by the system when bound to 0).
  init?(boundTo fd: Int32) {
    var storage = sockaddr_storage()
    var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
    let result = withUnsafeMutablePointer(to: &storage) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    guard result == 0 else { return nil }
    self.init(family: Int32(storage.ss_family), bytes: withUnsafeBytes(of: storage) { Array($0.prefix(Int(length))) })
  }

  /// The port, from the bytes (`sin_port` and `sin6_port` sit at the same offset, in network
  /// order).
  var port: UInt16 { UInt16(bytes[2]) << 8 | UInt16(bytes[3]) }

  /// Calls `body` with the address as the `sockaddr` pointer and length the socket calls take.
  func withSockaddr<Result>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> Result) -> Result {
    bytes.withUnsafeBytes { body($0.baseAddress!.assumingMemoryBound(to: sockaddr.self), socklen_t($0.count)) }
  }
}
