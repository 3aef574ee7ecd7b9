import Delivery
import Foundation
import HTTP1
import Receiver
import Reporting
import Support
import Synchronization

/// One `run`: starts the transport (and the built-in receiver when there is no URL), runs the
/// dispatcher on the real clock, shows progress, and ends with the summary, the report and
/// the exit code. `stop()` (a signal) cancels it: nothing new starts, waiting retries are
/// cancelled, attempts in flight finish within their timeout, then everything is written.
package final class RunSession: Sendable {
  let options: RunOptions
  private let stdout: OutputSink
  let stderr: OutputSink
  let control = Mutex(Control())
  /// Orders the report's writers (the end of the run, a second signal): one complete file.
  /// True once the report is on disk; a second signal then leaves it alone.
  let reportWritten = Mutex(false)

  /// What `stop()` and a second signal need of the run, set once it runs.
  struct Control {
    var runTask: Task<Void, Never>?
    var interrupted = false
    /// What a second signal needs to write the report at once.
    var live: LiveRun?
  }

  package init(options: RunOptions, stdout: OutputSink, stderr: OutputSink) {
    self.options = options
    self.stdout = stdout
    self.stderr = stderr
  }

  /// Asks the run to stop (SIGINT, SIGTERM). Safe from any thread, any number of times.
  package func stop() {
    let task = control.withLock { control in
      control.interrupted = true
      return control.runTask
    }
    task?.cancel()
  }

  package var wasInterrupted: Bool { control.withLock { $0.interrupted } }

  /// Runs to the end and returns the exit code. Errors are setup problems (exit 2).
  package func execute() async throws -> ExitCode {
    // The metrics port is bound first: a busy one must refuse the run before any earlier
    // report, journal or record is replaced.
    let metrics = try options.metrics.map { address in try address.start() }
    defer { metrics?.stop() }
    // Output files are checked before the run, not found unwritable after it.
    try options.reportPath.map { ReportFile(path: $0) }?.prepare()
    try options.htmlPath.map { ReportFile(path: $0, what: Self.htmlWhat) }?.prepare()
    let journal = try options.journalPath.map { path throws(OutputError) in try AttemptJournal(path: path) }
    let story = options.htmlPath.map { _ in AttemptStory() }
    let ledger = RunLedger(maxAttempts: options.plan.policy.maxAttempts, journal: journal, story: story)
    var receiver: MockReceiver?
    let url: URL
    if let given = options.url {
      url = given
    } else {
      var configuration = ReceiverConfiguration(
        settings: options.scenario.receiver, seed: options.scenario.seed, key: options.plan.key)
      configuration.recordPath = options.receiverRecordPath
      let started = try MockReceiver.start(configuration: configuration)
      receiver = started
      url = started.url
    }
    defer { receiver?.stop() }
    let builtIn = receiver
    metrics?.show { (ledger.snapshot(), builtIn?.counts()) }
    let transport: any NotificationTransport
    do {
      transport = try options.transport.makeTransport(
        for: url, connections: options.plan.concurrency, keepAliveIdle: options.plan.keepAliveIdle, tls: options.tls.settings)
    } catch {
      throw options.tls.named(error)
    }
    if let note = options.transport.fallbackNote(for: url) { stderr.line(note) }
    if options.tls.settings.insecure && HTTPTarget(url: url)?.secure == true {
      stderr.line("warning: --insecure: the receiver's TLS certificate and name are NOT verified")
    }
    let dispatcher = Dispatcher(
      scenario: options.scenario, plan: options.plan, transport: transport, clock: ContinuousClock(), recorder: ledger)

    // The header goes out before the first request, so a user sees what runs against what.
    stdout.write(
      makeReport(
        counts: ledger.snapshot(), series: TimeSeries(), wallStart: Date().timeIntervalSince1970, elapsed: .zero, target: url,
        receiver: nil
      ).header + (metrics.map { "metrics: \(options.metrics!.url(port: $0.port))\n" } ?? "") + "\n")
    stdout.flush()

    await waitForStart()
    let clock = ContinuousClock()
    let started = clock.now
    let wallStart = Date().timeIntervalSince1970
    let task = Task { await dispatcher.run() }
    let live = LiveRun(
      ledger: ledger, journal: journal, story: story, receiver: receiver, target: url, started: started, wallStart: wallStart)
    let alreadyStopped = control.withLock { control in
      control.runTask = task
      control.live = live
      return control.interrupted
    }
    if alreadyStopped { task.cancel() }
    let progress =
      options.quiet
      ? nil
      : Task { [stderr] in
        let display = RunProgress(
          live: stderr.isTerminal, targetRate: options.plan.mode == .rate ? options.plan.rate : nil,
          plainInterval: options.plainProgressInterval)
        await display.show(ledger: ledger, since: started, on: stderr)
      }
    await task.value
    progress?.cancel()
    _ = await progress?.value
    let elapsed = started.duration(to: clock.now)

    let counts = ledger.snapshot()
    var receiverCounts: ReceiverCounts?
    if let receiver {
      receiver.stop()
      receiverCounts = receiver.counts()
    }
    var report = makeReport(
      counts: counts, series: ledger.timeSeries(), wallStart: wallStart, elapsed: elapsed, target: url, receiver: receiverCounts)
    // The journal and the record are closed by now; a failed write makes the run's files untrustworthy.
    let outputFailures = [journal?.failure, receiver?.recordFailure].compactMap { $0 }
    if !outputFailures.isEmpty { report.exitCode = ExitCode.failure.rawValue }
    stdout.write(report.summary)
    for problem in report.reconciliationErrors { stderr.line("error: \(problem)") }
    return finishOutputs(report, story: story, failures: outputFailures)
  }

  /// `wallStart`: seconds since the Unix epoch when the run started.
  func makeReport(
    counts: RunCounts, series: TimeSeries, wallStart: Double, elapsed: Duration, target: URL, receiver: ReceiverCounts?
  ) -> RunReport {
    let seconds = elapsed.seconds
    let latency = RunReport.Latency(counts.latency)
    var missed = options.thresholds.missed(by: counts)
    // A shard whose share of a short run is empty has nothing to deliver: the merged whole is
    // judged by `merge`, and a failed pod would fail the cluster's Job for nothing.
    if options.plan.shard.count > 1 && counts.generated == 0 && !wasInterrupted {
      missed.removeAll { $0 == RunThresholds.nothingDelivered }
    }
    let reconciliation = receiver.map { Reconciliation.problems(sender: counts, receiver: $0) } ?? []
    let exit: ExitCode
    if wasInterrupted {
      exit = .interrupted
    } else if !counts.isBalanced || !missed.isEmpty || !reconciliation.isEmpty {
      exit = .failure
    } else {
      exit = .success
    }
    let startedAt = WallTime(seconds: wallStart)
    return RunReport(
      startedAt: startedAt, endedAt: WallTime(milliseconds: startedAt.milliseconds + Int64((seconds * 1000).rounded())),
      scenario: options.scenario.name, target: Self.display(target), transport: options.transport.resolved(for: target).rawValue,
      mode: options.plan.mode.rawValue,
      concurrency: options.plan.concurrency,
      policy: .init(
        timeoutS: options.plan.policy.attemptTimeout.seconds, retryIntervalS: options.plan.policy.interval.seconds,
        timeScale: options.plan.policy.timeScale, maxRetries: options.plan.policy.maxRetries),
      notifications: .init(counts),
      attempts: .init(
        total: counts.attempts,
        byClass: Dictionary(uniqueKeysWithValues: counts.attemptsByClass.map { ($0.0.rawValue, $0.1) }),
        topErrors: counts.topErrors.map { .init(error: $0.0, count: $0.1) }),
      latencyMs: latency, latencyHistogram: counts.latency, timeSeries: series,
      rate: .init(
        target: options.plan.mode == .rate ? options.plan.rate : nil,
        achieved: counts.achievedRate, lateStarts: counts.lateStarts),
      elapsedS: (seconds * 1000).rounded() / 1000, interrupted: wasInterrupted,
      thresholds: .init(
        maxDropped: options.thresholds.maxDropped, maxAbandoned: options.thresholds.maxAbandoned,
        maxP99Ms: options.thresholds.maxP99?.milliseconds, minSuccessRate: options.thresholds.minSuccessRate, missed: missed),
      exitCode: exit.rawValue, receiver: receiver, reconciliationErrors: reconciliation, scenarioMD5: options.scenarioMD5,
      sourceMD5: options.sourceMD5,
      seed: options.scenario.seed, notificationLimit: options.plan.count,
      shard: .init(index: options.plan.shard.index, count: options.plan.shard.count), tls: tlsSummary(for: target))
  }

  /// How an https target was reached, for the header and the report; nil for http.
  func tlsSummary(for target: URL) -> RunReport.TLS? {
    guard HTTPTarget(url: target)?.secure == true else { return nil }
    let settings = options.tls.settings
    guard options.transport.resolved(for: target) == .sockets else {
      return RunReport.TLS(insecure: false, trust: "system store (URLSession)", clientCertificate: nil)
    }
    return RunReport.TLS(
      insecure: settings.insecure, trust: settings.trustDescription, clientCertificate: settings.clientCertificate)
  }

  /// The URL without user or password, for output.
  static func display(_ url: URL) -> String {
    guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return url.absoluteString }
    components.user = nil
    components.password = nil
    return components.string ?? url.absoluteString
  }
}
