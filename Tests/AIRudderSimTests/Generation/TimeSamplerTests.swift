import Testing

@testable import Generation
@testable import Scenario
@testable import Support

@Suite struct TimeSamplerTests {
  @Test(arguments: [(0.5, 0.0), (0.975, 1.959_963_985), (0.01, -2.326_347_874), (0.999, 3.090_232_306)])
  func normalQuantiles(p: Double, z: Double) {
    #expect(abs(TimeSampler.normalQuantile(p) - z) < 1e-6)
  }

  /// Median and clamping as asked; the early cluster shows as its share of short draws.
  @Test func drawsFollowTheDistribution() {
    let sampler = TimeSampler(TimeDistribution(median: 40, spread: 0.5, min: 5, max: 120, earlyRate: 0.2, earlyMedian: 3))
    var rng = SeededRandom(seed: 3)
    let draws = (0..<20_000).map { _ in sampler.sample(using: &rng) }.sorted()
    #expect(draws.first! >= 5 && draws.last! <= 120)
    #expect(Double(draws.filter { $0 == 5 }.count) / 20_000 > 0.15, "the early cluster, clamped at min")
    let late = draws.filter { $0 > 10 }
    #expect(abs(late[late.count / 2] - 41) <= 3)
  }
}
