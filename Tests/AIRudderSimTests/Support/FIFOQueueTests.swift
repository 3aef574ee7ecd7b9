import Testing

@testable import Support

/// The first-in-first-out queue of waiting tasks and of the dialer's redials.
@Suite struct FIFOQueueTests {
  /// First in, first out, past the point where the queue compacts its storage (over 1,024
  /// taken and more than half of what it holds), with elements still added between takes;
  /// `first` and `last` peek without taking; `removeAll` gives the rest in order.
  @Test(arguments: [1, 5, 1_500, 5_000])
  func firstInFirstOut(count: Int) {
    var queue = FIFOQueue<Int>()
    for value in 0..<count { queue.append(value) }
    var added = count
    var expected = 0
    while expected < count {
      #expect(queue.first == expected)
      #expect(queue.last == added - 1)
      #expect(queue.popFirst() == expected)
      expected += 1
      if expected % 4 == 0 {
        queue.append(added)
        added += 1
      }
    }
    #expect(queue.count == added - expected)
    #expect(Array(queue.removeAll()) == Array(expected..<added))
    #expect(queue.isEmpty && queue.popFirst() == nil && queue.first == nil && queue.last == nil)
  }
}
