import Scenario
import Support

/// E.164 numbers of a country: mobile numbers for callees, landline-style for caller IDs.
/// Prefixes are real operators' ranges; subscriber digits are random.
package struct PhoneNumberPlan: Sendable {
  let countryCode: String
  let mobilePrefixes: [String]
  let mobileDigits: Int
  let landlinePrefix: String
  let landlineDigits: Int
  /// `+`, country code and prefix as bytes, made once.
  private let mobileHeads: [[UInt8]]
  private let landlineHead: [UInt8]

  package init(country: Country) {
    switch country {
    case .indonesia:
      self.init(
        "62", ["811", "812", "813", "821", "822", "852", "853", "857", "858", "877", "878", "895", "896", "897"], 8, "21", 8)
    case .philippines:
      self.init(
        "63", ["905", "906", "915", "916", "917", "926", "927", "935", "945", "955", "965", "977", "995", "997"], 7, "2", 8)
    case .unitedStates:
      self.init("1", ["212", "213", "312", "415", "512", "617", "702", "713", "818", "917"], 7, "800", 7)
    case .china:
      self.init("86", ["130", "131", "135", "136", "138", "139", "150", "151", "158", "186", "188", "189"], 8, "10", 8)
    case .india:
      self.init("91", ["98", "97", "96", "91", "90", "88", "87", "79", "70"], 8, "11", 8)
    case .mexico:
      self.init("52", ["55", "33", "81", "222", "664"], 8, "55", 8)
    }
  }

  private init(_ code: String, _ prefixes: [String], _ digits: Int, _ landline: String, _ landlineDigits: Int) {
    countryCode = code
    mobilePrefixes = prefixes
    mobileDigits = digits
    landlinePrefix = landline
    self.landlineDigits = landlineDigits
    mobileHeads = prefixes.map { Array(("+" + code + $0).utf8) }
    landlineHead = Array(("+" + code + landline).utf8)
  }

  /// A mobile number such as `+6281234567890`.
  package func mobile(using rng: inout SeededRandom) -> String {
    number(head: mobileHeads[rng.int(in: 0...(mobileHeads.count - 1))], digits: mobileDigits, using: &rng)
  }

  /// A caller ID such as `+622155501234`.
  package func landline(using rng: inout SeededRandom) -> String {
    number(head: landlineHead, digits: landlineDigits, using: &rng)
  }

  /// The head then `digits` random digits, written into the string in one allocation.
  private func number(head: [UInt8], digits: Int, using rng: inout SeededRandom) -> String {
    var bits = rng.next()
    return String(unsafeUninitializedCapacity: head.count + digits) { bytes in
      for index in head.indices { bytes[index] = head[index] }
      for index in 0..<digits {
        // The first subscriber digit is 1-9, so numbers never look zero-padded.
        bytes[head.count + index] = index == 0 ? UInt8(ascii: "1") + UInt8(bits % 9) : UInt8(ascii: "0") + UInt8(bits % 10)
        bits /= 10
        if bits < 1_000 { bits = rng.next() }
      }
      return head.count + digits
    }
  }
}
