import Foundation

/// The latency distribution as HdrHistogram plots it: latency against 1/(1 − p) on a log
/// axis, so the tail (99%, 99.9%, 99.99%) gets as much room as the median.
struct PercentileChart {
  let histogram: LatencyHistogram
  /// A p99 limit to draw, in ms.
  let maxP99Ms: Double?

  func svg() -> String {
    // As far into the tail as the values reach: 1 in `count` is the rarest there is.
    let decades = max(1, min(7, Int(log10(Double(max(histogram.count, 10))).rounded(.up))))
    let steps = decades * 10
    var points: [(x: Double, percentile: Double, ms: Double)] = []
    for step in 0...steps {
      let x = pow(10, Double(step) / 10)
      let percentile = 100 * (1 - 1 / x)
      points.append((x, percentile, max(Double(histogram.value(atPercentile: percentile)) / 1000, 0.001)))
    }
    let maximum = max(Double(histogram.maxMicroseconds) / 1000, 0.001)
    let y = AxisScale.log(from: points.map(\.ms).min() ?? 0.001, to: max(maximum, maxP99Ms ?? 0))
    let frame = ChartFrame(x: .log(from: 1, to: pow(10, Double(decades))), y: y)
    var legend: [ChartFrame.LegendEntry] = [.init(name: "latency at percentile", color: ChartPalette.blue, isLine: true)]
    if maxP99Ms != nil { legend.append(.init(name: "p99 limit", color: ChartPalette.red, isLine: true, dashed: true)) }
    var out = frame.open(id: "chart-percentiles", title: "Latency by percentile (HdrHistogram style)", legend: legend)
    out += frame.axes(
      xLabel: "percentile (log scale of 1 / (1 − p))", yLabel: "latency (ms, log scale)", xTick: Self.percentileLabel)
    if histogram.count == 0 {
      out +=
        "<text class=\"empty\" x=\"\(SVG.coordinate(frame.width / 2))\" y=\"\(SVG.coordinate(frame.height / 2))\" text-anchor=\"middle\">no attempt ended</text>\n"
      return out + frame.close()
    }
    if let limit = maxP99Ms {
      let position = SVG.coordinate(frame.py(limit))
      out +=
        "<line x1=\"\(SVG.coordinate(frame.left))\" y1=\"\(position)\" x2=\"\(SVG.coordinate(frame.left + frame.plotWidth))\" y2=\"\(position)\" stroke=\"\(ChartPalette.red)\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"><title>p99 limit \(SVG.number(limit)) ms</title></line>\n"
    }
    let line = points.map { "\(SVG.coordinate(frame.px($0.x))),\(SVG.coordinate(frame.py($0.ms)))" }.joined(separator: " ")
    out += "<polyline class=\"line\" fill=\"none\" stroke=\"\(ChartPalette.blue)\" stroke-width=\"2\" points=\"\(line)\"/>\n"
    out += "<g class=\"points\">\n"
    for point in points {
      let rarity = point.x > 1.5 ? " (1 in \(SVG.grouped(Int(point.x.rounded()))) slower)" : ""
      out +=
        "<circle cx=\"\(SVG.coordinate(frame.px(point.x)))\" cy=\"\(SVG.coordinate(frame.py(point.ms)))\" r=\"3\" fill=\"\(ChartPalette.blue)\"><title>p\(Self.percentileText(point.percentile)): \(SVG.number(point.ms)) ms\(rarity)</title></circle>\n"
    }
    out += "</g>\n"
    out +=
      "<text class=\"note\" x=\"\(SVG.coordinate(frame.left + frame.plotWidth - 4))\" y=\"\(SVG.coordinate(frame.py(maximum) - 6))\" text-anchor=\"end\">max \(SVG.number(maximum)) ms</text>\n"
    return out + frame.close()
  }

  /// `99.9%` for the tick at 1000.
  static func percentileLabel(_ x: Double) -> String { percentileText(100 * (1 - 1 / x)) + "%" }

  static func percentileText(_ percentile: Double) -> String {
    if percentile <= 0 { return "0" }
    for digits in 0...6 {
      let scale = pow(10, Double(digits))
      let rounded = (percentile * scale).rounded() / scale
      if abs(rounded - percentile) < 0.005 * (100 - percentile) || digits == 6 {
        return String(format: "%.\(digits)f", rounded)
      }
    }
    return String(percentile)
  }
}
