/// xoshiro256** seeded through SplitMix64: small, fast, and the same stream for one seed on
/// every machine, which `SystemRandomNumberGenerator` is not. Generation uses only this.
package struct SeededRandom: RandomNumberGenerator, Sendable {
  private var s0, s1, s2, s3: UInt64

  package init(seed: UInt64) {
    var mixer = seed
    s0 = SeededRandom.splitMix(&mixer)
    s1 = SeededRandom.splitMix(&mixer)
    s2 = SeededRandom.splitMix(&mixer)
    s3 = SeededRandom.splitMix(&mixer)
  }

  /// A generator for an independent stream (one per workflow), derived from a seed and an index.
  package init(seed: UInt64, stream: UInt64) {
    self.init(seed: SeededRandom.mix(seed ^ SeededRandom.mix(stream &+ 0x5EED)))
  }

  package mutating func next() -> UInt64 {
    let result = rotateLeft(s1 &* 5, 7) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = rotateLeft(s3, 45)
    return result
  }

  /// A double in [0, 1) with 53 random bits.
  @inline(__always) package mutating func unit() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// True with probability `probability`.
  @inline(__always) package mutating func chance(_ probability: Double) -> Bool {
    probability >= 1 || (probability > 0 && unit() < probability)
  }

  /// An integer in `range` by Lemire's multiply-shift: the bias is at most span / 2^64,
  /// far below anything a simulation can see, and it needs no division or retry loop.
  @inline(__always) package mutating func int(in range: ClosedRange<Int>) -> Int {
    let span = UInt64(bitPattern: Int64(range.upperBound &- range.lowerBound)) &+ 1
    if span == 0 { return Int(bitPattern: UInt(next())) }  // the full 64-bit range
    return range.lowerBound &+ Int(truncatingIfNeeded: next().multipliedFullWidth(by: span).high)
  }

  /// SplitMix64's step: advances `state` and returns the next output.
  package static func splitMix(_ state: inout UInt64) -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    return mix(state)
  }

  /// SplitMix64's finalizer. It is a bijection on UInt64, so distinct inputs give distinct
  /// outputs: CallIDs built from it are unique by construction, not by luck.
  package static func mix(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  private func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
    (x << k) | (x >> (64 - k))
  }
}
