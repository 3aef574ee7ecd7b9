import Scenario
import Support

/// A `ValueTemplate` made ready for the hot path: operations without references (copying one
/// retains nothing), literal bytes and pick choices in one byte table, and a bound on the fixed
/// part's length, so a contact's value is written into one allocation in one pass. A class:
/// a call takes one reference instead of copying three arrays.
final class CompiledTemplate: Sendable {
  private enum Op: Sendable {
    /// Bytes `start..<end` of `bytes`.
    case literal(Int, Int)
    case caseID, calleeName, calleeNumber, index
    case digits(Int)
    case int(Int, Int)
    /// One of `count` choices whose bounds start at `bounds[first]`.
    case pick(first: Int, count: Int)
  }

  private let ops: [Op]
  /// Every literal's and choice's bytes, end to end: one buffer to read, nothing to retain.
  private let bytes: [UInt8]
  /// Where each choice starts in `bytes`, and after each pick's last choice where it ends.
  private let bounds: [Int]
  /// Bytes the template can write besides the contact's own fields.
  private let fixedBound: Int
  /// The text when there is no placeholder.
  let constant: String?
  /// The choices when the template is one `{pick:…}` and nothing else: the value is one of
  /// them as it is, with no string to make.
  private let onlyPick: [String]?

  init(_ template: ValueTemplate) {
    constant = template.constant
    var ops: [Op] = []
    var bytes: [UInt8] = []
    var bounds: [Int] = []
    var bound = 0
    for part in template.parts {
      switch part {
      case .text(let text):
        ops.append(.literal(bytes.count, bytes.count + text.utf8.count))
        bytes += text.utf8
        bound += text.utf8.count
      case .caseID: ops.append(.caseID)
      case .calleeName: ops.append(.calleeName)
      case .calleeNumber: ops.append(.calleeNumber)
      case .index:
        ops.append(.index)
        bound += 20
      case .digits(let count):
        ops.append(.digits(count))
        bound += count
      case .int(let range):
        ops.append(.int(range.lowerBound, range.upperBound))
        bound += 20
      case .pick(let list):
        ops.append(.pick(first: bounds.count, count: list.count))
        for choice in list {
          bounds.append(bytes.count)
          bytes += choice.utf8
        }
        bounds.append(bytes.count)
        bound += list.map(\.utf8.count).max() ?? 0
      }
    }
    if template.parts.count == 1, case .pick(let list) = template.parts[0] {
      onlyPick = list
    } else {
      onlyPick = nil
    }
    self.ops = ops
    self.bytes = bytes
    self.bounds = bounds
    fixedBound = bound
  }

  /// The value for one contact.
  func fill(_ contact: Contact, using rng: inout SeededRandom) -> String {
    if let constant { return constant }
    // The same draw as the general path below makes.
    if let onlyPick { return onlyPick[rng.int(in: 0...(onlyPick.count - 1))] }
    var capacity = fixedBound
    for op in ops {
      switch op {
      case .caseID: capacity += contact.caseID.utf8.count
      case .calleeName: capacity += contact.name.utf8.count
      case .calleeNumber: capacity += contact.calleeNumber.utf8.count
      default: break
      }
    }
    return ops.withUnsafeBufferPointer { ops in
      bytes.withUnsafeBufferPointer { bytes in
        bounds.withUnsafeBufferPointer { bounds in
          String(unsafeUninitializedCapacity: capacity) { out in
            Self.write(ops, bytes, bounds, contact, &rng, into: out)
          }
        }
      }
    }
  }

  /// Writes the value into `out` (at least `capacity` bytes); returns the bytes written.
  private static func write(
    _ ops: UnsafeBufferPointer<Op>, _ bytes: UnsafeBufferPointer<UInt8>, _ bounds: UnsafeBufferPointer<Int>,
    _ contact: Contact, _ rng: inout SeededRandom, into out: UnsafeMutableBufferPointer<UInt8>
  ) -> Int {
    var at = 0
    func put(_ start: Int, _ end: Int) {
      var index = start
      while index < end {
        out[at] = bytes[index]
        at += 1
        index += 1
      }
    }
    func put(_ text: String.UTF8View) {
      for byte in text {
        out[at] = byte
        at += 1
      }
    }
    func put(_ number: Int) {
      if number < 0 {
        out[at] = UInt8(ascii: "-")
        at += 1
      }
      var value = number.magnitude
      let start = at
      repeat {
        out[at] = UInt8(ascii: "0") + UInt8(value % 10)
        at += 1
        value /= 10
      } while value > 0
      out[start..<at].reverse()
    }
    for op in ops {
      switch op {
      case .literal(let start, let end): put(start, end)
      case .caseID: put(contact.caseID.utf8)
      case .calleeName: put(contact.name.utf8)
      case .calleeNumber: put(contact.calleeNumber.utf8)
      case .index: put(contact.number + 1)
      case .int(let low, let high): put(rng.int(in: low...high))
      case .pick(let first, let count):
        let choice = first + rng.int(in: 0...(count - 1))
        put(bounds[choice], bounds[choice + 1])
      case .digits(let count):
        // Nineteen decimal digits from each 64 random bits.
        var bits = rng.next()
        var left = 19
        for _ in 0..<count {
          if left == 0 {
            bits = rng.next()
            left = 19
          }
          out[at] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: bits % 10)
          bits /= 10
          left -= 1
          at += 1
        }
      }
    }
    return at
  }
}
