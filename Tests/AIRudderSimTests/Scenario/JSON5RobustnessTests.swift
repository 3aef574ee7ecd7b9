import Foundation
import Testing

@testable import AIRudderSimCLI
@testable import Delivery
@testable import Generation
@testable import HTTP1
@testable import Receiver
@testable import Scenario

/// The scenario reader answers any input with a scenario or a located message: never a trap,
/// whatever is cut off, mangled or nested.
@Suite struct JSON5RobustnessTests {
  /// Loads or throws a `ScenarioError` whose every line names the file; anything else fails.
  private func expectLoadsOrIsLocated(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
    do {
      _ = try ScenarioLoader.decode(Data(bytes), file: "f.json")
    } catch {
      let lines = error.messages
      #expect(!lines.isEmpty, sourceLocation: sourceLocation)
      #expect(lines.allSatisfy { $0.hasPrefix("f.json:") }, "\(lines)", sourceLocation: sourceLocation)
    }
  }

  @Test(arguments: [
    "", "-", "+", ".", "0x", "1e", "1e+", "-Infinit", "NaNx", "{", "[", "{\"a\"", "{\"a\":", "{a:1,,}", "[1,,]", "/", "/*",
    "/* *",
    "\"", "'", "\"\\", "\"\\u12", "\"\\uD800\"", "\"\\uD800\\u0041\"", "\"\\x4\"", "{\"\\", "\u{FEFF}", "{\u{0}}", "\"a\u{0}b\"",
    "{ 'a': 1 'b' }", "{ \"a\": 1 } x", "[] []", "{ ü: 1 }", "{ a: ü }", "{ 1a: 1 }", "{ a: 00 }", "{ a: -0x }", "{ a: 1.2.3 }",
  ])
  func truncatedAndOddInputs(text: String) {
    expectLoadsOrIsLocated(Array(text.utf8))
  }

  @Test func bytesThatAreNotUTF8() {
    expectLoadsOrIsLocated([0xFF, 0xFE])
    expectLoadsOrIsLocated(Array("{ \"name\": \"".utf8) + [0xC3, 0x28] + Array("\" }".utf8))
    expectLoadsOrIsLocated(Array("{ name: ".utf8) + [0xE2, 0x82])
  }

  @Test func deepNestingIsRefusedNotOverflowed() {
    expectLoadsOrIsLocated(Array(String(repeating: "[", count: 100_000).utf8))
    expectLoadsOrIsLocated(Array(String(repeating: "{\"a\":", count: 100_000).utf8))
    expectLoadsOrIsLocated(Array((String(repeating: "[", count: 128) + String(repeating: "]", count: 128)).utf8))
  }

  /// Every prefix of a shipped scenario, and random byte edits of it.
  @Test func cutAndMangledScenarios() throws {
    let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: RepositoryPath.scenario("edge-cases.json"))))
    for length in 0..<original.count {
      expectLoadsOrIsLocated(Array(original[..<length]))
    }
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    let alphabet = Array("{}[]:,\"'\\/*-+.0123456789eExNaInfity \n\tu".utf8) + [0x00, 0xC3, 0xFF]
    for _ in 0..<2_000 {
      var bytes = original
      for _ in 0...next(3) {
        let at = next(bytes.count)
        switch next(3) {
        case 0: bytes.remove(at: at)
        case 1: bytes.insert(alphabet[next(alphabet.count)], at: at)
        default: bytes[at] = alphabet[next(alphabet.count)]
        }
      }
      expectLoadsOrIsLocated(bytes)
    }
  }
}
