import HTTP1

extension AttemptClass {
  /// The position in `allCases`, without searching: counts per class live in small arrays on
  /// the hot path, where a dictionary would hash.
  @inline(__always)
  package var ordinal: Int {
    switch self {
    case .success: 0
    case .clientError: 1
    case .serverError: 2
    case .timeout: 3
    case .connectionError: 4
    case .other: 5
    }
  }
}
