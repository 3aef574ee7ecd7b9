import Testing

@testable import AIRudderSimCLI
@testable import Contract
@testable import Delivery
@testable import HTTP1
@testable import Reporting
@testable import Scenario
@testable import Support

@Suite struct SeededRandomTests {
  /// SplitMix64's published first output for seed 0, and a fixed xoshiro256** stream.
  @Test func knownOutputs() {
    var state: UInt64 = 0
    #expect(SeededRandom.splitMix(&state) == 0xE220_A839_7B1D_CDAF)
    var first = SeededRandom(seed: 42)
    var second = SeededRandom(seed: 42)
    let a = (0..<100).map { _ in first.next() }
    #expect(a == (0..<100).map { _ in second.next() })
    var other = SeededRandom(seed: 43)
    #expect(a != (0..<100).map { _ in other.next() })
  }

  @Test(arguments: [0...0, 0...1, 2...9, -5...5, 0...Int.max])
  func intsStayInRange(range: ClosedRange<Int>) {
    var rng = SeededRandom(seed: 7)
    for _ in 0..<10_000 { #expect(range.contains(rng.int(in: range))) }
  }

  @Test func unitAndChanceAreUniformEnough() {
    var rng = SeededRandom(seed: 1)
    var hits = 0
    for _ in 0..<100_000 {
      let value = rng.unit()
      #expect(value >= 0 && value < 1)
      if rng.chance(0.3) { hits += 1 }
    }
    #expect(abs(Double(hits) / 100_000 - 0.3) < 0.01)
    #expect(!rng.chance(0) && rng.chance(1))
  }

  @Test func streamsDiffer() {
    var a = SeededRandom(seed: 5, stream: 0)
    var b = SeededRandom(seed: 5, stream: 1)
    #expect(a.next() != b.next())
  }
}
