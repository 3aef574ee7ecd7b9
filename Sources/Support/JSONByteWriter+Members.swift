/// A member in one call (`"name":value`), so that a hand-written writer reads as a list of
/// members, one a line.
extension JSONByteWriter {
  /// The value's quotes written around `stringBody` here: one call a member, not three.
  @inline(__always) package mutating func member(_ name: StaticString, _ value: String) {
    key(name, openingString: true)
    stringBody(value)
    append(UInt8(ascii: "\""))
  }

  @inline(__always) package mutating func member(_ name: StaticString, _ value: Int) {
    key(name)
    int(value)
  }

  /// A number with `places` decimals.
  @inline(__always) package mutating func member(_ name: StaticString, _ value: Double, places: Int) {
    key(name)
    decimal(value, places: places)
  }

  @inline(__always) package mutating func nullMember(_ name: StaticString) {
    key(name)
    null()
  }
}
