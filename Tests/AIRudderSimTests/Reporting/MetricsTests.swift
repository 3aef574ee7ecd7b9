import Foundation
import Testing

@testable import AIRudderSimCLI
@testable import Delivery
@testable import HTTP1
@testable import Receiver
@testable import Reporting

@Suite struct MetricsTests {
  static func ledger() -> RunLedger {
    let ledger = RunLedger(maxAttempts: 6, now: ManualWallClock(1_795_000_000).read)
    for (outcome, ms) in [(AttemptOutcome.response(status: 200), 0.5), (.response(status: 503), 3), (.timeout, 12_000)] {
      ledger.notificationGenerated()
      ledger.attemptStarted(first: true, late: false, at: .zero)
      ledger.attemptFinished(
        AttemptRecord(
          wallTime: 0, elapsed: 0, notification: 1, taskID: "t", firstCallID: "c", attempt: 1, outcome: outcome,
          latency: .microseconds(Int64(ms * 1000))))
      if outcome.isSuccess { ledger.notificationEnded(.delivered(attempt: 1), details: 1) } else { ledger.retryWaiting(1) }
    }
    ledger.attemptStarted(first: true, late: false, at: .zero)
    return ledger
  }

  /// The page parses as the exposition format and says what the ledger and receiver counted.
  @Test func expositionParsesWithTheCounts() throws {
    let receiver = ReceiverCounts(requests: 5, accepted: 2, answers: ["200": 2, "503": 2, "dropped": 1])
    let text = MetricsExposition.text(sender: Self.ledger().snapshot(), receiver: receiver)
    let parsed = try ExpositionParser(text)
    #expect(parsed.value("airudder_sim_notifications_generated_total") == 3)
    #expect(parsed.value("airudder_sim_notifications_total", ["state": "delivered"]) == 1)
    #expect(parsed.value("airudder_sim_attempts_total", ["class": "5xx"]) == 1)
    #expect(parsed.value("airudder_sim_attempts_total", ["class": "timeout"]) == 1)
    #expect(parsed.value("airudder_sim_attempts_in_flight") == 1)
    #expect(parsed.value("airudder_sim_retries_waiting") == 2)
    let histogram = "airudder_sim_attempt_duration_seconds"
    #expect(parsed.families[histogram]?.type == "histogram")
    #expect(parsed.value(histogram + "_bucket", ["le": "0.001"]) == 1)
    #expect(parsed.value(histogram + "_bucket", ["le": "0.005"]) == 2)
    #expect(parsed.value(histogram + "_bucket", ["le": "10"]) == 2)
    #expect(parsed.value(histogram + "_bucket", ["le": "+Inf"]) == 3)
    #expect(parsed.value(histogram + "_count") == 3)
    #expect(abs((parsed.value(histogram + "_sum") ?? 0) - 12.0035) < 1e-9)
    #expect(parsed.value("airudder_sim_receiver_answers_total", ["status": "dropped"]) == 1)
    #expect(parsed.value("airudder_sim_receiver_requests_total") == 5)
    for (name, family) in parsed.families { #expect(family.help != nil, "\(name) has no HELP") }
  }

  /// The parser refuses what Prometheus would: it is not a check that cannot fail.
  @Test(arguments: [
    "x_total 1\n", "# TYPE x_total counter\nx_total one\n", "# TYPE x counter\nx 1\n",
    "# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 1\nh_sum 1\nh_count 1\n",
    "# TYPE g gauge\ng{a=\"1} 1\n", "# TYPE g gauge\ng 1",
  ])
  func parserRefusesBrokenText(text: String) {
    #expect(throws: (any Error).self) { try ExpositionParser(text) }
  }

  /// A scrape of the live endpoint, twice: the counters move between them; other paths 404.
  @Test func liveScrapesShowTheCountersMoving() throws {
    let ledger = Self.ledger()
    let endpoint = try MetricsEndpoint(host: "127.0.0.1", port: 0) { (ledger.snapshot(), nil) }
    defer { endpoint.stop() }
    let first = try ExpositionParser(try Self.scrape(port: endpoint.port).body)
    ledger.notificationEnded(.dropped, details: 0)
    ledger.notificationGenerated()
    let second = try ExpositionParser(try Self.scrape(port: endpoint.port).body)
    #expect(first.value("airudder_sim_notifications_total", ["state": "dropped"]) == 0)
    #expect(second.value("airudder_sim_notifications_total", ["state": "dropped"]) == 1)
    #expect(second.value("airudder_sim_notifications_generated_total") == 4)
    let answer = try Self.scrape(port: endpoint.port, path: "/")
    #expect(answer.head.hasPrefix("HTTP/1.1 404"))
    #expect(try Self.scrape(port: endpoint.port).head.contains("text/plain; version=0.0.4"))
  }

  /// The same notification accepted twice (a retry after an answer the sender lost) is one
  /// notification accepted: the metric counts distinct notifications, not 2xx answers, and
  /// its HELP and the README's table say so.
  @Test func acceptedCountsDistinctNotifications() throws {
    let receiver = try MockReceiver.start(configuration: ReceiverConfiguration())
    defer { receiver.stop() }
    let client = try RawClient(port: receiver.port)
    client.send(post(try validBody()) + post(try validBody()))
    #expect(client.readResponses(2).statuses == [200, 200])
    let text = MetricsExposition.text(sender: nil, receiver: receiver.counts())
    let parsed = try ExpositionParser(text)
    let name = "airudder_sim_receiver_notifications_accepted_total"
    #expect(parsed.value(name) == 1)
    #expect(parsed.value("airudder_sim_receiver_answers_total", ["status": "200"]) == 2)
    #expect(parsed.families[name]?.help?.lowercased().contains("distinct") == true, "\(parsed.families[name]?.help ?? "")")
    let readme = try String(contentsOf: RepositoryPath.root.appendingPathComponent("README.md"), encoding: .utf8)
    let row = try #require(readme.split(separator: "\n").first { $0.hasPrefix("| `\(name)`") })
    #expect(row.contains("distinct") && !row.contains("| notifications answered 2xx |"), "\(row)")
    #expect(readme.contains("stops when the process ends"))
  }

  static func scrape(port: UInt16, path: String = "/metrics") throws -> (head: String, body: String) {
    let client = try RawClient(port: port)
    client.send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
    var data = [UInt8]()
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
      let received = buffer.withUnsafeMutableBytes { recv(client.fd, $0.baseAddress, $0.count, 0) }
      if received <= 0 { break }
      data += buffer[0..<received]
    }
    let text = String(decoding: data, as: UTF8.self)
    let parts = text.components(separatedBy: "\r\n\r\n")
    return (parts[0], parts.dropFirst().joined(separator: "\r\n\r\n"))
  }

  @Test(arguments: ["nonsense", "127.0.0.1", "127.0.0.1:99999", "host.example:9464", "[::1]9464", "1.2.3.4.5:80", ":"])
  func badAddressesNameTheFlag(address: String) async {
    for command in [["run", "Scenarios/smoke.json", "--count", "1"], ["receive", "--port", "0"]] {
      let result = await runTool(command + ["--metrics", address])
      #expect(result.code == 2)
      #expect(
        result.stderr.hasPrefix("error: invalid value '\(address)' for '--metrics': expected HOST:PORT"), "\(result.stderr)")
    }
  }

  @Test func addressesParse() throws {
    let bare = try MetricsAddress("9464")
    #expect(bare.host == "127.0.0.1" && bare.port == 9464)
    #expect(try MetricsAddress("[::1]:0").host == "::1")
    #expect(try MetricsAddress("localhost:9464").host == "127.0.0.1")
    #expect(try MetricsAddress("0.0.0.0:9464").url(port: 9464) == "http://0.0.0.0:9464/metrics")
  }

  /// A port in use is refused before any output file is touched: the files of an earlier run
  /// (report, page, journal, record) stay byte for byte what they were.
  @Test func portInUseLeavesEarlierOutputsAlone() async throws {
    let holder = try MetricsEndpoint(host: "127.0.0.1", port: 0) { (nil, nil) }
    defer { holder.stop() }
    let address = "127.0.0.1:\(holder.port)"
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("metrics-busy-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    var files = [String: Data]()
    for name in ["prev.json", "prev.html", "prev.jsonl", "prevrec.jsonl", "rec2.jsonl"] {
      let path = directory.appendingPathComponent(name).path
      let data = Data("{\"earlier\": \"\(name)\"}\n".utf8)
      try data.write(to: URL(fileURLWithPath: path))
      files[path] = data
    }
    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
    let commands = [
      [
        "run", "Scenarios/smoke.json", "--count", "1", "--quiet", "--report", path("prev.json"), "--html", path("prev.html"),
        "--journal", path("prev.jsonl"), "--record", path("rec2.jsonl"),
      ],
      ["receive", "--port", "0", "--quiet", "--record", path("prevrec.jsonl")],
    ]
    for command in commands {
      let result = await runTool(command + ["--metrics", address])
      #expect(result.code == 2)
      #expect(result.stderr.contains("'--metrics'"), "\(result.stderr)")
      for (path, data) in files {
        #expect(FileManager.default.contents(atPath: path) == data, "\(command[0]) changed \(path)")
      }
    }
  }

  /// A port in use is a usage error that says so, and nothing is left running.
  @Test func portInUseIsAClearError() async throws {
    let holder = try MetricsEndpoint(host: "127.0.0.1", port: 0) { (nil, nil) }
    defer { holder.stop() }
    let address = "127.0.0.1:\(holder.port)"
    for command in [["run", "Scenarios/smoke.json", "--count", "1", "--quiet"], ["receive", "--port", "0", "--quiet"]] {
      let result = await runTool(command + ["--metrics", address])
      #expect(result.code == 2)
      #expect(
        result.stderr.hasPrefix(
          "error: invalid value '\(address)' for '--metrics': cannot listen on 127.0.0.1:\(holder.port): Address already in use"),
        "\(result.stderr)")
    }
  }
}
