import Conformance
import Foundation
import HTTP1
import Reporting
import Scenario
import Support

/// `airudder-sim check URL`: the conformance battery. Each case sends real notifications and
/// judges the answers; the table goes to standard output, JUnit and JSON to files.
enum CheckCommand {
  static let spec = CommandSpec(
    name: "check",
    summary: "Judge a webhook receiver case by case: pass, fail, warn or info, with the evidence.",
    discussion: """
      Sends what AIRudder really sends (the page's example, every scene and edge of the
      payload, duplicates, bursts, a sustained phase, a bad Sign, garbage) and judges each
      answer. fail: AIRudder would retry or drop (a receiver bug); warn: works, but risky;
      info: a fact about the receiver. --list prints every case and why it matters; --only and
      --skip take case ids or group names (shape, delivery, answer, security), comma-separated.
      https is verified as run verifies it (the system's trust store and the URL's host);
      --cacert, --cacert-add, --insecure, --cert and --cert-key change that. A receiver that
      cannot be reached or trusted is said once, before any case (--insecure is said in the
      header and the JSON). Exit codes: 0 no case failed; 1 a case failed, the receiver cannot
      be reached, or an output file was not written in full; 2 bad usage (a malformed URL, an
      unknown case, an unusable certificate file).
      """,
    positionals: [
      .init("URL", optional: true, help: "The receiver, e.g. http://127.0.0.1:9000/hook or https://hooks.example.com/airudder.")
    ],
    options: [
      .init("--key", value: "K", help: "KEY of Sign = md5(TaskID + KEY) (default: $AIRUDDER_KEY, else airudder)."),
      .init("--only", value: "IDS", help: "Run only these cases or groups (comma-separated)."),
      .init("--skip", value: "IDS", help: "Skip these cases or groups (comma-separated)."),
      .init("--list", help: "List every case: id, title, why it matters, what it rests on; send nothing."),
      .init("--junit", value: "FILE", help: "Write JUnit XML to FILE (one testcase per case)."),
      .init("--json", value: "FILE", help: "Write the results as versioned JSON to FILE."),
      .init(
        "--timeout", value: "D",
        help:
          "The timeout AIRudder is assumed to use, so the verdicts' threshold: each request's deadline, connecting included"
          + " (default 10s, AIRudder's)."),
      .init("--burst", value: "N", help: "Notifications posted at once by delivery.burst (default 50)."),
      .init("--save-bodies", value: "DIR", help: "Write every request body to DIR as <case>-<n>.json."),
    ] + TLSOptions.flags)

  static func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> ExitCode {
    let out = context.stdout
    let selection = CheckRunner.select(only: list(arguments, "--only"), skip: list(arguments, "--skip") ?? [])
    let cases: [CheckCase]
    switch selection {
    case .success(let chosen): cases = chosen
    case .failure(let error):
      let option = list(arguments, "--only")?.contains(error.id) == true ? "--only" : "--skip"
      let suggestion = Suggestion.closest(to: error.id, among: error.known).map { "; did you mean '\($0)'?" } ?? ""
      throw CommandLineError.refusedValue(
        option: option, value: error.id, reason: "no case or group has this id\(suggestion) (see --list)")
    }
    if cases.isEmpty { throw CommandLineError.nothingSelected(emptySelection(arguments)) }
    var settings = CheckSettings()
    if let key = arguments.string("--key") { settings.key = key }
    if let timeout = try arguments.duration("--timeout") {
      guard timeout.seconds > 0 else {
        throw CommandLineError.refusedValue(
          option: "--timeout", value: "0", reason: "a request needs some time: give more than 0")
      }
      settings.timeout = timeout.duration
    }
    if let burst = try arguments.int("--burst", in: 1...1_000) { settings.burst = burst }
    if arguments.has("--list") {
      out.write(listing(cases))
      return .success
    }
    guard let text = arguments.positional(0) else { throw CommandLineError.missingArgument("URL") }
    let url: URL
    switch TargetSettings.parseURL(text) {
    case .success(let parsed): url = parsed
    case .failure(let problem): throw CommandLineError.refusedValue(option: "URL", value: text, reason: problem.message)
    }
    let tls = try TLSOptions(arguments: arguments)
    try tls.validate(for: url, transport: .sockets)
    var tlsContext: TLSContext?
    if HTTPTarget(url: url)?.secure == true {
      do { tlsContext = try TLSContext.client(tls.settings) } catch { throw tls.named(error) }
      settings.tls = tls.settings
    }
    settings.saveBodies = try saveDirectory(arguments.string("--save-bodies"))
    guard let transport = SocketCheckTransport(url: url, tls: tlsContext) else {
      throw CommandLineError.refusedValue(option: "URL", value: text, reason: "expected an http or https URL with a host")
    }
    let junit = try arguments.string("--junit").map { path throws(OutputError) in try prepare(path, "the JUnit file") }
    let json = try arguments.string("--json").map { path throws(OutputError) in try prepare(path, "the JSON results") }

    // Each notification of the burst has a connection of its own.
    OpenFileLimit.raise(toward: settings.burst + 256)
    let target = Self.shown(url)
    let runner = CheckRunner(target: target, settings: settings, transport: transport)
    if settings.tls?.insecure == true {
      context.stderr.line("warning: --insecure: the receiver's TLS certificate and name are NOT verified")
    }
    if let reason = await runner.unreachable() {
      context.stderr.line("error: cannot reach \(target): \(reason); nothing was checked" + Self.tlsHint(reason))
      return .failure
    }
    let color = colored(terminal: out.isTerminal, environment: ProcessInfo.processInfo.environment)
    out.write(CheckResults.header(target: target, settings: settings, cases: cases.count))
    out.flush()
    let (results, saveFailure) = await runner.run(cases) { result in
      out.write(CheckResults.text(of: result, color: color))
      out.flush()
    }
    out.write(results.footer)
    out.flush()
    if let stopped = results.stopped {
      context.stderr.line("error: \(stopped); \(results.notRun.count) cases not run")
    }
    var code: ExitCode = results.failed ? .failure : .success
    if let saveFailure {
      context.stderr.line("error: \(saveFailure.localizedDescription)")
      code = .failure
    }
    for (file, data) in [
      (junit, Data(results.junitXML.utf8)), (json, try results.jsonData(tool: "airudder-sim \(Tool.version)")),
    ] {
      guard let file else { continue }
      do { try file.write(data) } catch {
        context.stderr.line("error: \(error.localizedDescription)")
        code = .failure
      }
    }
    return code
  }

  /// What to try when the receiver's TLS was the reason it could not be reached.
  static func tlsHint(_ reason: String) -> String {
    if reason.contains("requires a client certificate") || reason.contains("refused the client certificate") {
      return " (show a client certificate it trusts with --cert FILE and --cert-key FILE)"
    }
    if reason.hasPrefix("TLS certificate error") && reason.hasSuffix("mismatch") {
      return " (the certificate is not for this host: check the URL's host, or skip verification with --insecure)"
    }
    if reason.hasPrefix("TLS certificate error") {
      return " (trust the receiver's CA with --cacert FILE or --cacert-add FILE, or skip verification with --insecure)"
    }
    return ""
  }

  /// Colour only on a terminal, and never when `NO_COLOR` is set to anything (no-color.org).
  static func colored(terminal: Bool, environment: [String: String]) -> Bool {
    terminal && (environment["NO_COLOR"].map { $0.isEmpty } ?? true)
  }

  /// `--list`: each case's id, title, why, and basis.
  static func listing(_ cases: [CheckCase]) -> String {
    var text = ""
    for group in CheckGroup.allCases {
      let members = cases.filter { $0.group == group }
      guard !members.isEmpty else { continue }
      text += "\(group.rawValue): \(group.title)\n"
      for check in members {
        text += "  \(check.id)  \(check.title)\n      why:   \(check.why)\n      basis: \(check.basis)\n"
      }
      text += "\n"
    }
    return text
  }

  /// Why `--only` and `--skip` left no case: `--only '' names no case or group`.
  private static func emptySelection(_ arguments: ParsedArguments) -> String {
    let only = arguments.string("--only")
    if let only, list(arguments, "--only")?.isEmpty == true {
      return "--only '\(only)' names no case or group; see --list"
    }
    let skip = "--skip '\(arguments.string("--skip") ?? "")'"
    return only.map { "\(skip) skips every case --only '\($0)' chose" } ?? "\(skip) skips every case"
  }

  private static func list(_ arguments: ParsedArguments, _ option: String) -> [String]? {
    arguments.string(option).map {
      $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
  }

  /// The URL as shown: without user and password.
  static func shown(_ url: URL) -> String {
    guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return url.absoluteString }
    components.user = nil
    components.password = nil
    return components.string ?? url.absoluteString
  }

  /// `--save-bodies DIR`: created if missing; must be a writable directory (checked before
  /// anything is sent).
  private static func saveDirectory(_ path: String?) throws(CommandLineError) -> String? {
    guard let path else { return nil }
    func refuse(_ reason: String) -> CommandLineError { .refusedValue(option: "--save-bodies", value: path, reason: reason) }
    guard !path.isEmpty else { throw refuse("expected a directory") }
    do {
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
      throw refuse("cannot create the directory: \((error as NSError).localizedFailureReason ?? error.localizedDescription)")
    }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw refuse("not a directory")
    }
    guard access(path, W_OK) == 0 else { throw refuse("cannot write in this directory") }
    return path
  }

  /// A report file (`--junit`, `--json`), checked before anything is sent.
  private static func prepare(_ path: String, _ what: String) throws(OutputError) -> ReportFile {
    let file = ReportFile(path: path, what: what)
    try file.prepare()
    return file
  }
}
