import AIRudderSim
import Foundation

/// Generation benchmark: notifications generated, signed and serialised into a reused buffer
/// (no I/O) on one core, for a fixed time. Prints Details/s and bytes/s.
/// usage: airudder-sim-bench [SCENARIO] [SECONDS]
let arguments = CommandLine.arguments.dropFirst()
let path = arguments.first ?? "Scenarios/collection.json"
let seconds = arguments.dropFirst().first.flatMap(Double.init) ?? 5
var scenario: Scenario
do {
  scenario = try ScenarioLoader.load(path: path)
} catch {
  FileHandle.standardError.write(Data("error: \(error.localizedDescription)\n".utf8))
  exit(2)
}

var signer = Signer(key: scenario.target.key)
var writer = JSONByteWriter(capacity: 1 << 16)
var notifications = 0
var details = 0
var bytes = 0
let clock = ContinuousClock()
let start = clock.now
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
    if notifications % 256 == 0 && clock.now >= deadline { break outer }
  }
}
let elapsed = start.duration(to: clock.now)
let secondsTaken = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
func format(_ value: Double) -> String { String(format: "%.0f", value) }
print("scenario:          \(path)")
print("elapsed_s:         \(String(format: "%.2f", secondsTaken))")
print("notifications:     \(notifications)")
print("details:           \(details)")
print("bytes:             \(bytes)")
print("details_per_s:     \(format(Double(details) / secondsTaken))")
print("notifications_per_s: \(format(Double(notifications) / secondsTaken))")
print("mb_per_s:          \(String(format: "%.1f", Double(bytes) / secondsTaken / 1_000_000))")
