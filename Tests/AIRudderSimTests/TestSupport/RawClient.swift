import Foundation
import Testing

@testable import AIRudderSimCLI
@testable import Contract
@testable import Delivery
@testable import Generation
@testable import HTTP1
@testable import Receiver
@testable import Reporting
@testable import Scenario
@testable import Support

#if canImport(Glibc)
  import Glibc
#endif

/// A bare TCP client for throwing arbitrary bytes at the receiver.
final class RawClient {
  let fd: Int32

  /// `timeout` bounds each read: a safety net only (reads return as soon as the answer or the
  /// close is in), generous because a receiver on a loaded machine may answer seconds late.
  init(port: UInt16, timeout: Double = 30) throws {
    fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
    let result = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard result == 0 else {
      close(fd)
      throw POSIXError(.ECONNREFUSED)
    }
    var limit = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - Double(Int(timeout))) * 1_000_000))
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
  }

  deinit { close(fd) }

  func send(_ text: String) { send(Array(text.utf8)) }

  func send(_ bytes: [UInt8]) {
    _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
  }

  /// Reads until `count` responses (status lines with complete bodies) arrived, the peer
  /// closed, or the timeout passed. Returns the statuses seen and whether the peer closed.
  func readResponses(_ count: Int = 1) -> (statuses: [Int], closed: Bool) {
    var data = [UInt8]()
    var statuses: [Int] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while statuses.count < count {
      let received = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
      if received <= 0 { return (statuses, received == 0) }
      data += buffer[0..<received]
      statuses = Self.statuses(in: data)
    }
    return (statuses, false)
  }

  /// Whether the peer closed the connection within the socket timeout.
  func waitForClose() -> Bool {
    var byte: UInt8 = 0
    while true {
      let received = recv(fd, &byte, 1, 0)
      if received == 0 { return true }
      if received < 0 { return errno == ECONNRESET }
    }
  }

  static func statuses(in data: [UInt8]) -> [Int] {
    let text = String(decoding: data, as: UTF8.self)
    var statuses: [Int] = []
    var rest = Substring(text)
    while let range = rest.range(of: "HTTP/1.1 ") {
      let code = rest[range.upperBound...].prefix(3)
      guard let status = Int(code) else { break }
      // A response is complete when its Content-Length bytes follow the blank line.
      guard let headEnd = rest[range.upperBound...].range(of: "\r\n\r\n") else { break }
      let head = rest[range.upperBound..<headEnd.lowerBound]
      let length =
        head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
        .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
      let bodyStart = headEnd.upperBound
      guard rest.utf8.distance(from: bodyStart, to: rest.endIndex) >= length else { break }
      statuses.append(status)
      rest = rest[rest.utf8.index(bodyStart, offsetBy: length)...]
    }
    return statuses
  }
}

/// A valid signed notification body from the smoke scenario.
func validBody(number: Int = 1, key: String = "airudder") throws -> [UInt8] {
  let scenario = try ScenarioLoader.load(path: RepositoryPath.scenario("smoke.json"))
  var signer = Signer(key: key)
  var item = try #require(Array(NotificationGenerator(scenario: scenario, limit: number)).last)
  signer.sign(&item.notification)
  return item.notification.jsonBytes()
}

func post(_ body: [UInt8], keepAlive: Bool = true) -> [UInt8] {
  Array(
    "POST /hook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nUser-Agent: Airudder\r\nContent-Length: \(body.count)\r\n\(keepAlive ? "" : "Connection: close\r\n")\r\n"
      .utf8) + body
}
