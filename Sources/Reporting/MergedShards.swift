/// What a merged report was made of (`airudder-sim merge`): the run's shard count, the shards
/// present with their files, and those missing (only with `--allow-partial`).
package struct MergedShards: Codable, Sendable, Equatable {
  /// N of the run's `--shard I/N`.
  package var count: Int
  /// The shard indices merged, ascending.
  package var shards: [Int]
  /// The report file of each merged shard, in the order of `shards`.
  package var files: [String]
  /// Shard indices not merged; empty unless `--allow-partial`.
  package var missing: [Int]

  package init(count: Int, shards: [Int], files: [String], missing: [Int]) {
    self.count = count
    self.shards = shards
    self.files = files
    self.missing = missing
  }
}
