import HTTP1

/// Colours told apart by most colour-blind readers too (Okabe and Ito's palette), the same
/// class always in the same colour.
enum ChartPalette {
  static func color(_ attemptClass: AttemptClass) -> String {
    switch attemptClass {
    case .success: "#009e73"
    case .clientError: "#e69f00"
    case .serverError: "#d55e00"
    case .timeout: "#cc79a7"
    case .connectionError: "#0072b2"
    case .other: "#7f7f7f"
    }
  }

  static let blue = "#0072b2"
  static let green = "#009e73"
  static let orange = "#e69f00"
  static let red = "#d55e00"
  static let purple = "#cc79a7"
  static let grey = "#7f7f7f"
  static let sky = "#56b4e9"
}
