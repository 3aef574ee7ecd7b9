import Scenario
import Support

/// A `ValueTemplate` made ready for the hot path: operations without references (copying one
/// retains nothing), literal bytes and pick choices in tables, and a bound on the fixed part's
/// length, so a contact's value is written into one allocation in one pass. A class: the
/// writing closure takes one reference instead of copying three arrays.
final class CompiledTemplate: Sendable {
  private enum Op: Sendable {
    case literal(Int)
    case caseID, calleeName, calleeNumber, index
    case digits(Int)
    case int(Int, Int)
    case pick(Int)
  }

  private let ops: [Op]
  private let literals: [[UInt8]]
  private let choices: [[[UInt8]]]
  /// Bytes the template can write besides the contact's own fields.
  private let fixedBound: Int
  /// The text when there is no placeholder.
  let constant: String?

  init(_ template: ValueTemplate) {
    constant = template.constant
    var ops: [Op] = []
    var literals: [[UInt8]] = []
    var choices: [[[UInt8]]] = []
    var bound = 0
    for part in template.parts {
      switch part {
      case .text(let text):
        ops.append(.literal(literals.count))
        literals.append(Array(text.utf8))
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
        ops.append(.pick(choices.count))
        choices.append(list.map { Array($0.utf8) })
        bound += list.map(\.utf8.count).max() ?? 0
      }
    }
    self.ops = ops
    self.literals = literals
    self.choices = choices
    fixedBound = bound
  }

  /// The value for one contact.
  func fill(_ contact: Contact, using rng: inout SeededRandom) -> String {
    if let constant { return constant }
    var capacity = fixedBound
    for op in ops {
      switch op {
      case .caseID: capacity += contact.caseID.utf8.count
      case .calleeName: capacity += contact.name.utf8.count
      case .calleeNumber: capacity += contact.calleeNumber.utf8.count
      default: break
      }
    }
    // Taken once, outside the writing closure: reading them from `self` inside it retained
    // and released each array on every access.
    let (ops, literals, choices) = (self.ops, self.literals, self.choices)
    return String(unsafeUninitializedCapacity: capacity) { out in
      var at = 0
      func put<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
        for byte in bytes {
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
      for position in ops.indices {
        switch ops[position] {
        case .literal(let index): put(literals[index])
        case .caseID: put(contact.caseID.utf8)
        case .calleeName: put(contact.name.utf8)
        case .calleeNumber: put(contact.calleeNumber.utf8)
        case .index: put(contact.number + 1)
        case .int(let low, let high): put(rng.int(in: low...high))
        case .pick(let index): put(choices[index][rng.int(in: 0...(choices[index].count - 1))])
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
}
