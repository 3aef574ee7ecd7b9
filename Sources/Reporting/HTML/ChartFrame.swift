/// The parts every chart shares: an SVG of a fixed view box that scales to the page, a
/// visible title, the plot area with grid, ticks and axis labels with units, and a legend.
struct ChartFrame {
  let width: Double
  let height: Double
  let left = 78.0
  let right = 24.0
  let top = 56.0
  let bottom = 54.0
  let x: AxisScale
  let y: AxisScale

  init(x: AxisScale, y: AxisScale, width: Double = 960, height: Double = 320) {
    self.x = x
    self.y = y
    self.width = width
    self.height = height
  }

  var plotWidth: Double { width - left - right }
  var plotHeight: Double { height - top - bottom }

  func px(_ value: Double) -> Double { left + x.position(value) * plotWidth }
  func py(_ value: Double) -> Double { top + (1 - y.position(value)) * plotHeight }

  /// What `upTo` a count axis needs so the tallest bar leaves room above it for a value label
  /// (about 18px) inside the plot, clear of the legend above the plot.
  func withHeadroom(_ maximum: Double) -> Double { maximum / (1 - 18 / plotHeight) }

  /// An entry of the legend: a filled box (areas, bars) or a line (series).
  struct LegendEntry {
    var name: String
    var color: String
    var isLine = false
    var dashed = false
  }

  /// Opens the SVG with its title (visible, and as the accessible name) and legend.
  func open(id: String, title: String, legend: [LegendEntry] = []) -> String {
    var out =
      "<svg id=\"\(id)\" class=\"chart\" viewBox=\"0 0 \(SVG.coordinate(width)) \(SVG.coordinate(height))\" role=\"img\" aria-labelledby=\"\(id)-title\">\n"
    out += "<title id=\"\(id)-title\">\(SVG.escape(title))</title>\n"
    out += "<rect x=\"0\" y=\"0\" width=\"\(SVG.coordinate(width))\" height=\"\(SVG.coordinate(height))\" fill=\"#ffffff\"/>\n"
    out += "<text class=\"chart-title\" x=\"\(SVG.coordinate(left))\" y=\"24\">\(SVG.escape(title))</text>\n"
    out += self.legend(legend)
    return out
  }

  func close() -> String { "</svg>\n" }

  /// Grid lines, tick labels, the axes and their labels (with units).
  /// Without `xTicks` or `yTicks` that axis gets no grid: the chart labels it itself.
  func axes(
    xLabel: String, yLabel: String, xTick: (Double) -> String = AxisScale.label, yTick: (Double) -> String = AxisScale.label,
    xTicks: Bool = true, yTicks: Bool = true
  ) -> String {
    var out = "<g class=\"axes\">\n"
    for value in yTicks ? y.ticks : [] {
      let position = SVG.coordinate(py(value))
      out +=
        "<line class=\"grid\" x1=\"\(SVG.coordinate(left))\" y1=\"\(position)\" x2=\"\(SVG.coordinate(left + plotWidth))\" y2=\"\(position)\"/>"
      out +=
        "<text class=\"tick\" x=\"\(SVG.coordinate(left - 6))\" y=\"\(position)\" text-anchor=\"end\" dy=\"0.32em\">\(SVG.escape(yTick(value)))</text>\n"
    }
    for value in xTicks ? x.ticks : [] {
      let position = SVG.coordinate(px(value))
      out +=
        "<line class=\"grid\" x1=\"\(position)\" y1=\"\(SVG.coordinate(top))\" x2=\"\(position)\" y2=\"\(SVG.coordinate(top + plotHeight))\"/>"
      // The last label moves left as far as it must to end clear of the chart's edge.
      let label = xTick(value)
      let labelX = SVG.coordinate(min(px(value), width - 12 - SVG.textWidth(label) / 2))
      out +=
        "<text class=\"tick\" x=\"\(labelX)\" y=\"\(SVG.coordinate(top + plotHeight + 16))\" text-anchor=\"middle\">\(SVG.escape(label))</text>\n"
    }
    let bottomEdge = SVG.coordinate(top + plotHeight)
    out +=
      "<line class=\"axis\" x1=\"\(SVG.coordinate(left))\" y1=\"\(bottomEdge)\" x2=\"\(SVG.coordinate(left + plotWidth))\" y2=\"\(bottomEdge)\"/>"
    out +=
      "<line class=\"axis\" x1=\"\(SVG.coordinate(left))\" y1=\"\(SVG.coordinate(top))\" x2=\"\(SVG.coordinate(left))\" y2=\"\(bottomEdge)\"/>\n"
    out +=
      "<text class=\"axis-label\" x=\"\(SVG.coordinate(left + plotWidth / 2))\" y=\"\(SVG.coordinate(height - 10))\" text-anchor=\"middle\">\(SVG.escape(xLabel))</text>\n"
    // Rotated beside the plot when the chart is tall enough for it; else read across above the
    // plot (below the legend's row), so a short chart does not cut it off.
    let middle = top + plotHeight / 2
    let half = SVG.textWidth(yLabel, size: 13) / 2
    if middle - half >= 4 && middle + half <= height - 4 {
      let y = SVG.coordinate(middle)
      out +=
        "<text class=\"axis-label\" x=\"18\" y=\"\(y)\" text-anchor=\"middle\" transform=\"rotate(-90 18 \(y))\">\(SVG.escape(yLabel))</text>\n"
    } else {
      out +=
        "<text class=\"axis-label\" x=\"8\" y=\"\(SVG.coordinate(top - 8))\" text-anchor=\"start\">\(SVG.escape(yLabel))</text>\n"
    }
    return out + "</g>\n"
  }

  /// The legend, one row to the right of the title's line.
  private func legend(_ entries: [LegendEntry]) -> String {
    guard !entries.isEmpty else { return "" }
    // Laid out from the right edge, each entry as wide as its swatch, its name and a gap.
    var widths = entries.map { 23 + SVG.textWidth($0.name) + 14 }
    var x = width - right - widths.reduce(0, +)
    var out = "<g class=\"legend\">\n"
    for (index, entry) in entries.enumerated() {
      if entry.isLine {
        out +=
          "<line x1=\"\(SVG.coordinate(x))\" y1=\"38\" x2=\"\(SVG.coordinate(x + 18))\" y2=\"38\" stroke=\"\(entry.color)\" stroke-width=\"2.5\"\(entry.dashed ? " stroke-dasharray=\"4 3\"" : "")/>"
      } else {
        out += "<rect x=\"\(SVG.coordinate(x))\" y=\"32\" width=\"14\" height=\"12\" fill=\"\(entry.color)\"/>"
      }
      out += "<text class=\"legend-text\" x=\"\(SVG.coordinate(x + 23))\" y=\"42\">\(SVG.escape(entry.name))</text>\n"
      x += widths[index]
    }
    widths.removeAll()
    return out + "</g>\n"
  }
}
