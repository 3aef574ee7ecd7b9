import Contract
import Delivery
import Foundation
import HTTP1
import Reporting
import Scenario
import Support

/// `airudder-sim run`: the product's main job. Posts a scenario's notifications to a receiver
/// exactly as AIRudder would, under load, with its retry policy, and accounts for every one.
enum RunCommand {
  static let spec = CommandSpec(
    name: "run",
    summary: "Post a scenario's notifications to a receiver as AIRudder does, with its retries, and report.",
    discussion: """
      Flags override the scenario. With no URL (neither --url nor the scenario's target.url), run
      starts the built-in mock receiver on 127.0.0.1 with the scenario's receiver faults and
      reconciles both sides. Load: --concurrency alone is the closed model; --rate starts R
      notifications a second on schedule (still capped by --concurrency); --timeline replays each
      notification at its simulated time divided by the time scale. The run ends at --count, at
      --duration, or at the scenario's end. --contacts FILE calls that contact list (CSV with a
      header, or NDJSON) instead of simulated contacts. --payloads FILE (or -) sends the
      notifications read there, byte for byte, instead of generating them (--resign replaces
      only their Sign; --timeline sends each at its latest CallEndTime); the SCENARIO is then
      optional. A bad contact list or payload file stops the run before anything is sent.
      https targets are verified against the system's
      trust store and the URL's host; --cacert, --cacert-add, --insecure, --cert and --cert-key
      (scenario target keys cacert, cacertAdd, insecure, cert, certKey) change that.

      Many machines: --shard I/N sends the I-th of N shares of the run (notification n goes to
      shard (n - 1) mod N; every shard generates the same sequence, so the shares of a scenario,
      seed and --count add up to exactly the whole run). --rate and --concurrency are the totals
      over all shards, each shard taking its part (--per-shard: each shard's own); the rate
      schedule is the whole run's, so shards started together by --start-at make one ramp.
      Join the reports with 'airudder-sim merge'. The KEY may come from AIRUDDER_KEY instead of
      --key (the flag wins), so it never shows in a process list.

      Each notification ends delivered (2xx on attempt k), dropped (every attempt failed),
      abandoned (refused, then the run ended before its retries) or cancelled (the run ended
      before its first attempt ended). The verdict fails when any of these holds:
        nothing was delivered           always
        dropped > N                     --max-dropped N      (default 0)
        abandoned > N                   --max-abandoned N    (default 0)
        p99 latency > D                 --max-p99 D          (default: no limit)
        success rate < P                --min-success-rate P (default: no limit)
      success rate = delivered / (delivered + dropped + abandoned). The scenario's thresholds
      block sets the same limits; a flag wins. Also failing: a broken account (generated !=
      delivered + dropped + abandoned + cancelled) or, with the built-in receiver, a
      reconciliation error.
      Exit codes: 0 passed; 1 failed, or an output file (report, journal, record, standard
      output) not written in full, named in the message; 2 bad usage or scenario, or an output
      file that cannot be created; 130 interrupted (SIGINT/SIGTERM; a second signal writes the
      report as it stands and exits at once).
      """,
    positionals: [
      .init(
        "SCENARIO", optional: true,
        help: "Scenario file, e.g. Scenarios/retry-demo.json; - reads standard input. Optional with --payloads.")
    ],
    options: [
      .init("--url", value: "URL", help: "Receiver URL (http or https)."),
      .init(
        "--transport", value: "T",
        help: "auto (default: sockets; urlsession for https when OpenSSL 3 cannot be loaded), sockets or urlsession."),
      .init(
        "--keepalive-idle", value: "D",
        help: "Sockets: close a connection idle for D, before the receiver does (default 4s; 0 = one request per connection)."),
      .init(
        "--key", value: "K", help: "KEY of Sign = md5(TaskID + KEY) (default: $AIRUDDER_KEY, else the scenario's target.key)."),
      .init("--concurrency", value: "C", help: "Attempts in flight at most."),
      .init("--rate", value: "R", help: "Open model: R notifications per second."),
      .init("--timeline", help: "Send each notification at its simulated time / time scale."),
      .init("--count", value: "N", help: "Stop after N notifications (with --shard: the whole run's N)."),
      .init(
        "--shard", value: "I/N",
        help: "Send share I of N (0 <= I < N): notifications n with (n - 1) mod N = I; --rate and --concurrency are divided."),
      .init("--per-shard", help: "With --shard: --rate and --concurrency are each shard's, not the totals."),
      .init("--start-at", value: "TIME", help: "Wait until TIME (2026-11-25T20:00:00Z, or +30s from now), then start."),
      .init("--duration", value: "D", help: "Stop after D (e.g. 30s, 5m)."),
      .init("--timeout", value: "D", help: "Per-attempt deadline (default 10s)."),
      .init("--retry-interval", value: "D", help: "From a failed attempt's end to the retry (default 60s)."),
      .init("--max-retries", value: "N", help: "Retries after the first attempt (default 5)."),
      .init("--time-scale", value: "F", help: "Divide the retry interval and the timeline by F."),
      .init("--scale-timeout", help: "Let --time-scale divide the timeout too."),
      .init("--seed", value: "S", help: "Seed of the simulation."),
      ContactsOption.option,
      .init(
        "--payloads", value: "FILE",
        help:
          "Send these notifications instead of generating them (NDJSON, concatenated JSON or a JSON array; - reads standard input), byte for byte."
      ),
      .init("--resign", help: "With --payloads: replace each Sign by md5(TaskID + KEY) for --key; every other byte stays."),
      .init("--report", value: "FILE", help: "Write the JSON report to FILE."),
      .init("--journal", value: "FILE", help: "Write one JSON line per attempt to FILE."),
      .init("--html", value: "FILE", help: "Write the report as one self-contained HTML page with charts to FILE."),
      .init(
        "--metrics", value: "ADDR", help: "Serve Prometheus metrics at http://ADDR/metrics while running (e.g. 127.0.0.1:9464)."),
      .init("--record", value: "FILE", help: "With the built-in receiver: write what it received to FILE."),
      .init("--quiet", help: "No progress line."),
      .init("--max-dropped", value: "N", help: "Pass with up to N dropped (default 0)."),
      .init("--max-abandoned", value: "N", help: "Pass with up to N abandoned (default 0)."),
      .init("--max-p99", value: "D", help: "Fail when the p99 latency is above D."),
      .init("--min-success-rate", value: "P", help: "Fail when the success rate is below P (0.99 or 99%)."),
    ] + TLSOptions.flags)

  static func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> ExitCode {
    let options = try options(from: arguments, stdin: context.stdin)
    let session = RunSession(options: options, stdout: context.stdout, stderr: context.stderr)
    let trap = SignalTrap(
      onStop: { [stderr = context.stderr] in
        stderr.write("\nstopping: cancelling waiting retries, letting requests in flight finish (again to quit now)\n")
        stderr.flush()
        session.stop()
      },
      onSecond: { session.abandon() })
    defer { trap.release() }
    return try await session.execute()
  }

  /// The scenario (from `stdin` when its path is `-`) with every flag laid over it, checked.
  static func options(from arguments: ParsedArguments, stdin: FileHandle = .standardInput) throws -> RunOptions {
    let payloads = arguments.string("--payloads")
    var scenario: Scenario
    var scenarioBytes = Data()
    let scenarioPath = arguments.positional(0) ?? "-"
    if let path = arguments.positional(0) {
      if path == "-" && payloads == "-" {
        throw CommandLineError.invalidValue(
          option: "--payloads", value: "-", expected: "a file when the scenario is read from standard input")
      }
      let (loaded, bytes) = try ScenarioLoader.read(path: path, stdin: stdin)
      scenario = loaded
      scenarioBytes = bytes
    } else if payloads != nil {
      scenario = Scenario()
      scenario.name = "replay"
    } else {
      throw CommandLineError.missingArgument("SCENARIO")
    }
    if payloads != nil {
      for flag in ["--seed", "--contacts"] {
        if let value = arguments.string(flag) {
          throw CommandLineError.invalidValue(
            option: flag, value: value, expected: "no \(flag) with --payloads (it applies to generated notifications)")
        }
      }
    } else if arguments.has("--resign") {
      throw CommandLineError.missingArgument("--payloads FILE (--resign re-signs replayed payloads)")
    }
    if let seed = try arguments.uint64("--seed") { scenario.seed = seed }
    var plan = DeliveryPlan(scenario: scenario)
    if let key = arguments.string("--key") { plan.key = key }
    if let concurrency = try arguments.int("--concurrency", in: 1...10_000) { plan.concurrency = concurrency }
    if let rate = try arguments.double("--rate", in: 0.001...1_000_000, expected: "notifications per second above 0") {
      guard !arguments.has("--timeline") else {
        throw CommandLineError.invalidValue(
          option: "--rate", value: String(rate), expected: "either --rate or --timeline, not both")
      }
      plan.mode = .rate
      plan.rate = rate
    }
    if arguments.has("--timeline") { plan.mode = .timeline }
    if let count = try arguments.int("--count", in: 1...Int.max) { plan.count = count }
    if let duration = try arguments.duration("--duration") {
      guard duration.seconds > 0 else {
        throw CommandLineError.invalidValue(
          option: "--duration", value: arguments.string("--duration")!, expected: "a duration above 0")
      }
      plan.duration = duration.duration
    }
    if let timeout = try arguments.duration("--timeout") {
      guard timeout.seconds > 0 else {
        throw CommandLineError.invalidValue(
          option: "--timeout", value: arguments.string("--timeout")!, expected: "a duration above 0")
      }
      plan.policy.timeout = timeout.duration
    }
    if let interval = try arguments.duration("--retry-interval") { plan.policy.interval = interval.duration }
    if let retries = try arguments.int("--max-retries", in: 0...100) { plan.policy.maxRetries = retries }
    // At most 30 days, as every duration flag.
    if let idle = try arguments.duration("--keepalive-idle") { plan.keepAliveIdle = idle.duration }
    if let scale = try arguments.double("--time-scale", in: 0.000_001...1_000_000, expected: "a number above 0") {
      plan.policy.timeScale = scale
    }
    if arguments.has("--scale-timeout") { plan.policy.scalesTimeout = true }
    if plan.mode == .rate && plan.rate == nil {
      throw CommandLineError.missingArgument("--rate R (the scenario's load.mode is rate)")
    }
    try applyShard(arguments, to: &plan)

    var url = scenario.target.url
    if let text = arguments.string("--url") {
      switch TargetSettings.parseURL(text) {
      case .success(let parsed): url = parsed
      case .failure(let problem): throw CommandLineError.refusedValue(option: "--url", value: text, reason: problem.message)
      }
    }
    var options = RunOptions(scenario: scenario, plan: plan, url: url)
    if let text = arguments.string("--transport") {
      guard let choice = TransportChoice(rawValue: text) else {
        throw CommandLineError.invalidValue(option: "--transport", value: text, expected: "auto, sockets or urlsession")
      }
      if let url, let problem = choice.problem(with: url) {
        throw CommandLineError.refusedValue(option: "--transport", value: text, reason: problem)
      }
      options.transport = choice
    }
    options.tls = try TLSOptions(
      arguments: arguments, target: scenario.target,
      scenarioFile: scenarioPath == "-" ? ScenarioLoader.standardInputName : scenarioPath)
    if let url { try options.tls.validate(for: url, transport: options.transport) }
    options.scenarioMD5 = hexString(MD5.digest(scenarioBytes))
    options.startAt = try startAt(arguments)
    options.reportPath = arguments.string("--report")
    options.journalPath = arguments.string("--journal")
    options.htmlPath = arguments.string("--html")
    options.metrics = try arguments.string("--metrics").map(MetricsAddress.init)
    options.receiverRecordPath = arguments.string("--record")
    if options.receiverRecordPath != nil && url != nil {
      throw CommandLineError.invalidValue(
        option: "--record", value: arguments.string("--record")!, expected: "a run with the built-in receiver (no --url)")
    }
    options.quiet = arguments.has("--quiet")
    let fromScenario = scenario.thresholds
    options.thresholds.maxDropped = try arguments.int("--max-dropped", in: 0...Int.max) ?? fromScenario.maxDropped ?? 0
    options.thresholds.maxAbandoned = try arguments.int("--max-abandoned", in: 0...Int.max) ?? fromScenario.maxAbandoned ?? 0
    options.thresholds.maxP99 = try arguments.duration("--max-p99")?.duration ?? fromScenario.maxP99?.duration
    options.thresholds.minSuccessRate = fromScenario.minSuccessRate
    // A limit the scenario set is named by its key in the verdict's messages.
    if arguments.string("--max-dropped") == nil && fromScenario.maxDropped != nil {
      options.thresholds.source.maxDropped = "thresholds.maxDropped"
    }
    if arguments.string("--max-abandoned") == nil && fromScenario.maxAbandoned != nil {
      options.thresholds.source.maxAbandoned = "thresholds.maxAbandoned"
    }
    if arguments.string("--max-p99") == nil && fromScenario.maxP99 != nil {
      options.thresholds.source.maxP99 = "thresholds.maxP99"
    }
    if fromScenario.minSuccessRate != nil { options.thresholds.source.minSuccessRate = "thresholds.minSuccessRate" }
    if let text = arguments.string("--min-success-rate") {
      let percent = text.hasSuffix("%")
      guard let number = Double(percent ? String(text.dropLast()) : text), number.isFinite else {
        throw CommandLineError.invalidValue(
          option: "--min-success-rate", value: text, expected: "a rate from 0 to 1, or a percentage such as 99%")
      }
      let rate = percent ? number / 100 : number
      guard (0...1).contains(rate) else {
        throw CommandLineError.invalidValue(
          option: "--min-success-rate", value: text, expected: "a rate from 0 to 1, or a percentage such as 99%")
      }
      options.thresholds.minSuccessRate = rate
      options.thresholds.source.minSuccessRate = "--min-success-rate"
    }
    // Last, after every flag is known good: checking a long list reads it whole.
    if let payloads {
      let replay = try ReplayPayloads.load(
        path: payloads, stdin: stdin, timeline: options.plan.mode == .timeline,
        resignKey: arguments.has("--resign") ? options.plan.key : nil)
      options.plan.replay = replay
      options.sourceMD5 = hexString(MD5.digest(replay.text))
    } else {
      options.plan.contacts = try ContactsOption.open(arguments, scenario: scenario)
      options.sourceMD5 = options.plan.contacts?.md5
    }
    return options
  }
}
