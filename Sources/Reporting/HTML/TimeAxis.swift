import Support

/// The x axis of the charts over time: from the first interval's wall-clock start, in
/// seconds, minutes or hours as the run's length reads best.
struct TimeAxis {
  let series: TimeSeries
  /// Seconds since the Unix epoch of the axis' zero.
  let origin: Int64
  let unit: (name: String, seconds: Double)

  init(series: TimeSeries) {
    self.series = series
    origin = series.start(of: 0)
    let span = Double(series.width) * Double(max(series.intervals.count, 1))
    unit = span > 3 * 3600 ? ("h", 3600) : span > 600 ? ("min", 60) : ("s", 1)
  }

  /// The axis, covering every interval.
  var scale: AxisScale { AxisScale.linear(upTo: end(of: max(series.intervals.count - 1, 0))) }

  var label: String { "time (\(unit.name) since \(UTCTime.iso8601(origin).dropFirst(11).dropLast()) UTC)" }

  func start(of index: Int) -> Double { Double(series.start(of: index) - origin) / unit.seconds }
  func end(of index: Int) -> Double { start(of: index) + Double(series.width) / unit.seconds }
  func middle(of index: Int) -> Double { (start(of: index) + end(of: index)) / 2 }

  /// `19:16:07 UTC, 1 s`: what a tooltip says of the interval.
  func describe(_ index: Int) -> String {
    "\(UTCTime.iso8601(series.start(of: index)).dropFirst(11).dropLast()) UTC, \(series.width) s"
  }

  /// A transparent column over the interval, so its tooltip shows wherever the pointer is.
  func hoverColumn(_ index: Int, frame: ChartFrame) -> String {
    let x = frame.px(start(of: index))
    let width = max(frame.px(end(of: index)) - x, 0.5)
    return
      "<rect class=\"hover\" x=\"\(SVG.coordinate(x))\" y=\"\(SVG.coordinate(frame.top))\" width=\"\(SVG.coordinate(width))\" height=\"\(SVG.coordinate(frame.plotHeight))\"/>"
  }
}
