// A limit or target that is not set is written as `null`, as the README documents, so a
// strict reader finds every key (synthesised encoding would leave the key out).

extension RunReport.Rate {
  package func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(target, forKey: .target)
    try container.encode(achieved, forKey: .achieved)
    try container.encode(lateStarts, forKey: .lateStarts)
  }
}

extension RunReport.Thresholds {
  package func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(maxDropped, forKey: .maxDropped)
    try container.encode(maxAbandoned, forKey: .maxAbandoned)
    try container.encode(maxP99Ms, forKey: .maxP99Ms)
    try container.encode(minSuccessRate, forKey: .minSuccessRate)
    try container.encode(missed, forKey: .missed)
  }
}
