import Foundation
import Testing

@testable import Reporting

/// Where the charts put their text: nothing drawn over something else, nothing cut off.
/// Widths are DejaVu Sans's (the widest common fallback of the page's font) at 12px.
@Suite struct ChartLayoutTests {
  /// The number in the first `name="…"` of `element`.
  static func value(_ name: String, in element: String) -> Double? {
    guard let start = element.range(of: " \(name)=\"") else { return nil }
    return Double(element[start.upperBound...].prefix { $0 != "\"" })
  }

  /// The numbers of an attribute of each element that opens with `prefix`, in order.
  static func attribute(_ name: String, of prefix: String, in svg: String) -> [Double] {
    svg.components(separatedBy: prefix).dropFirst().compactMap { element in
      guard let start = element.range(of: " \(name)=\"") else { return nil }
      let rest = element[start.upperBound...]
      return Double(rest.prefix { $0 != "\"" })
    }
  }

  /// The tallest bar, whichever it is, leaves room above it for its value label inside the
  /// plot (the legend lives above the plot, so the label never runs into it).
  @Test(arguments: [
    (6, 0, 0, 0), (0, 6, 0, 0), (0, 0, 7, 0), (1, 2, 3, 40), (3, 0, 100, 0), (0, 0, 0, 1),
  ])
  func valueLabelsStayInsideThePlot(delivered: Int, dropped: Int, abandoned: Int, cancelled: Int) {
    let notifications = RunReport.Notifications(
      generated: delivered + dropped + abandoned + cancelled, delivered: delivered, dropped: dropped, abandoned: abandoned,
      cancelled: cancelled, deliveredOnAttempt: [delivered, 0, 0, 0, 0, 0], balanced: true)
    let svg = AttemptsChart(notifications: notifications).svg()
    let frame = ChartFrame(x: .linear(upTo: 1), y: .linear(upTo: 1), height: 300)
    let labels = Self.attribute("y", of: "<text class=\"value\"", in: svg)
    #expect(labels.count == 9)
    // A 12px label's glyphs rise about 9px above its baseline.
    for y in labels { #expect(y - 9 >= frame.top + 2, "a value label at y \(y) reaches above the plot (\(frame.top))") }
  }

  /// Each legend entry starts past the end of the previous one's text, "abandoned" included.
  @Test func legendEntriesAreSpacedByTheirText() {
    let notifications = RunReport.Notifications(
      generated: 1, delivered: 1, dropped: 0, abandoned: 0, cancelled: 0, deliveredOnAttempt: [1, 0, 0, 0, 0, 0], balanced: true)
    let svg = AttemptsChart(notifications: notifications).svg()
    let start = svg.range(of: "<g class=\"legend\">")!
    let legend = String(svg[start.upperBound..<svg.range(of: "</g>", range: start.upperBound..<svg.endIndex)!.lowerBound])
    let swatches = Self.attribute("x", of: "<rect", in: legend)
    let texts = Self.attribute("x", of: "<text class=\"legend-text\"", in: legend)
    #expect(texts.count == 4)
    // "delivered on attempt k", "dropped", "abandoned" in DejaVu Sans at 12px.
    let widths = [137.5, 50, 67.5]
    for index in 0..<3 {
      #expect(swatches[index + 1] - texts[index] >= widths[index] + 6, "legend entry \(index + 1) touches the next one")
    }
  }

  /// A retry story of `rows` notifications, the last attempt ending 3.6 ms into the run (so the
  /// last x tick reads 0.004, as in a one-notification smoke run).
  static func story(rows: Int) -> String {
    let origin: Int64 = 1_795_000_000_000
    let entries = (1...rows).map { number in
      JournalEntry(
        endedMs: origin + Int64(number == rows ? 3 : 2), notification: number, attempt: 1, attemptClass: "2xx",
        outcome: "HTTP 200", latencyMs: 0.4)
    }
    return RetryStoryChart(entries: entries, originMs: origin, maxAttempts: 6).svg()
  }

  /// The y axis' title is whole inside the chart however few rows there are: rotated beside
  /// the plot when the plot is tall enough for it, else read across above the plot.
  @Test(arguments: [1, 2, 5, 9, 12, 40])
  func storyAxisTitleIsNotClipped(rows: Int) throws {
    let svg = Self.story(rows: rows)
    let height = try #require(Self.value("viewBox", in: svg.replacingOccurrences(of: "0 0 960 ", with: "")))
    let title = "notification (run's own number)"
    let element = try #require(svg.components(separatedBy: "<text class=\"axis-label\"").last)
    #expect(element.contains(SVG.escape(title)))
    let width = SVG.textWidth(title, size: 13)
    let x = try #require(Self.value("x", in: element))
    let y = try #require(Self.value("y", in: element))
    if element.contains("rotate(-90") {
      #expect(
        y - width / 2 >= 0 && y + width / 2 <= height, "rotated title from \(y - width / 2) to \(y + width / 2) of \(height)")
    } else {
      #expect(x >= 0 && x + width <= 960 && y - 10 >= 0)
    }
  }

  /// The last x tick label ends clear of the chart's right edge (the card's border).
  @Test(arguments: [1, 3])
  func storyTickLabelsStayInside(rows: Int) {
    let svg = Self.story(rows: rows)
    let ticks = svg.components(separatedBy: "<text class=\"tick\"").dropFirst().filter { $0.contains("text-anchor=\"middle\"") }
    #expect(!ticks.isEmpty)
    for tick in ticks {
      let x = Self.value("x", in: tick) ?? .infinity
      let label = String(tick.split(separator: ">", maxSplits: 1)[1].prefix { $0 != "<" })
      #expect(x + SVG.textWidth(label) / 2 <= 960 - 10, "tick \(label) at \(x) reaches the edge")
    }
  }
}
