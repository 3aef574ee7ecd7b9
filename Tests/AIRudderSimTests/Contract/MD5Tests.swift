import Testing

@testable import AIRudderSimCLI
@testable import Contract
@testable import Receiver
@testable import Scenario
@testable import Support

@Suite struct MD5Tests {
  /// RFC 1321, appendix A.5.
  @Test(arguments: [
    ("", "d41d8cd98f00b204e9800998ecf8427e"),
    ("a", "0cc175b9c0f1b6a831c399e269772661"),
    ("abc", "900150983cd24fb0d6963f7d28e17f72"),
    ("message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
    ("abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"),
    ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f"),
    ("12345678901234567890123456789012345678901234567890123456789012345678901234567890", "57edf4a22be3c955ac49da2e2107b67a"),
  ])
  func rfc1321Vectors(input: String, digest: String) {
    #expect(MD5.hex(input) == digest)
  }

  /// Lengths around the 56-byte padding boundary and the 64-byte block, and a million bytes
  /// (values from Python's hashlib).
  @Test(arguments: [
    (55, "ef1772b6dff9a122358552954ad0df65"),
    (56, "3b0c8ac703f828b04c6c197006d17218"),
    (57, "652b906d60af96844ebd21b674f35e93"),
    (63, "b06521f39153d618550606be297466d5"),
    (64, "014842d480b571495a4a0363793f7367"),
    (65, "c743a45e0d2e6a95cb859adae0248435"),
    (1_000_000, "7707d6ae4e027c70eea2a935c2296f21"),
  ])
  func multiBlock(length: Int, digest: String) {
    #expect(MD5.hex(String(repeating: "a", count: length)) == digest)
  }

  @Test func incrementalUpdatesMatchOneShot() {
    var md5 = MD5()
    let text = Array(String(repeating: "abcdefg", count: 50).utf8)
    for chunk in stride(from: 0, to: text.count, by: 13) {
      md5.update(text[chunk..<min(chunk + 13, text.count)])
    }
    #expect(hexString(md5.finalize()) == MD5.hex(String(repeating: "abcdefg", count: 50)))
  }

  /// Contiguous chunks (whole blocks taken straight from the buffer) give the digest the
  /// byte-by-byte path gives, whatever the chunk size against the 64-byte block.
  @Test(arguments: [1, 63, 64, 65, 100, 1000, 5000])
  func contiguousChunksMatchByteByByte(chunk: Int) {
    let bytes = (0..<5003).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ $0 >> 7) }
    var byteByByte = MD5()
    byteByByte.update(bytes.lazy.map { $0 })  // not contiguous: one byte at a time
    var chunked = MD5()
    for start in stride(from: 0, to: bytes.count, by: chunk) {
      chunked.update(bytes[start..<min(start + chunk, bytes.count)])
    }
    #expect(hexString(chunked.finalize()) == hexString(byteByByte.finalize()))
  }

  /// Multi-byte UTF-8 is hashed as its bytes (values from Python's hashlib).
  @Test(arguments: [
    ("Pembayaran 中文 😀 ñ", "0181e8a6435ab732dbac5afe8a757ea3"),
    ("ac23fa05005e59b92e0b8a19fa5faf07密钥", "b0e1ba1401748dfa40baf22bf4c1995f"),
  ])
  func nonASCII(input: String, digest: String) {
    #expect(MD5.hex(input) == digest)
  }
}
