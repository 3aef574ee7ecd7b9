extension Duration {
  /// Whole nanoseconds, 0 for a negative duration: how the transports add a timeout to a
  /// monotonic clock's reading.
  var wholeNanoseconds: UInt64 {
    let (seconds, attoseconds) = components
    guard seconds >= 0, attoseconds >= 0 else { return 0 }
    return UInt64(seconds) &* 1_000_000_000 &+ UInt64(attoseconds / 1_000_000_000)
  }
}
