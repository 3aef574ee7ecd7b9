import Foundation
import HTTP1
import Support

/// Splits a byte stream into top-level JSON objects, whether one per line (NDJSON) or
/// indented over many lines, without holding more than the object being read.
struct JSONObjectStream {
  struct Object {
    var bytes: Data
    /// Line of the object's opening brace, 1-based.
    var line: Int
  }

  let file: String
  private var current: [UInt8] = []
  private var depth = 0
  private var inString = false
  private var escaped = false
  private var line = 1
  private var startLine = 1

  init(file: String) {
    self.file = file
  }

  /// Feeds the next bytes and returns the objects they complete. `final` says the input
  /// ended, so an unfinished object is an error.
  mutating func feed(_ data: Data, final: Bool) throws(InputError) -> [Object] {
    var objects: [Object] = []
    for byte in data {
      if byte == UInt8(ascii: "\n") { line += 1 }
      if depth == 0 {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"):
          continue
        case UInt8(ascii: "{"):
          startLine = line
        default:
          throw .malformed(
            file: file, line: line, reason: "expected a JSON object, found '\(String(decoding: [byte], as: UTF8.self))'")
        }
      }
      current.append(byte)
      if inString {
        if escaped {
          escaped = false
        } else if byte == UInt8(ascii: "\\") {
          escaped = true
        } else if byte == UInt8(ascii: "\"") {
          inString = false
        }
        continue
      }
      switch byte {
      case UInt8(ascii: "\""): inString = true
      case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
      case UInt8(ascii: "}"), UInt8(ascii: "]"):
        depth -= 1
        if depth == 0 {
          objects.append(Object(bytes: Data(current), line: startLine))
          current.removeAll(keepingCapacity: true)
        }
      default: break
      }
    }
    if final && (depth != 0 || !current.isEmpty) {
      throw .malformed(file: file, line: startLine, reason: "the JSON object starting here is not complete")
    }
    return objects
  }
}
