/// Series of runs on several machines, added up on wall-clock time.
extension TimeSeries {
  /// The sum of `all`, interval by interval at the same wall-clock start: each is coarsened to
  /// the widest width first (their grids are multiples of the width since the epoch, so they
  /// line up), and the whole coarsened again while it spans more than `maxIntervals`. Gauges
  /// add up too: outside a run's own intervals it had nothing in flight.
  package static func merged(_ all: [TimeSeries]) -> TimeSeries {
    var series = all.filter { $0.base != nil }
    guard let widest = series.map(\.width).max() else { return TimeSeries() }
    for index in series.indices {
      while series[index].width < widest { series[index].coarsen() }
    }
    func span() -> (first: Int64, end: Int64) {
      (series.map { $0.base! }.min()!, series.map { $0.base! + Int64($0.intervals.count) }.max()!)
    }
    while span().end - span().first > Int64(maxIntervals) {
      for index in series.indices { series[index].coarsen() }
    }
    let (first, end) = span()
    var intervals = [Interval](repeating: Interval(), count: Int(end - first))
    for part in series {
      for (offset, interval) in part.intervals.enumerated() {
        intervals[Int(part.base! - first) + offset].add(interval)
      }
    }
    return TimeSeries(width: series[0].width, base: first, intervals: intervals)
  }
}
