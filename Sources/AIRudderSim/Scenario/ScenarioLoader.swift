import Foundation

/// Reads scenario files: JSON with comments and trailing commas, every decoding problem
/// turned into a `ScenarioError` that names the file, the key path and what was expected.
public enum ScenarioLoader {
  public static func load(path: String) throws(ScenarioError) -> Scenario {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      let reason = FileManager.default.fileExists(atPath: path) ? "permission denied or not a file" : "no such file"
      throw .unreadable(file: path, reason: reason)
    }
    return try decode(data, file: path)
  }

  public static func decode(_ data: Data, file: String) throws(ScenarioError) -> Scenario {
    let decoder = JSONDecoder()
    decoder.allowsJSON5 = true
    do {
      return try decoder.decode(Scenario.self, from: data)
    } catch let error as DecodingError {
      throw describe(error, file: file)
    } catch {
      throw .malformed(file: file, reason: "\(error)")
    }
  }

  static func describe(_ error: DecodingError, file: String) -> ScenarioError {
    switch error {
    case .typeMismatch(let type, let context):
      return .invalid(file: file, path: keyPath(context.codingPath), message: "expected \(describe(type))\(found(context))")
    case .valueNotFound(let type, let context):
      return .invalid(file: file, path: keyPath(context.codingPath), message: "expected \(describe(type)), got null")
    case .keyNotFound(let key, let context):
      return .invalid(file: file, path: keyPath(context.codingPath + [key]), message: "required key is missing")
    case .dataCorrupted(let context):
      if context.codingPath.isEmpty {
        return .malformed(file: file, reason: underlyingReason(context))
      }
      return .invalid(file: file, path: keyPath(context.codingPath), message: context.debugDescription)
    @unknown default:
      return .malformed(file: file, reason: "\(error)")
    }
  }

  /// `dialer.ringTypeWeights.busy`, `robot.labels[2].weight`.
  public static func keyPath(_ path: [any CodingKey]) -> String {
    var text = ""
    for key in path {
      // Decoders name array positions "Index 3" (Foundation) or "3" (ours).
      if let index = key.intValue, key.stringValue == String(index) || key.stringValue == "Index \(index)" {
        text += "[\(index)]"
      } else {
        text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
      }
    }
    return text
  }

  private static func describe(_ type: Any.Type) -> String {
    switch type {
    case is String.Type: return "a string"
    case is Bool.Type: return "true or false"
    case is Int.Type, is UInt64.Type: return "a whole number"
    case is Double.Type: return "a number"
    default: return String(describing: type).hasPrefix("Array") ? "an array" : "an object"
    }
  }

  private static func found(_ context: DecodingError.Context) -> String {
    let text = context.debugDescription
    guard let range = text.range(of: "but found ") else { return "" }
    let rest = text[range.upperBound...].replacingOccurrences(of: " instead.", with: "")
    return ", got \(rest)"
  }

  private static func underlyingReason(_ context: DecodingError.Context) -> String {
    if let underlying = context.underlyingError as NSError?,
      let detail = underlying.userInfo[NSDebugDescriptionErrorKey] as? String
    {
      return detail
    }
    return context.debugDescription
  }
}
