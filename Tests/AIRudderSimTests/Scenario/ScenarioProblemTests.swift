import Foundation
import Testing

@testable import AIRudderSimCLI
@testable import Contract
@testable import Delivery
@testable import Generation
@testable import HTTP1
@testable import Receiver
@testable import Reporting
@testable import Scenario
@testable import Support

/// Scenario errors say where: line and column, the key, and every problem of the file at once.
@Suite struct ScenarioProblemTests {
  /// The messages a scenario gives, one per problem (empty when it loads).
  private func messages(_ json: String) -> [String] {
    do {
      _ = try scenario(json)
      return []
    } catch {
      return error.localizedDescription.components(separatedBy: "\n")
    }
  }

  @Test(arguments: [
    (
      "{\n  \"scene\": \"collection\",\n  \"dialer\": { \"lines\": 3 \"redialLimit\": 2 }\n}",
      #"test.json:3:26: expected "," or "}" after the value of "lines", found a string"#
    ),
    (#"{ "scene": "collection""#, #"test.json:1:24: expected "," or "}" after the value of "scene", found the end of the file"#),
    ("{\n  \"workflows\": ,\n}", #"test.json:2:16: expected a value, found ",""#),
    ("{ \"name\": \"abc\n}", #"test.json:1:15: expected '"' to close the string begun at 1:11, found the end of the line"#),
    (
      #"{ "scene": 'collection" }"#, #"test.json:1:26: expected "'" to close the string begun at 1:12, found the end of the file"#
    ),
    ("{ scene: colection }", #"test.json:1:10: expected a value, found "colection" (a string needs quotes)"#),
    (
      "// settings\n{ /* note\n  \"workflows\": 1 }",
      #"test.json:3:19: expected "*/" to close the comment begun at 2:3, found the end of the file"#
    ),
    ("{}\n}", #"test.json:2:1: expected the end of the file after the value, found "}""#),
    (#"{ "name": "Zoë" "seed": 1 }"#, #"test.json:1:17: expected "," or "}" after the value of "name", found a string"#),
    (
      "{\r\n  \"seed\": 1\r\n  \"name\": \"x\"\r\n}",
      #"test.json:3:3: expected "," or "}" after the value of "seed", found a string"#
    ),
    (#"{ "seed": 01 }"#, #"test.json:1:11: expected a number without leading zeros, found "01""#),
    (#"{ "a" 1 }"#, #"test.json:1:7: expected ":" after the key "a", found "1""#),
    (#"{ "dialer": { "redialOnLabels": ["A",, "B"] } }"#, #"test.json:1:38: expected a value, found ",""#),
    (
      "{ \"name\": \"a\tb\" }",
      #"test.json:1:13: expected a character of the string, found control character U+0009 (write it as \u0009)"#
    ),
    ("", "test.json:1:1: expected a value, found the end of the file"),
    (String(repeating: "[", count: 200), "test.json:1:129: expected at most 128 levels of nesting, found more"),
  ])
  func syntaxErrorSaysLineAndColumn(json: String, message: String) {
    #expect(messages(json) == [message])
  }

  @Test func wholeNumberKeyNamesKeyAndType() {
    #expect(messages(#"{"workflows": 2.5}"#) == ["test.json:1:2: workflows: expected a whole number, got 2.5"])
  }

  /// JSON5 reads `NaN` and `Infinity`; a scenario refuses them at their key like any bad value.
  @Test(arguments: [
    (#"{ "timeScale": NaN }"#, "test.json:1:3: timeScale: expected a number, got NaN"),
    (#"{ "dialer": { "connectRate": Infinity } }"#, "test.json:1:15: dialer.connectRate: expected a number, got Infinity"),
    (
      #"{ "collection": { "owingMarkup": [0, -Infinity] } }"#,
      "test.json:1:38: collection.owingMarkup[1]: expected a number, got -Infinity"
    ),
    (#"{ "workflows": NaN }"#, "test.json:1:3: workflows: expected a whole number, got NaN"),
    (#"{ "timeScale": 1e400 }"#, "test.json:1:3: timeScale: expected a number from -1.7e308 to 1.7e308, got 1e400"),
    (#"{ "seed": -1 }"#, "test.json:1:3: seed: expected a whole number from 0 to 18446744073709551615, got -1"),
  ])
  func nonFiniteAndOutOfRangeNumbersNameTheKey(json: String, message: String) {
    #expect(messages(json) == [message])
  }

  @Test func duplicateKeysAreReportedAtTopLevelAndNested() {
    let json = """
      {
        "workflows": 1,
        "dialer": { "lines": 3, "lines": 5 },
        "workflows": 2
      }
      """
    #expect(
      messages(json) == [
        "test.json:3:27: dialer.lines: duplicate key (first at 3:15)",
        "test.json:4:3: workflows: duplicate key (first at 2:3)",
      ])
  }

  @Test(arguments: [
    (
      #"{ "robot": { "labels": [ { "label": "A", "label": "B" } ] } }"#,
      "test.json:1:42: robot.labels[0].label: duplicate key (first at 1:28)"
    ),
    ("{ seed: 1, 'seed': 2 }", "test.json:1:12: seed: duplicate key (first at 1:3)"),
  ])
  func duplicateKeyInArrayOrDifferentlyQuoted(json: String, message: String) {
    #expect(messages(json) == [message])
  }

  @Test func independentProblemsAreAllReportedInFileOrder() {
    let json = """
      {
        "scen": "collection",
        "dialer": { "lines": "many" },
        "timeScale": 0
      }
      """
    #expect(
      messages(json) == [
        #"test.json:2:3: scen: unknown key "scen"; did you mean "scene"?"#,
        "test.json:3:15: dialer.lines: expected a whole number, got a string",
        "test.json:4:3: timeScale: expected a number above 0 and at most 1000000, got 0.0",
      ])
  }

  /// Taking a bad value out must not be reported as a second problem of its own (an emptied
  /// weight table, a range left with one bound, a rate mode left without its rate).
  @Test func problemsThatFollowFromAnEarlierOneAreNotReported() {
    let json = """
      {
        dialer: { ringTypeWeights: { bussy: 3 } },
        collection: { tenorDays: { min: "x", max: 10 } },
        load: { mode: "rate", rate: NaN },
      }
      """
    #expect(
      messages(json) == [
        #"test.json:2:32: dialer.ringTypeWeights.bussy: unknown name "bussy"; did you mean "busy"?"#,
        "test.json:3:30: collection.tenorDays.min: expected a whole number, got a string",
        "test.json:4:25: load.rate: expected a number, got NaN",
      ])
  }

  @Test func atMostTenProblemsAreListed() {
    let keys = (1...12).map { String(format: "k%02d", $0) }
    let json = "{\n" + keys.map { "  \($0): 1,\n" }.joined() + "}"
    let lines = messages(json)
    #expect(lines.count == 11)
    for (index, line) in lines.prefix(10).enumerated() {
      #expect(line.hasPrefix("test.json:\(index + 2):3: \(keys[index]): unknown key"))
    }
    #expect(lines.last == "test.json: stopped after 10 problems; fix these and run again to see the rest")
  }

  /// A newer version's other keys may mean something else: nothing past it is reported.
  @Test func unsupportedVersionIsTheOnlyProblemReported() {
    #expect(
      messages(#"{ "version": 2, "scen": 1 }"#) == [
        "test.json:1:3: version: unsupported scenario version 2; this airudder-sim reads version 1"
      ])
  }

  @Test func json5FormsStillLoad() throws {
    let decoded = try scenario(
      """
      \u{FEFF}// JSON5 as Foundation's decoder read it
      { name: 'it\\'s', workflows: 0x2, contactsPerWorkflow: 1e2, timeScale: .5, seed: +7,
        description: "tab\\tand \\x41 \\u00e9 \\uD83D\\uDE00", dialer: { connectRate: 1., redialOnLabels: ['A', "B",], }, }
      """)
    #expect(decoded.name == "it's")
    #expect(decoded.workflows == 2)
    #expect(decoded.contactsPerWorkflow == 100)
    #expect(decoded.timeScale == 0.5)
    #expect(decoded.seed == 7)
    #expect(decoded.description == "tab\tand A é 😀")
    #expect(decoded.dialer.connectRate == 1)
    #expect(decoded.dialer.redialOnLabels == ["A", "B"])
  }

  /// JSON5's line continuation adds nothing to the string (Foundation's decoder kept the line
  /// break).
  @Test func lineContinuationJoinsTheLines() throws {
    #expect(try scenario("{ name: 'one \\\ntwo' }").name == "one two")
  }

  /// Every problem line, and only those, is printed with `error:`; the exit code is 2.
  @Test func toolPrintsEachProblemOnItsOwnLine() async throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("problems-\(UUID().uuidString).json")
    try "{\n  scen: 1,\n  workflows: 2.5,\n  workflows: 3\n}\n".write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    let result = await runTool(["generate", file.path, "--count", "1"])
    #expect(result.code == 2)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr == """
        error: \(file.path):2:3: scen: unknown key "scen"; did you mean "scene"?
        error: \(file.path):3:3: workflows: expected a whole number, got 2.5
        error: \(file.path):4:3: workflows: duplicate key (first at 3:3)

        """)
  }
}
