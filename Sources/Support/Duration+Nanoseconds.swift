extension Duration {
  /// Whole nanoseconds, 0 for a negative duration and saturated at ~292 years (a timeout
  /// divided by a small time scale): how the transports add a timeout to a monotonic clock's
  /// reading.
  package var wholeNanoseconds: UInt64 {
    let (seconds, attoseconds) = components
    guard seconds >= 0, attoseconds >= 0 else { return 0 }
    guard seconds < 9_000_000_000 else { return 9_000_000_000 * 1_000_000_000 }
    return UInt64(seconds) * 1_000_000_000 + UInt64(attoseconds / 1_000_000_000)
  }
}
