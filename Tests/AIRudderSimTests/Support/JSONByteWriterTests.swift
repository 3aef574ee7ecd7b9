import Foundation
import Testing

@testable import AIRudderSimCLI
@testable import Contract
@testable import Receiver
@testable import Reporting
@testable import Scenario
@testable import Support

@Suite struct JSONByteWriterTests {
  private func written(_ body: (inout JSONByteWriter) -> Void, pretty: Bool = false) -> String {
    var writer = JSONByteWriter(pretty: pretty, capacity: 8)
    body(&writer)
    return String(decoding: writer.bytes, as: UTF8.self)
  }

  @Test(arguments: [
    ("plain", #""plain""#),
    ("", #""""#),
    ("quote \" and back\\slash", #""quote \" and back\\slash""#),
    ("tab\tnew\nline\rret", #""tab\tnew\nline\rret""#),
    ("\u{01}\u{1F}\u{08}\u{0C}", #""\u0001\u001f\b\f""#),
    ("王小明 😀 ñ", #""王小明 😀 ñ""#),
    ("0123456789abcdef\"0123456789", #""0123456789abcdef\"0123456789""#),
    // An escape in a middle word followed by a clean last word, and in the last partial word.
    ("01234567\"9abcdef0123456789", #""01234567\"9abcdef0123456789""#),
    ("0123456789abc\\", #""0123456789abc\\""#),
    ("0123456\n", #""0123456\n""#),
  ])
  func escapesStrings(input: String, expected: String) throws {
    let output = written { $0.string(input) }
    #expect(output == expected)
    // And any JSON parser reads back the original.
    let parsed = try #require(try JSONSerialization.jsonObject(with: Data("[\(output)]".utf8)) as? [String])
    #expect(parsed == [input])
  }

  /// Every length around the word sizes the writer tests by (under 4, 4 to 7, 8, 16, and
  /// the partial last word), with each character that needs an escape at every position,
  /// against a byte-by-byte escaping; and with none, so a clean string is copied exactly.
  @Test(arguments: ["\"", "\\", "\n", "\u{00}", "\u{1F}", nil as String?])
  func escapesAtEveryLengthAndPosition(special: String?) {
    func reference(_ text: String) -> String {
      var out = "\""
      for scalar in text.unicodeScalars {
        switch scalar.value {
        case 0x22: out += "\\\""
        case 0x5C: out += "\\\\"
        case 0x0A: out += "\\n"
        case 0x00: out += "\\u0000"
        case 0x1F: out += "\\u001f"
        default: out.unicodeScalars.append(scalar)
        }
      }
      return out + "\""
    }
    for length in 0...40 {
      // Bytes next to the escaped ones in value (0x20, 0x21, 0x23, 0x5B, 0x5D), and two-byte UTF-8.
      let filler = Array(" !#[]azé".unicodeScalars)
      let plain = String(String.UnicodeScalarView((0..<length).map { filler[$0 % filler.count] }))
      guard let special else {
        #expect(written { $0.string(plain) } == "\"\(plain)\"", "length \(length)")
        continue
      }
      for position in 0...length {
        var scalars = Array(plain.unicodeScalars)
        scalars.insert(contentsOf: special.unicodeScalars, at: position)
        let text = String(String.UnicodeScalarView(scalars))
        #expect(written { $0.string(text) } == reference(text), "length \(length), position \(position)")
      }
    }
  }

  @Test(arguments: [0, 7, -7, 2_123_875_204, Int.max, Int.min])
  func writesIntegers(value: Int) {
    #expect(written { $0.int(value) } == String(value))
  }

  @Test func nestsCompactAndPretty() {
    let body: (inout JSONByteWriter) -> Void = { w in
      w.beginObject()
      w.key("a")
      w.int(1)
      w.key("b")
      w.beginArray()
      w.element()
      w.string("x")
      w.element()
      w.null()
      w.endArray()
      w.key("c")
      w.beginObject()
      w.endObject()
      w.endObject()
    }
    #expect(written(body) == #"{"a":1,"b":["x",null],"c":{}}"#)
    #expect(written(body, pretty: true) == "{\n  \"a\": 1,\n  \"b\": [\n    \"x\",\n    null\n  ],\n  \"c\": {}\n}")
  }

  /// The compact joints of a transcript line, key from the table, past a tiny initial capacity.
  @Test func writesRawJointsAroundAKey() {
    let line = written { w in
      w.raw("{", key: "time", #"""#)
      w.stringBody("00:00:03")
      w.raw(#"","#, key: "robottext", #"""#)
      w.raw(#""}"#)
    }
    #expect(line == #"{"time":"00:00:03","robottext":""}"#)
  }

  @Test func growsPastItsInitialCapacity() {
    let long = String(repeating: "x", count: 10_000)
    #expect(written { $0.string(long) }.count == 10_002)
  }
}
