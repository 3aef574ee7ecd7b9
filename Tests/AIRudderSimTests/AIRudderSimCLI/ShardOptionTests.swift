import Foundation
import Testing

@testable import AIRudderSimCLI
@testable import Contract
@testable import Delivery
@testable import Receiver
@testable import Support

/// `run --shard`, `--per-shard`, `--start-at`, and `AIRUDDER_KEY` on every command with `--key`.
@Suite struct ShardOptionTests {
  static let smoke = "Scenarios/smoke.json"

  /// Each refused value exits 2 with one line naming the flag, before anything runs.
  @Test(arguments: [
    (["--start-at", "tomorrow"], "'--start-at': expected an RFC 3339 time such as 2026-11-25T20:00:00Z, or a delay from now"),
    (["--start-at", "+30"], "'--start-at': after '+', a duration needs a unit; did you mean 30ms or 30s?"),
    (["--start-at", "+soon"], "'--start-at': after '+', expected a duration such as 10s"),
    (["--start-at", "+721h"], "'--start-at': after '+', expected a duration of at most 30 days"),
    (["--start-at", "2026-13-01T00:00:00Z"], "'--start-at': expected an RFC 3339 time"),
    (["--start-at", "2026-02-29T00:00:00Z"], "'--start-at': expected an RFC 3339 time"),
    (["--start-at", "2026-11-25 20:00:00"], "'--start-at': expected an RFC 3339 time"),
    (["--start-at", "2026-11-25T20:00:00"], "'--start-at': expected an RFC 3339 time"),
    (["--start-at", "8999-01-01T00:00:00Z"], "'--start-at': expected a start within 30 days (720h) from now"),
    (["--shard", "4/4"], "'--shard': expected I/N with whole numbers 0 <= I < N <= 100000, such as 0/4"),
    (["--shard", "one/four"], "'--shard': expected I/N"),
    (["--per-shard"], "missing --shard I/N"),
  ])
  func refusedValues(flags: [String], message: String) async {
    let result = await runTool(["run", Self.smoke, "--url", "http://127.0.0.1:9/"] + flags)
    #expect(result.code == 2)
    #expect(result.stderr.contains(message), "\(result.stderr)")
    #expect(result.stdout.isEmpty, "nothing ran")
  }

  @Test(arguments: [
    ("2026-11-25T20:00:00Z", 1_795_636_800.0),
    ("2026-11-25t20:00:00z", 1_795_636_800.0),
    ("2026-11-25T20:00:00.250Z", 1_795_636_800.25),
    ("2026-11-25T21:30:00+01:30", 1_795_636_800.0),
    ("2026-11-25T18:00:00-02:00", 1_795_636_800.0),
  ])
  func readsRFC3339(text: String, seconds: Double) {
    #expect(StartTime.rfc3339(text) == seconds)
  }

  @Test func relativeStartIsFromNow() throws {
    let now = Date(timeIntervalSince1970: 1_000_000)
    #expect(try StartTime.parse("+1m30s", now: now).get() == now.addingTimeInterval(90))
  }

  /// Totals divided among the shards, unless --per-shard.
  @Test(arguments: [
    (["--shard", "1/4"], 4, 25.0),
    (["--shard", "0/3"], 6, 100.0 / 3),
    (["--shard", "2/3"], 5, 100.0 / 3),
    (["--shard", "1/4", "--per-shard"], 16, 100.0),
    ([String](), 16, 100.0),
  ])
  func ratesAndConcurrencyAreTotals(flags: [String], concurrency: Int, rate: Double) throws {
    let parsed = try ParsedArguments.parse(
      [Self.smoke, "--concurrency", "16", "--rate", "100"] + flags, spec: RunCommand.spec)
    let options = try RunCommand.options(from: parsed)
    #expect(options.plan.concurrency == concurrency)
    #expect(abs((options.plan.rate ?? 0) - rate) < 1e-9)
  }

  /// Every command that takes --key takes AIRUDDER_KEY when the flag is absent; the flag wins;
  /// an empty variable is no KEY at all.
  @Test(arguments: [
    ([String](), ["AIRUDDER_KEY": "from-env"], "from-env"),
    (["--key", "from-flag"], ["AIRUDDER_KEY": "from-env"], "from-flag"),
    ([String](), ["AIRUDDER_KEY": ""], "airudder"),
    ([String](), [String: String](), "airudder"),
  ])
  func keyFromTheEnvironment(flags: [String], environment: [String: String], key: String) async throws {
    let taskID = "ac23fa05005e59b92e0b8a19fa5faf07"
    let sign = await runTool(["sign", "--task-id", taskID] + flags, environment: environment)
    #expect(sign.stdout == Signer.sign(taskID: taskID, key: key) + "\n")

    let generated = await runTool(["generate", Self.smoke, "--count", "2"] + flags, environment: environment)
    #expect(generated.code == 0)
    let verified = await runTool(["verify", "--key", key], stdin: generated.stdout)
    #expect(verified.code == 0, "generate signed with \(key): \(verified.stderr)")
    let verifiedByEnvironment = await runTool(["verify"] + flags, stdin: generated.stdout, environment: environment)
    #expect(verifiedByEnvironment.code == 0, "verify checked with \(key)")

  }

  /// run signs with the variable's KEY: a receiver expecting it accepts every notification,
  /// and refuses them (401, dropped: exit 1) without it.
  @Test(arguments: [(["AIRUDDER_KEY": "env-key"], Int32(0)), ([String: String](), Int32(1))])
  func runSignsWithTheKeyFromTheEnvironment(environment: [String: String], code: Int32) async throws {
    var configuration = ReceiverConfiguration()
    configuration.key = "env-key"
    let receiver = try MockReceiver.start(configuration: configuration)
    defer { receiver.stop() }
    let result = await runTool(
      ["run", Self.smoke, "--url", receiver.url.absoluteString, "--count", "3", "--max-retries", "0", "--quiet"],
      environment: environment)
    #expect(result.code == code, "\(result.stdout)\(result.stderr)")
    #expect(receiver.counts().accepted == (code == 0 ? 3 : 0))
  }

  /// A shard whose share is empty (3 notifications over 4 shards) passes: it had nothing to
  /// deliver, and a failed pod would fail the cluster's Job; a shard that had some and
  /// delivered none still fails.
  @Test(arguments: [
    (["--shard", "3/4"], Int32(0)),
    (["--shard", "0/4", "--url", "http://127.0.0.1:1/", "--max-retries", "0"], Int32(1)),
  ])
  func anEmptyShareIsNotAFailure(_ extra: [String], _ code: Int32) async {
    let result = await runTool(["run", Self.smoke, "--count", "3", "--quiet"] + extra)
    #expect(result.code == code, "\(result.stdout)\(result.stderr)")
  }

  /// The variable applies to every command whose spec has --key, and each says so in its help.
  @Test func everyKeyFlagNamesTheVariable() {
    let withKey = Tool.commands.filter { $0.spec.options.contains { $0.name == "--key" } }.map(\.spec.name)
    #expect(Set(withKey) == ["run", "receive", "generate", "sign", "verify", "check"])
    for command in Tool.commands {
      guard let option = command.spec.options.first(where: { $0.name == "--key" }) else { continue }
      #expect(option.help.contains("$AIRUDDER_KEY"), "\(command.spec.name)")
    }
  }
}
