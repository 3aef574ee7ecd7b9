import Foundation
import Testing

@testable import AIRudderSimCLI
@testable import Conformance

@Suite struct CheckOutputTests {
  @Test(arguments: [
    (true, [String: String](), true), (true, ["NO_COLOR": "1"], false), (true, ["NO_COLOR": ""], true),
    (false, [String: String](), false),
  ])
  func colourOnlyOnATerminalWithoutNoColor(terminal: Bool, environment: [String: String], expected: Bool) {
    #expect(CheckCommand.colored(terminal: terminal, environment: environment) == expected)
  }

  static func result(_ verdict: CheckVerdict) throws -> CaseResult {
    let evidence = Evidence(
      sentBytes: 12, excerpt: "{\"a\":\"<&>\"}", bodyFile: nil, status: 500, error: nil, timedOut: false, seconds: 0.0042,
      answerPrefix: "<html>\u{1}", reusedConnection: false, connectSeconds: nil, next: "retried", hint: nil)
    return CaseResult(
      check: try #require(Battery.named("shape.page-example")), outcome: CaseOutcome(verdict, "why & how", evidence: [evidence]),
      seconds: 0.01)
  }

  @Test func tableColoursTheVerdictOnlyWhenAsked() throws {
    let coloured = CheckResults.text(of: try Self.result(.fail), color: true)
    #expect(coloured.hasPrefix("\u{1B}[1;31mFAIL\u{1B}[0m  shape.page-example"))
    let plain = CheckResults.text(of: try Self.result(.fail), color: false)
    #expect(plain.hasPrefix("FAIL  shape.page-example"))
    #expect(!plain.contains("\u{1B}"))
    #expect(plain.contains("        got   HTTP 500 after 4.2 ms: <html>\u{1}"))
    #expect(plain.contains("        next  retried\n"))
  }

  /// Markup and control characters in answers cannot break the XML.
  @Test func junitEscapesWhatReceiversAnswer() throws {
    let results = CheckResults(
      target: "http://x/", settings: CheckSettings(), started: Date(), seconds: 1,
      results: [try Self.result(.fail), try Self.result(.info)])
    let xml = results.junitXML
    #expect(xml.contains("<failure message=\"why &amp; how\" type=\"fail\">"))
    #expect(xml.contains("&lt;html&gt;"))
    #expect(!xml.contains("<html>") && !xml.contains("\u{1}"))
    #expect(xml.contains("<system-out>INFO: "))
    #expect(xml.contains("tests=\"2\" failures=\"1\""))
  }
}
