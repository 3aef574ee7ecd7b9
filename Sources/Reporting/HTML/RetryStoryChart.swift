import HTTP1

/// The retry story from the journal: one row per notification, each attempt a bar from its
/// start to its end coloured by its class, the waits for a retry dashed between them, and how
/// the notification ended at the right. For runs of up to `maxRows` notifications; a larger
/// journal shows the notifications that were refused at least once.
struct RetryStoryChart {
  static let maxRows = 300

  /// One notification's attempts, in order.
  struct Row {
    var notification: Int
    var attempts: [JournalEntry]

    var delivered: Bool { attempts.last?.attemptClass == AttemptClass.success.rawValue }
    var refused: Bool { attempts.contains { $0.attemptClass != AttemptClass.success.rawValue } }
  }

  let rows: [Row]
  /// Notifications in the journal (rows may show fewer).
  let notificationCount: Int
  /// Milliseconds since the Unix epoch at the run's start (the x axis' zero).
  let originMs: Int64
  let maxAttempts: Int

  init(entries: [JournalEntry], originMs: Int64, maxAttempts: Int) {
    var byNotification: [Int: [JournalEntry]] = [:]
    for entry in entries { byNotification[entry.notification, default: []].append(entry) }
    var rows = byNotification.keys.sorted().map { number in
      Row(notification: number, attempts: byNotification[number, default: []].sorted { $0.attempt < $1.attempt })
    }
    notificationCount = rows.count
    if rows.count > Self.maxRows { rows = Array(rows.filter(\.refused).prefix(Self.maxRows)) }
    self.rows = rows
    self.originMs = originMs
    self.maxAttempts = maxAttempts
  }

  /// What the chart leaves out, in words; nil when it shows every notification.
  var selection: String? {
    guard rows.count < notificationCount else { return nil }
    return
      "The journal holds \(SVG.grouped(notificationCount)) notifications; the story shows \(rows.count) of those refused at least once"
      + (rows.count == Self.maxRows ? " (the first \(Self.maxRows))." : ".")
  }

  private func seconds(_ milliseconds: Double) -> Double { milliseconds / 1000 }

  func svg() -> String {
    let rowHeight = rows.count <= 40 ? 18.0 : rows.count <= 120 ? 9.0 : 5.0
    let lastEnd = rows.flatMap(\.attempts).map { Double($0.endedMs - originMs) / 1000 }.max() ?? 1
    let height = 56 + 54 + rowHeight * Double(max(rows.count, 1))
    let frame = ChartFrame(
      x: .linear(upTo: max(lastEnd * 1.1, 0.001)), y: .linear(upTo: Double(max(rows.count, 1))), height: height)
    let classes = AttemptClass.allCases.filter { attemptClass in
      rows.contains { $0.attempts.contains { $0.attemptClass == attemptClass.rawValue } }
    }
    var legend: [ChartFrame.LegendEntry] = classes.map { .init(name: $0.rawValue, color: ChartPalette.color($0)) }
    legend.append(.init(name: "waiting for a retry", color: ChartPalette.grey, isLine: true, dashed: true))
    var out = frame.open(id: "chart-retry-story", title: "The retry story: every attempt of every notification", legend: legend)
    out += frame.axes(xLabel: "time since the run started (s)", yLabel: "notification (run's own number)", yTicks: false)
    out += "<g class=\"rows\">\n"
    for (index, row) in rows.enumerated() {
      let middle = frame.top + rowHeight * (Double(index) + 0.5)
      out += "<g class=\"story-row\"><title>\(SVG.escape(describe(row)))</title>"
      if index % 2 == 1 {
        out +=
          "<rect x=\"\(SVG.coordinate(frame.left))\" y=\"\(SVG.coordinate(middle - rowHeight / 2))\" width=\"\(SVG.coordinate(frame.plotWidth))\" height=\"\(SVG.coordinate(rowHeight))\" fill=\"#f3f4f6\"/>"
      } else {
        out +=
          "<rect class=\"hover\" x=\"\(SVG.coordinate(frame.left))\" y=\"\(SVG.coordinate(middle - rowHeight / 2))\" width=\"\(SVG.coordinate(frame.plotWidth))\" height=\"\(SVG.coordinate(rowHeight))\"/>"
      }
      if rows.count <= 60 || index % 10 == 0 {
        out +=
          "<text class=\"tick\" x=\"\(SVG.coordinate(frame.left - 6))\" y=\"\(SVG.coordinate(middle))\" dy=\"0.32em\" text-anchor=\"end\">#\(row.notification)</text>"
      }
      var previousEnd: Double?
      for attempt in row.attempts {
        let end = Double(attempt.endedMs - originMs) / 1000
        let start = max(0, end - seconds(attempt.latencyMs))
        if let previousEnd, start > previousEnd {
          out +=
            "<line x1=\"\(SVG.coordinate(frame.px(previousEnd)))\" y1=\"\(SVG.coordinate(middle))\" x2=\"\(SVG.coordinate(frame.px(start)))\" y2=\"\(SVG.coordinate(middle))\" stroke=\"\(ChartPalette.grey)\" stroke-width=\"1.2\" stroke-dasharray=\"3 3\"/>"
        }
        previousEnd = end
        let x0 = frame.px(start)
        let width = max(frame.px(end) - x0, 3)
        let color = AttemptClass(rawValue: attempt.attemptClass).map(ChartPalette.color) ?? ChartPalette.grey
        out +=
          "<rect class=\"attempt\" x=\"\(SVG.coordinate(x0))\" y=\"\(SVG.coordinate(middle - rowHeight * 0.35))\" width=\"\(SVG.coordinate(width))\" height=\"\(SVG.coordinate(rowHeight * 0.7))\" fill=\"\(color)\"><title>\(SVG.escape("#\(row.notification) attempt \(attempt.attempt): \(attempt.outcome), \(SVG.number(attempt.latencyMs)) ms, ended at \(SVG.number(end)) s"))</title></rect>"
      }
      if rowHeight >= 9, let previousEnd {
        let verdict =
          row.delivered ? "delivered #\(row.attempts.count)" : row.attempts.count >= maxAttempts ? "dropped" : "not delivered"
        out +=
          "<text class=\"row-end\" x=\"\(SVG.coordinate(frame.px(previousEnd) + 6))\" y=\"\(SVG.coordinate(middle))\" dy=\"0.32em\">\(verdict)</text>"
      }
      out += "</g>\n"
    }
    return out + "</g>\n" + frame.close()
  }

  /// A row's tooltip: each attempt and each wait.
  private func describe(_ row: Row) -> String {
    var parts: [String] = []
    var previousEnd: Double?
    for attempt in row.attempts {
      let end = Double(attempt.endedMs - originMs) / 1000
      let start = end - seconds(attempt.latencyMs)
      if let previousEnd { parts.append("wait \(SVG.number(max(0, start - previousEnd))) s") }
      parts.append(
        "#\(attempt.attempt) \(attempt.outcome) at \(SVG.number(max(0, start))) s (\(SVG.number(attempt.latencyMs)) ms)")
      previousEnd = end
    }
    let ending = row.delivered ? "delivered on attempt \(row.attempts.count)" : "not delivered"
    return "Notification #\(row.notification): " + parts.joined(separator: ", ") + "; " + ending
  }
}
