import Foundation

/// Why reports cannot be merged into one run's report. Each names the files concerned.
package enum MergeError: LocalizedError, Equatable {
  /// No report was given.
  case noReports
  /// The reports are of different runs: `key` differs, with the files holding each value.
  case differentRuns(key: String, values: [(value: String, files: [String])])
  /// One shard's report given more than once (its notifications would count twice).
  case repeatedShard(index: Int, count: Int, files: [String])
  /// Shards of the run with no report (merged anyway with `--allow-partial`).
  case missingShards([Int], count: Int, files: [String])
  /// A report that is itself a merge.
  case alreadyMerged(file: String)
  /// The shards were judged by different limits, so the whole has no one verdict.
  case differentThresholds(values: [(value: String, files: [String])])

  package static func == (lhs: MergeError, rhs: MergeError) -> Bool {
    lhs.errorDescription == rhs.errorDescription
  }

  package var errorDescription: String? {
    switch self {
    case .noReports:
      "no report to merge"
    case .differentRuns(let key, let values):
      "the reports are of different runs: \(key) "
        + values.map { "\($0.value) in \(Self.list($0.files))" }.joined(separator: "; ")
    case .repeatedShard(let index, let count, let files):
      "shard \(index)/\(count) is given more than once (\(Self.list(files))): its notifications would count twice"
    case .missingShards(let missing, let count, let files):
      "shard\(missing.count == 1 ? "" : "s") \(missing.map { "\($0)/\(count)" }.joined(separator: ", ")) missing: "
        + "\(Self.list(files)) hold\(files.count == 1 ? "s" : "") \(count - missing.count) of \(count)"
        + " (--allow-partial merges what there is)"
    case .alreadyMerged(let file):
      "\(file) is a merged report; merge the shards' own reports"
    case .differentThresholds(let values):
      "the shards were judged by different thresholds: "
        + values.map { "\($0.value) in \(Self.list($0.files))" }.joined(separator: "; ")
    }
  }

  /// `a.json, b.json and 3 more`: long lists stay one readable line.
  static func list(_ files: [String]) -> String {
    files.count <= 6 ? files.joined(separator: ", ") : files.prefix(5).joined(separator: ", ") + " and \(files.count - 5) more"
  }
}
