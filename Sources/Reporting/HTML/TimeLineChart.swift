/// Lines over the intervals of the series (latency percentiles, gauges): a missing value
/// breaks the line; each interval carries one tooltip with every line's value.
struct TimeLineChart {
  struct Line {
    var name: String
    var color: String
    /// One value per interval; nil where there is none (no attempt ended).
    var values: [Double?]
    var dashed = false
  }

  let id: String
  let title: String
  let yLabel: String
  let unit: String
  let logarithmic: Bool
  let series: TimeSeries
  let lines: [Line]

  func svg() -> String {
    let axis = TimeAxis(series: series)
    let values = lines.flatMap { $0.values.compactMap { $0 } }
    let y: AxisScale =
      logarithmic
      ? .log(from: values.filter { $0 > 0 }.min() ?? 1, to: values.max() ?? 10) : .linear(upTo: values.max() ?? 0)
    let frame = ChartFrame(x: axis.scale, y: y)
    var out = frame.open(
      id: id, title: title, legend: lines.map { .init(name: $0.name, color: $0.color, isLine: true, dashed: $0.dashed) })
    out += frame.axes(xLabel: axis.label, yLabel: yLabel)
    for line in lines {
      for segment in segments(line, axis: axis, frame: frame) {
        out +=
          "<polyline class=\"line\" fill=\"none\" stroke=\"\(line.color)\" stroke-width=\"2\"\(line.dashed ? " stroke-dasharray=\"5 3\"" : "") points=\"\(segment)\"/>\n"
      }
    }
    out += "<g class=\"points\">\n"
    let marks = series.intervals.count <= 240
    for index in series.intervals.indices {
      let shown = lines.map { line in "\(line.name) \(line.values[index].map { SVG.number($0) + unit } ?? "–")" }
      out += "<g class=\"pt\"><title>\(SVG.escape(axis.describe(index) + ": " + shown.joined(separator: ", ")))</title>"
      out += axis.hoverColumn(index, frame: frame)
      if marks {
        for line in lines {
          guard let value = line.values[index], !logarithmic || value > 0 else { continue }
          out +=
            "<circle cx=\"\(SVG.coordinate(frame.px(axis.middle(of: index))))\" cy=\"\(SVG.coordinate(frame.py(value)))\" r=\"2.6\" fill=\"\(line.color)\"/>"
        }
      }
      out += "</g>\n"
    }
    out += "</g>\n"
    return out + frame.close()
  }

  /// The `points` of each unbroken run of values.
  private func segments(_ line: Line, axis: TimeAxis, frame: ChartFrame) -> [String] {
    var segments: [String] = []
    var current: [String] = []
    for (index, value) in line.values.enumerated() {
      if let value, !logarithmic || value > 0 {
        current.append("\(SVG.coordinate(frame.px(axis.middle(of: index)))),\(SVG.coordinate(frame.py(value)))")
      } else if !current.isEmpty {
        segments.append(current.joined(separator: " "))
        current = []
      }
    }
    if !current.isEmpty { segments.append(current.joined(separator: " ")) }
    return segments
  }
}
