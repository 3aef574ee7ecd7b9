import Delivery
import Foundation
import Support

/// `--shard I/N`, `--per-shard` and `--start-at`: one process's share of a run spread over many.
extension RunCommand {
  /// Sets the plan's shard and divides the totals among the shards (unless `--per-shard`).
  static func applyShard(_ arguments: ParsedArguments, to plan: inout DeliveryPlan) throws(CommandLineError) {
    guard let text = arguments.string("--shard") else {
      if arguments.has("--per-shard") {
        throw .missingArgument("--shard I/N (--per-shard says how --shard divides the rate and concurrency)")
      }
      return
    }
    guard let shard = Shard(parsing: text) else {
      throw .invalidValue(
        option: "--shard", value: text, expected: "I/N with whole numbers 0 <= I < N <= \(Shard.maxCount), such as 0/4")
    }
    plan.shard = shard
    guard !arguments.has("--per-shard") else { return }
    // Totals: the concurrency split with the remainder to the first shards (at least 1 each),
    // the rate in equal parts, as the schedule interleaves them.
    plan.concurrency = shard.share(of: plan.concurrency)
    if let rate = plan.rate { plan.rate = rate / Double(shard.count) }
  }

  /// `--start-at`, or nil.
  static func startAt(_ arguments: ParsedArguments, now: Date = Date()) throws(CommandLineError) -> Date? {
    guard let text = arguments.string("--start-at") else { return nil }
    switch StartTime.parse(text, now: now) {
    case .success(let date): return date
    case .failure(let problem): throw .refusedValue(option: "--start-at", value: text, reason: problem.message)
    }
  }
}
