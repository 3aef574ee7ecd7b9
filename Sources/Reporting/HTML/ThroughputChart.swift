import HTTP1

/// Attempts a second over time, stacked by class: one column per interval of the series.
struct ThroughputChart {
  let series: TimeSeries

  func svg() -> String {
    let axis = TimeAxis(series: series)
    let width = Double(series.width)
    let classes = AttemptClass.allCases
    let peak = series.intervals.map { Double($0.attempts.reduce(0, +)) / width }.max() ?? 0
    let frame = ChartFrame(x: axis.scale, y: .linear(upTo: peak))
    var out = frame.open(
      id: "chart-throughput", title: "Throughput over time, by attempt class",
      legend: classes.map { .init(name: $0.rawValue, color: ChartPalette.color($0)) })
    out += frame.axes(xLabel: axis.label, yLabel: "attempts per second (ended)")
    out += "<g class=\"points\">\n"
    let thin = series.intervals.count > 300
    for (index, interval) in series.intervals.enumerated() {
      let x0 = frame.px(axis.start(of: index))
      let x1 = frame.px(axis.end(of: index))
      let gap = thin ? 0 : min(1.5, (x1 - x0) * 0.15)
      var title = "\(axis.describe(index)): "
      title += classes.filter { interval.attempts($0) > 0 }.map {
        "\($0.rawValue) \(SVG.number(Double(interval.attempts($0)) / width))/s"
      }.joined(separator: ", ")
      if interval.attempts.allSatisfy({ $0 == 0 }) { title += "no attempt ended" }
      out += "<g class=\"pt\"><title>\(SVG.escape(title))</title>"
      out += axis.hoverColumn(index, frame: frame)
      var stacked = 0.0
      for attemptClass in classes where interval.attempts(attemptClass) > 0 {
        let rate = Double(interval.attempts(attemptClass)) / width
        let top = frame.py(stacked + rate)
        let bottom = frame.py(stacked)
        stacked += rate
        out +=
          "<rect x=\"\(SVG.coordinate(x0 + gap / 2))\" y=\"\(SVG.coordinate(top))\" width=\"\(SVG.coordinate(max(x1 - x0 - gap, 0.5)))\" height=\"\(SVG.coordinate(max(bottom - top, 0.5)))\" fill=\"\(ChartPalette.color(attemptClass))\"/>"
      }
      out += "</g>\n"
    }
    out += "</g>\n"
    return out + frame.close()
  }
}
