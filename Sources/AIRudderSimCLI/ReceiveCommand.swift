import Foundation
import HTTP1
import Receiver
import Reporting
import Scenario
import Support

/// `airudder-sim receive`: the mock receiver on its own, for pointing a real sender (or
/// another `run`) at it.
enum ReceiveCommand {
  static let spec = CommandSpec(
    name: "receive",
    summary: "Run the mock receiver: check each notification and its Sign, inject faults, count.",
    discussion: """
      Answers 200 {} to a valid notification, 401 to a bad Sign, 400 to a schema violation.
      Faults are deterministic under --seed; flags override the scenario's receiver block.
      Stops on SIGINT or SIGTERM, or after --until N notifications were accepted, and prints
      its counts.
      """,
    options: [
      .init("--host", value: "ADDR", help: "Address to listen on (default 127.0.0.1; ::1 for IPv6)."),
      .init("--port", value: "PORT", help: "Port (default 8080; 0 picks a free one)."),
      .init("--key", value: "K", help: "KEY the Sign must match (default: $AIRUDDER_KEY, else the scenario's, else airudder)."),
      .init("--scenario", value: "FILE", help: "Take faults and KEY from this scenario (- reads standard input)."),
      .init("--fail-first", value: "N", help: "Answer 503 to the first N attempts of a notification."),
      .init("--fail-first-rate", value: "P", help: "... of this fraction of notifications (default 1)."),
      .init("--error-rate", value: "P", help: "Answer --error-status to this fraction of attempts."),
      .init("--error-status", value: "CODE", help: "Status of --error-rate failures (default 500)."),
      .init("--delay", value: "D", help: "Answer this late (past 10s the sender times out)."),
      .init("--delay-rate", value: "P", help: "Fraction of attempts delayed (default 1 with --delay)."),
      .init("--drop-rate", value: "P", help: "Close the connection without answering, for this fraction."),
      .init("--down-for", value: "D", help: "Refuse connections for D after start."),
      .init("--fail-every", value: "M", help: "Every M-th notification always fails (is dropped after 6 attempts)."),
      .init("--seed", value: "S", help: "Seed of the fault draws."),
      .init("--record", value: "FILE", help: "Write each received notification, with time and answer, to FILE."),
      .init("--until", value: "N", help: "Stop after N notifications were accepted."),
      .init("--quiet", help: "No line per request."),
      .init("--metrics", value: "ADDR", help: "Serve Prometheus metrics at http://ADDR/metrics (e.g. 127.0.0.1:9464)."),
      .init("--tls-cert", value: "FILE", help: "Serve https with this certificate chain (PEM); needs --tls-key."),
      .init("--tls-key", value: "FILE", help: "The private key (PEM) of --tls-cert."),
      .init("--tls-client-ca", value: "FILE", help: "With --tls-cert: require client certificates signed by a CA in FILE."),
    ])

  static func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> ExitCode {
    var configuration = ReceiverConfiguration()
    if let path = arguments.string("--scenario") {
      let scenario = try ScenarioLoader.load(path: path, stdin: context.stdin)
      configuration = ReceiverConfiguration(settings: scenario.receiver, seed: scenario.seed, key: scenario.target.key)
    }
    configuration.port = 8080
    if let host = arguments.string("--host") {
      guard SocketAddress(numericHost: host, port: 0) != nil else {
        throw CommandLineError.invalidValue(
          option: "--host", value: host, expected: "an IPv4 or IPv6 address such as 127.0.0.1 or ::1")
      }
      configuration.host = host
    }
    if let port = try arguments.int("--port", in: 0...65_535) { configuration.port = UInt16(port) }
    if let key = arguments.string("--key") { configuration.key = key }
    var faults = configuration.faults
    func rate(_ flag: String) throws -> Double? { try arguments.double(flag, in: 0...1, expected: "a rate from 0 to 1") }
    if let value = try arguments.int("--fail-first", in: 0...100) { faults.failFirst = value }
    if let value = try rate("--fail-first-rate") { faults.failFirstRate = value }
    if let value = try rate("--error-rate") { faults.errorRate = value }
    if let value = try arguments.int("--error-status", in: 300...599) { faults.errorStatus = value }
    if let value = try arguments.duration("--delay") {
      faults.delay = value
      if arguments.string("--delay-rate") == nil { faults.delayRate = value.seconds > 0 ? 1 : 0 }
    }
    if let value = try rate("--delay-rate") { faults.delayRate = value }
    if let value = try rate("--drop-rate") { faults.dropRate = value }
    if let value = try arguments.duration("--down-for") { faults.downFor = value }
    if let value = try arguments.int("--fail-every", in: 0...1_000_000_000) { faults.failEvery = value }
    configuration.faults = faults
    if let seed = try arguments.uint64("--seed") { configuration.seed = seed }
    configuration.recordPath = arguments.string("--record")
    configuration.tls = try tlsSettings(arguments)
    let until = try arguments.int("--until", in: 1...Int.max)
    let quiet = arguments.has("--quiet")
    let metricsAddress = try arguments.string("--metrics").map(MetricsAddress.init)

    let out = context.stdout
    var log: (@Sendable (ReceiverEvent) -> Void)?
    if !quiet {
      log = { event in
        out.line(event.line)
        out.flush()
      }
    }
    // Bound before the receiver opens --record: a busy port must leave an earlier record alone.
    let metrics = try metricsAddress.map { address in try address.start() }
    defer { metrics?.stop() }
    let receiver: MockReceiver
    do {
      receiver = try MockReceiver.start(configuration: configuration, onAnswer: log)
    } catch let error as TLSSetupError {
      let flag: String
      switch error.role {
      case .serverKey?: flag = "--tls-key"
      case .clientCA?: flag = "--tls-client-ca"
      default: flag = "--tls-cert"
      }
      throw CommandLineError.refusedValue(option: flag, value: arguments.string(flag) ?? "", reason: error.localizedDescription)
    } catch HTTPServer.ServerError.cannotBind(let host, let port, let reason) {
      // The flags chose the address: name them, as for any other refused value.
      let option = arguments.string("--port") != nil ? "--port" : "--host"
      throw CommandLineError.refusedValue(
        option: option, value: option == "--port" ? String(port) : host, reason: "cannot listen on \(host):\(port): \(reason)")
    }
    metrics?.show { (nil, receiver.counts()) }
    let down = faults.downFor.seconds > 0 ? " (refusing connections for \(faults.downFor))" : ""
    out.line("airudder-sim receive: listening on \(receiver.url)\(down); stop with Ctrl-C")
    if let metrics, let metricsAddress { out.line("metrics: \(metricsAddress.url(port: metrics.port))") }
    out.flush()
    let stopped = DispatchSemaphore(value: 0)
    let trap = SignalTrap(
      onStop: {
        receiver.stop()
        stopped.signal()
      },
      onSecond: { receiver.closeRecord() })
    defer { trap.release() }
    if let until {
      DispatchQueue.global().async {
        receiver.waitUntilAccepted(until)
        stopped.signal()
      }
    }
    // Waited for on a dispatch thread: a blocked thread of the cooperative pool would starve it.
    await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
      DispatchQueue.global().async {
        stopped.wait()
        done.resume()
      }
    }
    receiver.stop()
    out.write("\n" + receiver.counts().text)
    if let failure = receiver.recordFailure {
      context.stderr.line("error: \(failure.localizedDescription)")
      return .failure
    }
    return .success
  }

  /// `--tls-cert` and `--tls-key` come together; `--tls-client-ca` only with them.
  private static func tlsSettings(_ arguments: ParsedArguments) throws(CommandLineError) -> TLSServerSettings? {
    let certificate = arguments.string("--tls-cert")
    let key = arguments.string("--tls-key")
    switch (certificate, key) {
    case (let certificate?, let key?):
      return TLSServerSettings(certificate: certificate, key: key, clientCA: arguments.string("--tls-client-ca"))
    case (let certificate?, nil):
      throw .invalidValue(option: "--tls-cert", value: certificate, expected: "--tls-key FILE beside it")
    case (nil, let key?):
      throw .invalidValue(option: "--tls-key", value: key, expected: "--tls-cert FILE beside it")
    case (nil, nil):
      if let ca = arguments.string("--tls-client-ca") {
        throw .invalidValue(option: "--tls-client-ca", value: ca, expected: "--tls-cert and --tls-key beside it")
      }
      return nil
    }
  }
}
