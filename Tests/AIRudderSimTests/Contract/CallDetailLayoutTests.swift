import Testing

@testable import Contract

@Suite struct CallDetailLayoutTests {
  /// glibc serves a chunk under 1 KiB (with its 8-byte header) from its small bins when the
  /// thread's cache has none; from 1 KiB up it takes the large-chunk path, which first merges
  /// the fast bins and costs several times as much. Most notifications carry one or two calls,
  /// so an array of two (its 32-byte header included) has to stay under: `CallDetail` keeps its
  /// one-byte fields together, in the padding after `ringTime`.
  @Test func twoCallsStayInTheSmallBins() {
    let request = 32 + 2 * MemoryLayout<CallDetail>.stride
    let chunk = (request + 8 + 15) / 16 * 16
    #expect(chunk < 1024, "two calls take a \(chunk)-byte chunk (CallDetail: \(MemoryLayout<CallDetail>.stride) bytes)")
  }
}
