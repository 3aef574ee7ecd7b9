/// How many notifications were delivered on attempt 1, 2, … 6, and how many were dropped,
/// abandoned or cancelled: the retry policy's work at a glance.
struct AttemptsChart {
  let notifications: RunReport.Notifications

  func svg() -> String {
    var bars: [(label: String, count: Int, color: String, meaning: String)] = notifications.deliveredOnAttempt.enumerated().map {
      ("#\($0.offset + 1)", $0.element, ChartPalette.green, "delivered on attempt \($0.offset + 1)")
    }
    bars.append(("dropped", notifications.dropped, ChartPalette.red, "dropped: every attempt failed"))
    bars.append(
      ("abandoned", notifications.abandoned, ChartPalette.orange, "abandoned: refused, then the run ended before a retry"))
    bars.append(
      ("cancelled", notifications.cancelled, ChartPalette.grey, "cancelled: the run ended before the first attempt ended"))
    let tallest = Double(bars.map(\.count).max() ?? 0)
    let sizing = ChartFrame(x: .linear(upTo: 1), y: .linear(upTo: 1), height: 300)
    // The tallest bar stops short of the top: its value label stays inside the plot.
    let frame = ChartFrame(x: .linear(upTo: Double(bars.count)), y: .linear(upTo: sizing.withHeadroom(tallest)), height: 300)
    var out = frame.open(
      id: "chart-attempts", title: "Attempts per notification",
      legend: [
        .init(name: "delivered on attempt k", color: ChartPalette.green), .init(name: "dropped", color: ChartPalette.red),
        .init(name: "abandoned", color: ChartPalette.orange), .init(name: "cancelled", color: ChartPalette.grey),
      ])
    out += frame.axes(xLabel: "delivered on attempt #k, or how the notification ended", yLabel: "notifications", xTicks: false)
    out += "<g class=\"points\">\n"
    let slot = frame.plotWidth / Double(bars.count)
    for (index, bar) in bars.enumerated() {
      let x = frame.left + slot * Double(index) + slot * 0.15
      let top = frame.py(Double(bar.count))
      let bottom = frame.py(0)
      let share =
        notifications.generated > 0 ? " (\(SVG.number(100 * Double(bar.count) / Double(notifications.generated)))%)" : ""
      out += "<g class=\"bar\"><title>\(SVG.escape("\(SVG.grouped(bar.count)) \(bar.meaning)\(share)"))</title>"
      out +=
        "<rect x=\"\(SVG.coordinate(x))\" y=\"\(SVG.coordinate(top))\" width=\"\(SVG.coordinate(slot * 0.7))\" height=\"\(SVG.coordinate(max(bottom - top, bar.count > 0 ? 1 : 0)))\" fill=\"\(bar.color)\"/>"
      out +=
        "<text class=\"value\" x=\"\(SVG.coordinate(x + slot * 0.35))\" y=\"\(SVG.coordinate(top - 5))\" text-anchor=\"middle\">\(SVG.grouped(bar.count))</text>"
      out +=
        "<text class=\"tick\" x=\"\(SVG.coordinate(x + slot * 0.35))\" y=\"\(SVG.coordinate(bottom + 16))\" text-anchor=\"middle\">\(bar.label)</text>"
      out += "</g>\n"
    }
    out += "</g>\n"
    return out + frame.close()
  }
}
