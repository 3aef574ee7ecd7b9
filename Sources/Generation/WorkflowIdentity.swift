import Scenario
import Support

/// The envelope fields of one simulated workflow and its voicebot node's task.
package struct WorkflowIdentity: Sendable, Hashable {
  package var workflowID: String
  package var workflowName: String
  package var nodetaskID: String
  package var nodetaskName: String
  package var taskID: String
  package var taskName: String

  /// Names follow the seed's example: node `Voicebot Call1_f405f7`, task
  /// `wf_<workflow>_<node>_<6 hex>`; ids are 32 lowercase hex.
  init(index: Int, scenario: Scenario, using rng: inout SeededRandom) {
    workflowID = HexID.make(32, using: &rng)
    workflowName = scenario.workflowName + String(index + 1)
    nodetaskID = HexID.make(32, using: &rng)
    nodetaskName = scenario.nodeName + "_" + HexID.make(6, using: &rng)
    taskID = HexID.make(32, using: &rng)
    taskName = "wf_" + scenario.workflowName + "_" + scenario.nodeName + "_" + HexID.make(6, using: &rng)
  }
}

/// Lowercase hex identifiers.
enum HexID {
  private static let digits = Array("0123456789abcdef".utf8)

  static func make(_ length: Int, using rng: inout SeededRandom) -> String {
    var bytes = [UInt8](repeating: 0, count: length)
    var bits = rng.next()
    var left = 16
    for index in 0..<length {
      if left == 0 {
        bits = rng.next()
        left = 16
      }
      bytes[index] = digits[Int(bits & 0xF)]
      bits >>= 4
      left -= 1
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// 32 hex digits whose first half is a bijection of `unique`, so distinct inputs never
  /// collide, and whose second half is random.
  static func unique(_ unique: UInt64, using rng: inout SeededRandom) -> String {
    var high = SeededRandom.mix(unique)
    var low = rng.next()
    return String(unsafeUninitializedCapacity: 32) { bytes in
      for index in 0..<16 {
        bytes[15 - index] = hexDigit(high & 0xF)
        bytes[31 - index] = hexDigit(low & 0xF)
        high >>= 4
        low >>= 4
      }
      return 32
    }
  }

  @inline(__always) private static func hexDigit(_ nibble: UInt64) -> UInt8 {
    nibble < 10 ? UInt8(ascii: "0") + UInt8(nibble) : UInt8(ascii: "a") + UInt8(nibble - 10)
  }
}
