import Scenario
import Support

/// E.164 numbers of a country: mobile numbers for callees, landline-style for caller IDs.
/// Prefixes are real operators' ranges (`CountryData`); subscriber digits are random. A class:
/// a number drawn through `GenerationModel.phones` takes one reference, not five arrays.
package final class PhoneNumberPlan: Sendable {
  let countryCode: String
  let mobilePrefixes: [String]
  /// Subscriber digits after each prefix.
  let mobileDigits: [Int]
  let landlinePrefix: String
  let landlineDigits: Int
  /// `+`, country code and prefix as bytes, made once.
  private let mobileHeads: [[UInt8]]
  private let landlineHead: [UInt8]

  /// Prefixes are followed by as many digits as make the country's national number length
  /// (Mexico: +52, then 10 digits, whether the area code has 2 or 3).
  package init(country: Country) {
    let data = country.data
    countryCode = data.callingCode
    mobilePrefixes = data.mobilePrefixes
    landlinePrefix = data.landlinePrefix
    mobileHeads = data.mobilePrefixes.map { Array(("+" + data.callingCode + $0).utf8) }
    mobileDigits = data.mobilePrefixes.map { data.mobileDigits - $0.count }
    landlineHead = Array(("+" + data.callingCode + data.landlinePrefix).utf8)
    landlineDigits = data.landlineDigits - data.landlinePrefix.count
  }

  /// A mobile number such as `+6281234567890`.
  package func mobile(using rng: inout SeededRandom) -> String {
    let index = rng.int(in: 0...(mobileHeads.count - 1))
    return number(head: mobileHeads[index], digits: mobileDigits[index], using: &rng)
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
