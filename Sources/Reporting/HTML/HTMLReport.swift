import HTTP1
import Support

/// A run's report as one self-contained HTML page: the summary and verdict with the
/// thresholds, then each chart drawn as inline SVG by the tool. Nothing is loaded from
/// anywhere (no script, font, style sheet or image), so it opens offline, reads without
/// JavaScript, and prints.
package struct HTMLReport {
  let report: RunReport
  /// The attempts of the run, from `--journal` or kept by `run --html`; nil when unknown.
  let journal: [JournalEntry]?

  package init(report: RunReport, journal: [JournalEntry]?) {
    self.report = report
    self.journal = journal
  }

  /// With the journal file `--journal` wrote, if any.
  package init(report: RunReport, journalPath: String?) throws(ReportReadError) {
    self.init(report: report, journal: try journalPath.map { path throws(ReportReadError) in try JournalEntry.read(path: path) })
  }

  package func render() -> String {
    var page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    page += "<title>\(SVG.escape("airudder-sim report: \(report.scenario), \(verdict.word)"))</title>\n"
    page += "<style>\n\(Self.style)</style>\n</head>\n<body>\n<main>\n"
    page += summarySection()
    page += chartsSection()
    page += receiverSection()
    page += "<section>\n<h2>The text report</h2>\n<pre>\(SVG.escape(report.text))</pre>\n</section>\n"
    page +=
      "<footer>Written by airudder-sim from a version \(report.version) report. Every chart is drawn in this file.</footer>\n"
    return page + "</main>\n</body>\n</html>\n"
  }

  /// PASSED, FAILED or INTERRUPTED, with its CSS class.
  var verdict: (word: String, style: String) {
    switch report.exitCode {
    case 0: ("PASSED", "pass")
    case 130: ("INTERRUPTED", "warn")
    default: ("FAILED", "fail")
    }
  }

  private func chartsSection() -> String {
    let series = report.timeSeries
    var out = "<section>\n<h2>Over time</h2>\n"
    out += figure(
      ThroughputChart(series: series).svg(),
      caption:
        "Attempts ending each second, stacked by class. Intervals of \(series.width) s, \(series.intervals.count) in all; hover a column for its figures."
    )
    func latency(_ percentile: Double) -> [Double?] {
      series.intervals.map { $0.latency.count > 0 ? Double($0.latency.value(atPercentile: percentile)) / 1000 : nil }
    }
    let latencyLines: [TimeLineChart.Line] = [
      .init(name: "p50", color: ChartPalette.blue, values: latency(50)),
      .init(name: "p90", color: ChartPalette.green, values: latency(90)),
      .init(name: "p99", color: ChartPalette.orange, values: latency(99)),
      .init(
        name: "max", color: ChartPalette.red,
        values: series.intervals.map { $0.latency.count > 0 ? Double($0.latency.maxMicroseconds) / 1000 : nil }, dashed: true),
    ]
    out += figure(
      TimeLineChart(
        id: "chart-latency", title: "Latency percentiles over time", yLabel: "latency (ms, log scale)", unit: " ms",
        logarithmic: true, series: series, lines: latencyLines
      ).svg(),
      caption: "Of the attempts that ended in each interval, from the attempt's intended start to its end; gaps where none ended."
    )
    let gauges: [TimeLineChart.Line] = [
      .init(name: "in flight", color: ChartPalette.blue, values: series.intervals.map { Double($0.inFlight) }),
      .init(name: "waiting for a retry", color: ChartPalette.purple, values: series.intervals.map { Double($0.retriesWaiting) }),
    ]
    out += figure(
      TimeLineChart(
        id: "chart-gauges", title: "Requests in flight and retries waiting", yLabel: "count at the interval's end", unit: "",
        logarithmic: false, series: series, lines: gauges
      ).svg(),
      caption: "A notification waiting for its retry holds no concurrency slot; it is counted here until the retry starts.")
    out += "</section>\n<section>\n<h2>Distribution</h2>\n"
    out += figure(
      PercentileChart(histogram: report.latencyHistogram, maxP99Ms: report.thresholds.maxP99Ms).svg(),
      caption:
        "Every attempt of the run: read across to see what share of attempts were at least this slow (99.9% means 1 in 1,000)."
    )
    out += figure(
      AttemptsChart(notifications: report.notifications).svg(),
      caption: "How the retry policy worked: notifications delivered at once, after retries, or not at all.")
    out += "</section>\n"
    return out + retryStorySection()
  }

  private func retryStorySection() -> String {
    var out = "<section>\n<h2>The retry story</h2>\n"
    guard let journal else {
      return out
        + "<p class=\"note\">Not drawn: no journal. Give <code>report</code> the run's <code>--journal FILE</code>, or use <code>run --html</code>.</p>\n</section>\n"
    }
    let story = RetryStoryChart(
      entries: journal, originMs: report.startedAt.milliseconds, maxAttempts: report.policy.maxRetries + 1)
    guard !story.rows.isEmpty else {
      return out
        + "<p class=\"note\">Not drawn: no notification in the journal was refused (\(journal.count) attempts).</p>\n</section>\n"
    }
    if let selection = story.selection { out += "<p class=\"note\">\(SVG.escape(selection))</p>\n" }
    if let warning = journalWarning { out += "<p class=\"warning\">\(SVG.escape(warning))</p>\n" }
    out += figure(
      story.svg(),
      caption:
        "Each row is a notification; each bar an attempt, coloured by its class, from when it was due to its end (so a retry that had to wait for a free slot, with concurrency \(report.concurrency), shows that wait in its bar); dashed lines are the waits for a retry, which run from the end of a failed attempt."
    )
    return out + "</section>\n"
  }

  /// A journal of another run would draw a story that is not this one: says so (the page shows
  /// it, `report` prints it on stderr); nil when every attempt ended within the run's time.
  package var journalWarning: String? {
    guard let journal else { return nil }
    let window = (report.startedAt.milliseconds - 2_000)...(report.endedAt.milliseconds + 2_000)
    let outside = journal.filter { !window.contains($0.endedMs) }.count
    guard outside > 0 else { return nil }
    let from = UTCTime.iso8601(milliseconds: report.startedAt.milliseconds)
    let to = UTCTime.iso8601(milliseconds: report.endedAt.milliseconds)
    return
      "\(SVG.grouped(outside)) of the journal's \(SVG.grouped(journal.count)) attempts ended outside this run's time (\(from) to \(to)): is it this run's journal?"
  }

  func figure(_ svg: String, caption: String) -> String {
    "<figure>\n\(svg)<figcaption>\(SVG.escape(caption))</figcaption>\n</figure>\n"
  }
}
