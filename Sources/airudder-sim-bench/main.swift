import Contract
import Delivery
import Foundation
import Generation
import Scenario
import Support
import Synchronization

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Benchmarks built in release mode by the scripts in `benchmarks/`.
///   airudder-sim-bench generate [SCENARIO] [SECONDS] [NOTIFICATIONS]
///     Details generated, signed and serialised per second on one core, no I/O; stops at
///     NOTIFICATIONS if sooner (a fixed workload, for instruction counts under callgrind).
///   airudder-sim-bench post-loop URL BODY_FILE CONCURRENCY SECONDS
///     A bare URLSession loop posting one fixed body: the yardstick for `run`.
///   airudder-sim-bench transport-loop URL BODY_FILE CONCURRENCY SECONDS
///     The same loop through the tool's URLSessionTransport.
///   airudder-sim-bench socket-loop URL BODY_FILE CONCURRENCY SECONDS
///     The same loop through the tool's SocketTransport (plain http only).
let arguments = Array(CommandLine.arguments.dropFirst())

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("error: \(message)\n".utf8))
  exit(2)
}

func elapsedSeconds(since start: ContinuousClock.Instant) -> Double {
  let elapsed = start.duration(to: .now)
  return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
}

func generateBenchmark(path: String, seconds: Double, limit: Int) {
  var scenario: Scenario
  do {
    scenario = try ScenarioLoader.load(path: path)
  } catch {
    fail(error.localizedDescription)
  }
  var signer = Signer(key: scenario.target.key)
  var writer = JSONByteWriter(capacity: 1 << 16)
  var notifications = 0
  var details = 0
  var bytes = 0
  let start = ContinuousClock.now
  let deadline = start + .milliseconds(Int64(seconds * 1000))
  var pass: UInt64 = 0
  outer: while true {
    // A scenario that ends before the time is up starts again under the next seed.
    scenario.seed &+= pass
    pass += 1
    for var item in NotificationGenerator(scenario: scenario) {
      signer.sign(&item.notification)
      writer.reset()
      item.notification.write(to: &writer)
      notifications += 1
      details += item.notification.details.count
      bytes += writer.count
      if notifications >= limit || (notifications % 256 == 0 && ContinuousClock.now >= deadline) { break outer }
    }
  }
  let taken = elapsedSeconds(since: start)
  print("scenario:          \(path)")
  print("elapsed_s:         \(String(format: "%.2f", taken))")
  print("notifications:     \(notifications)")
  print("details:           \(details)")
  print("bytes:             \(bytes)")
  print("details_per_s:     \(String(format: "%.0f", Double(details) / taken))")
  print("notifications_per_s: \(String(format: "%.0f", Double(notifications) / taken))")
  print("mb_per_s:          \(String(format: "%.1f", Double(bytes) / taken / 1_000_000))")
}

/// Counts completed POSTs across the workers.
final class Counter: Sendable {
  private let counts = Mutex((ok: 0, failed: 0))

  func add(success: Bool) {
    counts.withLock { counts in
      if success { counts.ok += 1 } else { counts.failed += 1 }
    }
  }

  var totals: (ok: Int, failed: Int) { counts.withLock { $0 } }
}

/// `concurrency` tasks posting `body` until `seconds` pass; prints requests per second.
func loop(_ name: String, concurrency: Int, seconds: Double, post: @escaping @Sendable () async -> Bool) async {
  let counter = Counter()
  let start = ContinuousClock.now
  let deadline = start + .milliseconds(Int64(seconds * 1000))
  await withTaskGroup(of: Void.self) { group in
    for _ in 0..<concurrency {
      group.addTask {
        while ContinuousClock.now < deadline { counter.add(success: await post()) }
      }
    }
  }
  let taken = elapsedSeconds(since: start)
  let (ok, failed) = counter.totals
  print("loop:              \(name)")
  print("concurrency:       \(concurrency)")
  print("elapsed_s:         \(String(format: "%.2f", taken))")
  print("requests_ok:       \(ok)")
  print("requests_failed:   \(failed)")
  print("requests_per_s:    \(String(format: "%.0f", Double(ok) / taken))")
}

/// A bare URLSession loop: `data(for:)` with one fixed request, nothing else.
func bareSession(url: URL, body: Data, concurrency: Int) -> @Sendable () async -> Bool {
  let configuration = URLSessionConfiguration.ephemeral
  configuration.httpMaximumConnectionsPerHost = concurrency
  let session = URLSession(configuration: configuration)
  var request = URLRequest(url: url)
  request.httpMethod = "POST"
  request.setValue("application/json", forHTTPHeaderField: "Content-Type")
  request.setValue("Airudder", forHTTPHeaderField: "User-Agent")
  request.httpBody = body
  return { [request] in
    guard let (_, response) = try? await session.data(for: request) else { return false }
    return ((response as? HTTPURLResponse)?.statusCode ?? 0) / 100 == 2
  }
}

switch arguments.first {
case "post-loop", "transport-loop", "socket-loop":
  guard arguments.count == 5, let url = URL(string: arguments[1]), let body = FileManager.default.contents(atPath: arguments[2]),
    let concurrency = Int(arguments[3]), let seconds = Double(arguments[4])
  else { fail("usage: airudder-sim-bench post-loop|transport-loop|socket-loop URL BODY_FILE CONCURRENCY SECONDS") }
  let post: @Sendable () async -> Bool
  if arguments[0] == "post-loop" {
    post = bareSession(url: url, body: body, concurrency: concurrency)
  } else if arguments[0] == "socket-loop" {
    guard let transport = SocketTransport(url: url, connections: concurrency) else { fail("socket-loop takes an http:// URL") }
    post = { await transport.post(body, timeout: .seconds(10)).isSuccess }
  } else {
    let transport = URLSessionTransport(url: url, connections: concurrency)
    post = { await transport.post(body, timeout: .seconds(10)).isSuccess }
  }
  // `loop` is not isolated to the main actor: its tasks run on the cooperative pool.
  await loop(arguments[0], concurrency: concurrency, seconds: seconds, post: post)
case "generate":
  generateBenchmark(
    path: arguments.count > 1 ? arguments[1] : "Scenarios/collection.json",
    seconds: arguments.count > 2 ? Double(arguments[2]) ?? 5 : 5,
    limit: arguments.count > 3 ? Int(arguments[3]) ?? .max : .max)
default:
  fail(
    "usage: airudder-sim-bench generate [SCENARIO] [SECONDS] | post-loop|transport-loop|socket-loop URL BODY_FILE CONCURRENCY SECONDS"
  )
}
