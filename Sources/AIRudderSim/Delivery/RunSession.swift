import Foundation

/// One `run`: starts the transport (and the built-in receiver when there is no URL), runs the
/// dispatcher on the real clock, shows progress, and ends with the summary, the report and
/// the exit code. `stop()` (a signal) cancels it: nothing new starts, waiting retries are
/// cancelled, attempts in flight finish within their timeout, then everything is written.
public final class RunSession: @unchecked Sendable {
  private let options: RunOptions
  private let stdout: OutputSink
  private let stderr: OutputSink
  private let lock = NSLock()
  private var runTask: Task<Void, Never>?
  private var interrupted = false

  public init(options: RunOptions, stdout: OutputSink, stderr: OutputSink) {
    self.options = options
    self.stdout = stdout
    self.stderr = stderr
  }

  /// Asks the run to stop (SIGINT, SIGTERM). Safe from any thread, any number of times.
  public func stop() {
    let task = lock.withLock {
      interrupted = true
      return runTask
    }
    task?.cancel()
  }

  public var wasInterrupted: Bool { lock.withLock { interrupted } }

  /// Runs to the end and returns the exit code. Errors are setup problems (exit 2).
  public func execute() async throws -> ExitCode {
    // Output files are checked before the run, not found unwritable after it.
    if let path = options.reportPath, !FileManager.default.createFile(atPath: path, contents: nil) {
      throw InputError.unreadable(file: path, reason: "cannot create the report file")
    }
    let journal = try options.journalPath.map { path throws(InputError) in try AttemptJournal(path: path) }
    let ledger = RunLedger(maxAttempts: options.plan.policy.maxAttempts, journal: journal)
    var receiver: MockReceiver?
    let url: URL
    if let given = options.url {
      url = given
    } else {
      var configuration = ReceiverConfiguration(settings: options.scenario.receiver, seed: options.scenario.seed, key: options.plan.key)
      configuration.recordPath = options.receiverRecordPath
      let started = try MockReceiver.start(configuration: configuration)
      receiver = started
      url = started.url
    }
    defer { receiver?.stop() }
    let transport = options.transport.makeTransport(for: url, connections: options.plan.concurrency, keepAliveIdle: options.plan.keepAliveIdle)
    let dispatcher = Dispatcher(
      scenario: options.scenario, plan: options.plan, transport: transport, clock: ContinuousClock(), ledger: ledger)

    let clock = ContinuousClock()
    let started = clock.now
    let task = Task { await dispatcher.run() }
    let alreadyStopped = lock.withLock {
      runTask = task
      return interrupted
    }
    if alreadyStopped { task.cancel() }
    let progress = showsProgress ? Task { await self.showProgress(ledger: ledger, since: started) } : nil
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
    let report = makeReport(counts: counts, elapsed: elapsed, target: url, receiver: receiverCounts)
    stdout.write(report.text)
    for problem in report.reconciliationErrors { stderr.line("error: \(problem)") }
    if let path = options.reportPath {
      do {
        try report.jsonData().write(to: URL(fileURLWithPath: path))
      } catch {
        stderr.line("error: \(path): cannot write the report: \(error.localizedDescription)")
        return .failure
      }
    }
    return ExitCode(rawValue: report.exitCode) ?? .failure
  }

  private var showsProgress: Bool {
    !options.quiet && stderr.isTerminal
  }

  /// The live line on stderr, at most four times a second.
  private func showProgress(ledger: RunLedger, since start: ContinuousClock.Instant) async {
    let color = ProcessInfo.processInfo.environment["NO_COLOR"].map { $0.isEmpty } ?? true
    var previous = (time: start, started: 0)
    while !Task.isCancelled {
      try? await Task.sleep(for: .milliseconds(250))
      let now = ContinuousClock.now
      let counts = ledger.snapshot()
      let window = previous.time.duration(to: now).seconds
      let rate = window > 0 ? Double(counts.firstAttemptsStarted - previous.started) / window : 0
      previous = (now, counts.firstAttemptsStarted)
      let dropped = color && counts.dropped > 0 ? "\u{1B}[31mdropped \(counts.dropped)\u{1B}[0m" : "dropped \(counts.dropped)"
      let p99 = Double(counts.latency.value(atPercentile: 99)) / 1000
      let line = String(
        format: "%.1fs  sent %d  delivered %d  waiting retry %d  %@  %.1f/s  p99 %@ ms",
        start.duration(to: now).seconds, counts.firstAttemptsStarted, counts.delivered, counts.waitingRetry, dropped, rate,
        RunReport.short(p99))
      stderr.write("\r\u{1B}[2K" + line)
      stderr.flush()
    }
    stderr.write("\r\u{1B}[2K")
    stderr.flush()
  }

  func makeReport(counts: RunCounts, elapsed: Duration, target: URL, receiver: ReceiverCounts?) -> RunReport {
    let seconds = elapsed.seconds
    let latency = RunReport.Latency(counts.latency)
    var missed: [String] = []
    if let maxDropped = options.maxDropped, counts.dropped > maxDropped {
      missed.append("dropped \(counts.dropped) > --max-dropped \(maxDropped)")
    }
    if let maxP99 = options.maxP99, latency.p99 > maxP99.milliseconds {
      missed.append("p99 \(RunReport.short(latency.p99)) ms > --max-p99 \(RunReport.short(maxP99.milliseconds)) ms")
    }
    let successRate = counts.generated > 0 ? Double(counts.delivered) / Double(counts.generated) : 1
    if let minimum = options.minSuccessRate, successRate < minimum {
      missed.append(String(format: "success rate %.4f < --min-success-rate %.4f", successRate, minimum))
    }
    let reconciliation = receiver.map { Reconciliation.problems(sender: counts, receiver: $0) } ?? []
    let exit: ExitCode
    if wasInterrupted {
      exit = .interrupted
    } else if !counts.isBalanced || !missed.isEmpty || !reconciliation.isEmpty || (options.maxDropped == nil && counts.dropped > 0) {
      exit = .failure
    } else {
      exit = .success
    }
    return RunReport(
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
      latencyMs: latency,
      rate: .init(
        target: options.plan.mode == .rate ? options.plan.rate : nil,
        achieved: seconds > 0 ? Double(counts.firstAttemptsStarted) / seconds : 0, lateStarts: counts.lateStarts),
      elapsedS: (seconds * 1000).rounded() / 1000, interrupted: wasInterrupted,
      thresholds: .init(
        maxDropped: options.maxDropped, maxP99Ms: options.maxP99?.milliseconds, minSuccessRate: options.minSuccessRate,
        missed: missed),
      exitCode: exit.rawValue, receiver: receiver, reconciliationErrors: reconciliation)
  }

  /// The URL without user or password, for output.
  static func display(_ url: URL) -> String {
    guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return url.absoluteString }
    components.user = nil
    components.password = nil
    return components.string ?? url.absoluteString
  }
}
