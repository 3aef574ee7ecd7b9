/// One share of a run split over `count` processes (`run --shard index/count`). The run's
/// notifications are numbered 1, 2, 3, … in the one order `generate` gives; shard `index` sends
/// those whose number n has (n − 1) mod `count` == `index`. Every shard generates the same
/// sequence and signs and sends only its own, so the union over the shards is exactly the whole
/// run's, on any number of shards, none twice, none missing, with the same bytes and numbers.
package struct Shard: Sendable, Equatable, CustomStringConvertible {
  package var index: Int
  package var count: Int

  /// The whole run in one process.
  package static let whole = Shard(index: 0, count: 1)

  package init(index: Int, count: Int) {
    precondition(count >= 1 && (0..<count).contains(index), "shard \(index)/\(count)")
    self.index = index
    self.count = count
  }

  /// Reads `i/n` with 0 ≤ i < n ≤ 100000; nil for anything else.
  package init?(parsing text: String) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
      let index = Int(parts[0]), let count = Int(parts[1]), (1...Self.maxCount).contains(count), index < count
    else { return nil }
    self.init(index: index, count: count)
  }

  /// More shards than this is surely a typo.
  package static let maxCount = 100_000

  /// Whether the run's notification number `number` (1-based) is this shard's.
  package func owns(_ number: Int) -> Bool {
    (number - 1) % count == index
  }

  /// This shard's part of a total that the shards share (`--concurrency`): the total divided,
  /// the remainder to the first shards, at least 1.
  package func share(of total: Int) -> Int {
    max(1, total / count + (index < total % count ? 1 : 0))
  }

  package var description: String { "\(index)/\(count)" }
}
