/// Phone numbers as the contract writes them (`CalleeNumber`, `CallerNumber`).
package enum E164 {
  /// `+` then 7 to 15 digits, the first not 0.
  package static func isValid(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    guard bytes.count >= 8, bytes.count <= 16, bytes[0] == UInt8(ascii: "+"), bytes[1] != UInt8(ascii: "0") else { return false }
    return bytes.dropFirst().allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
  }
}
