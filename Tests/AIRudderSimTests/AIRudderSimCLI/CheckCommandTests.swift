import Foundation
import Synchronization
import Testing

@testable import AIRudderSimCLI
@testable import Conformance
@testable import HTTP1
@testable import Receiver

@Suite struct CheckCommandTests {
  /// Bad usage: one line naming the problem, the usage line, exit 2, nothing sent.
  @Test(arguments: [
    (["check"], "error: missing URL"),
    (
      ["check", "not a url"],
      "error: invalid value 'not a url' for 'URL': expected an absolute http or https URL, got \"not a url\""
    ),
    (
      ["check", "ftp://example.com/"],
      "error: invalid value 'ftp://example.com/' for 'URL': unsupported scheme \"ftp\" in \"ftp://example.com/\"; expected http or https"
    ),
    (
      ["check", "http://127.0.0.1:70000/"],
      "error: invalid value 'http://127.0.0.1:70000/' for 'URL': expected a port from 1 to 65535 in \"http://127.0.0.1:70000/\", got 70000"
    ),
    (
      ["check", "http://127.0.0.1:9/", "--timeout", "10"],
      "error: invalid value '10' for '--timeout': a duration needs a unit; did you mean 10ms or 10s?"
    ),
    (
      ["check", "http://127.0.0.1:9/", "--timeout", "0"],
      "error: invalid value '0' for '--timeout': a request needs some time: give more than 0"
    ),
    (
      ["check", "http://127.0.0.1:9/", "--burst", "0"],
      "error: invalid value '0' for '--burst': expected a whole number from 1 to 1000"
    ),
    (
      ["check", "http://127.0.0.1:9/", "--only", "shape.ringtype-nul"],
      "error: invalid value 'shape.ringtype-nul' for '--only': no case or group has this id; did you mean 'shape.ringtype-null'? (see --list)"
    ),
    (
      ["check", "http://127.0.0.1:9/", "--skip", "secrity"],
      "error: invalid value 'secrity' for '--skip': no case or group has this id; did you mean 'security'? (see --list)"
    ),
    (
      ["check", "https://127.0.0.1:9/", "--cert-key", "client.key"],
      "error: invalid value 'client.key' for '--cert-key': expected --cert FILE beside it (the key of which certificate?)"
    ),
    (["check", "http://127.0.0.1:9/", "--junit", ""], "error: invalid value '' for '--junit': expected a file path"),
    (["check", "http://127.0.0.1:9/", "--only", ""], "error: no case selected (--only '' names no case or group; see --list)"),
    (
      ["check", "http://127.0.0.1:9/", "--only", ",,"],
      "error: no case selected (--only ',,' names no case or group; see --list)"
    ),
    (
      ["check", "http://127.0.0.1:9/", "--only", "security.bad-sign", "--skip", "security"],
      "error: no case selected (--skip 'security' skips every case --only 'security.bad-sign' chose)"
    ),
    (
      ["check", "http://127.0.0.1:9/", "--skip", "shape,delivery,answer,security"],
      "error: no case selected (--skip 'shape,delivery,answer,security' skips every case)"
    ),
  ])
  func usageErrors(arguments: [String], message: String) async {
    let result = await runTool(arguments)
    #expect(result.code == 2)
    let lines = result.stderr.split(separator: "\n")
    #expect(lines.first.map(String.init) == message)
    #expect(lines.count == 2 && lines[1].hasPrefix("usage: airudder-sim check"))
    #expect(result.stdout.isEmpty)
  }

  /// A URL nobody listens on: one error, not a hundred fails; exit 1.
  @Test func unreachableReceiverIsReportedOnce() async throws {
    let server = try ScriptedServer { _ in }
    let url = server.url.absoluteString
    server.stop()
    let result = await runTool(["check", url, "--timeout", "2s"])
    #expect(result.code == 1)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr == "error: cannot reach \(url): connection refused; nothing was checked\n")
  }

  @Test func unknownHostIsReportedOnce() async {
    let result = await runTool(["check", "http://no-such-host.invalid/hook"])
    #expect(result.code == 1)
    #expect(
      result.stderr
        == "error: cannot reach http://no-such-host.invalid/hook: host not found: no-such-host.invalid; nothing was checked\n")
  }

  @Test func listNamesEveryCaseWithWhyAndBasis() async {
    let result = await runTool(["check", "--list"])
    #expect(result.code == 0)
    for check in Battery.all {
      #expect(result.stdout.contains("  \(check.id)  \(check.title)\n      why:   \(check.why)\n      basis: \(check.basis)\n"))
    }
    let only = await runTool(["check", "--list", "--only", "security", "--skip", "security.not-json"])
    #expect(
      only.stdout.contains("security.bad-sign") && !only.stdout.contains("security.not-json") && !only.stdout.contains("shape."))
  }

  @Test func helpListsEveryFlag() async {
    let result = await runTool(["check", "-h"])
    #expect(result.code == 0)
    for flag in [
      "--key", "--only", "--skip", "--list", "--junit", "--json", "--timeout", "--burst", "--save-bodies", "--cacert",
      "--cacert-add", "--insecure", "--cert", "--cert-key",
    ] {
      #expect(result.stdout.contains(flag))
    }
  }

  /// A failing receiver: exit 1, the table names the failed case with its evidence, the JUnit
  /// file has one testcase per case with the failure, the JSON is version 1, bodies are saved.
  @Test func failingReceiverWritesEveryOutput() async throws {
    let receiver = try DefectiveReceiver { request, _ in
      if request.object == nil { return DefectiveReceiver.refuse(400, "not JSON") }
      return request.text.contains("\"RingType\":\"null\"")
        ? DefectiveReceiver.refuse(400, "RingType null is not a ring type") : nil
    }
    defer { receiver.stop() }
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("check-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let junit = directory.appendingPathComponent("junit.xml").path
    let json = directory.appendingPathComponent("check.json").path
    let bodies = directory.appendingPathComponent("bodies").path
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let result = await runTool([
      "check", receiver.url.absoluteString, "--only", "shape,security.not-json", "--skip", "shape.largest-batch",
      "--junit", junit, "--json", json, "--save-bodies", bodies, "--key", "secret-key-123",
    ])
    #expect(result.code == 1)
    #expect(result.stdout.contains("FAIL  shape.ringtype-null-string"))
    #expect(result.stdout.contains("got   HTTP 400 after"))
    #expect(result.stdout.contains("RingType null is not a ring type"))
    #expect(result.stdout.contains("whole body: \(bodies)/shape.ringtype-null-string-1.json"))
    #expect(
      result.stdout.contains(
        "next  AIRudder counts this attempt as failed: it sends the same bytes again 60 s later, up to 5 times"))
    #expect(result.stdout.hasSuffix(" cases: 19 pass, 1 fail, 0 warn, 0 info (\(result.stdout.split(separator: "(").last!)"))
    #expect(!result.stdout.contains("\u{1B}["))
    #expect(!result.stdout.contains("secret-key-123"))

    let xml = try String(contentsOfFile: junit, encoding: .utf8)
    #expect(xml.components(separatedBy: "<testcase ").count - 1 == 20)
    #expect(xml.components(separatedBy: "<failure ").count - 1 == 1)
    #expect(xml.contains("name=\"shape.ringtype-null-string\""))
    #expect(xml.contains("RingType null is not a ring type"))
    #expect(!xml.contains("secret-key-123"))

    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any])
    #expect(object["version"] as? Int == 1)
    #expect(object["failed"] as? Bool == true)
    #expect(object["tls"] is NSNull, "http: no TLS to describe")
    #expect((object["counts"] as? [String: Int]) == ["pass": 19, "fail": 1, "warn": 0, "info": 0])
    let cases = try #require(object["cases"] as? [[String: Any]])
    #expect(cases.count == 20)
    let failed = try #require(cases.first { $0["verdict"] as? String == "fail" })
    #expect(failed["id"] as? String == "shape.ringtype-null-string")
    let evidence = try #require((failed["evidence"] as? [[String: Any]])?.first)
    #expect(evidence["status"] as? Int == 400)
    #expect((evidence["excerpt"] as? String)?.contains("\"RingType\":\"null\"") == true)
    #expect(evidence["body_file"] as? String == "\(bodies)/shape.ringtype-null-string-1.json")
    #expect(FileManager.default.fileExists(atPath: "\(bodies)/shape.ringtype-null-string-1.json"))
  }

  /// The built-in receiver, started as `receive` would be: exit 0, no fail.
  @Test func mockReceiverPassesTheDefaultRun() async throws {
    var configuration = ReceiverConfiguration()
    configuration.port = 0
    let receiver = try MockReceiver.start(configuration: configuration)
    defer { receiver.stop() }
    let result = await runTool(["check", receiver.url.absoluteString, "--skip", "answer.latency"])
    #expect(result.code == 0, "\(result.stdout)")
    #expect(!result.stdout.contains("FAIL"))
    #expect(result.stdout.contains(" cases: \(Battery.all.count - 2) pass, 0 fail, 0 warn, 1 info"))
  }
}

@Suite struct CheckStopTests {
  /// A receiver that dies on one payload: that case fails with its evidence, then the run
  /// stops with one error instead of failing every case left; exit 1.
  @Test func receiverThatDiesStopsTheRunOnce() async throws {
    let holder = Mutex<ScriptedServer?>(nil)
    let server = try ScriptedServer { peer in
      while let request = peer.readRequest() {
        if String(decoding: request.body, as: UTF8.self).contains("\"RingType\":\"null\"") {
          holder.withLock { $0 }?.stop()
          return
        }
        peer.answerOK()
      }
    }
    holder.withLock { $0 = server }
    defer { server.stop() }
    let shapes = Battery.all.filter { $0.group == .shape && $0.id != "shape.largest-batch" }.map(\.id)
    let position = try #require(shapes.firstIndex(of: "shape.ringtype-null-string"))
    let result = await runTool(["check", server.url.absoluteString, "--only", shapes.joined(separator: ",")])
    #expect(result.code == 1)
    #expect(result.stdout.contains("FAIL  shape.ringtype-null-string"))
    #expect(result.stdout.components(separatedBy: "FAIL").count == 2)
    let left = shapes.count - position - 1
    #expect(result.stdout.contains("\(position + 1) cases: \(position) pass, 1 fail, 0 warn, 0 info, \(left) not run"))
    #expect(
      result.stderr
        == "error: the receiver cannot be reached any more after shape.ringtype-null-string: connection refused; \(left) cases not run\n"
    )
  }
}

extension CheckStopTests {
  /// A receiver that reads every request and answers none: three cases in a row time out,
  /// then the run stops with one error instead of a timeout per case; exit 1.
  @Test func receiverThatAnswersNothingStopsAfterThreeCases() async throws {
    let server = try ScriptedServer { peer in
      while peer.readRequest() != nil {}
    }
    defer { server.stop() }
    let result = await runTool(["check", server.url.absoluteString, "--only", "shape", "--timeout", "300ms"])
    #expect(result.code == 1)
    #expect(result.stdout.components(separatedBy: "FAIL").count == 4)
    #expect(result.stdout.contains("no answer within the 300ms timeout"))
    let third = Battery.all[2].id
    let left = Battery.all.filter { $0.group == .shape }.count - 3
    #expect(
      result.stderr
        == "error: the receiver answered nothing within the 300ms timeout in 3 cases in a row (the last \(third)); \(left) cases not run\n"
    )
  }
}
