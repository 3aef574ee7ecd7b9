import HTTP1
import Support

/// A command's arguments after parsing: option values (the last one given wins), flags, and
/// positionals, with typed accessors that name the flag in their errors.
package struct ParsedArguments: Sendable {
  package private(set) var values: [String: String] = [:]
  package private(set) var flags: Set<String> = []
  package private(set) var positionals: [String] = []

  /// Parses `arguments` (the words after the command) against `spec`. Accepts `--name value`,
  /// `--name=value`, `-h` for `--help`, `--` to end options, and `-` as a positional (standard input).
  package static func parse(_ arguments: [String], spec: CommandSpec) throws(CommandLineError) -> ParsedArguments {
    var parsed = ParsedArguments()
    var index = 0
    var optionsEnded = false
    while index < arguments.count {
      let word = arguments[index]
      index += 1
      if optionsEnded || !word.hasPrefix("-") || word == "-" {
        parsed.positionals.append(word)
        continue
      }
      if word == "--" {
        optionsEnded = true
        continue
      }
      if word == "-h" {  // Every command answers -h as --help.
        parsed.flags.insert("--help")
        continue
      }
      var name = word
      var inlineValue: String?
      if let equals = word.firstIndex(of: "=") {
        name = String(word[..<equals])
        inlineValue = String(word[word.index(after: equals)...])
      }
      guard let option = spec.options.first(where: { $0.name == name }) else {
        throw .unknownOption(name, suggestion: Suggestion.closest(to: name, among: spec.options.map(\.name)))
      }
      if let valueName = option.valueName {
        if let inlineValue {
          parsed.values[name] = inlineValue
        } else if index < arguments.count, !Self.looksLikeOption(arguments[index]) {
          parsed.values[name] = arguments[index]
          index += 1
        } else {
          throw .missingValue(option: name, valueName: valueName)
        }
        // An empty path would give a message naming neither the file nor the flag.
        if valueName == "FILE", parsed.values[name]?.isEmpty == true {
          throw .invalidValue(option: name, value: "", expected: "a file path")
        }
      } else {
        if inlineValue != nil { throw .unexpectedValue(option: name) }
        parsed.flags.insert(name)
      }
    }
    if parsed.flags.contains("--help") { return parsed }
    let required = spec.positionals.filter { !$0.isOptional }
    if parsed.positionals.count < required.count {
      throw .missingArgument(required[parsed.positionals.count].name)
    }
    if parsed.positionals.count > spec.positionals.count, spec.positionals.last?.repeats != true {
      throw .unexpectedArgument(parsed.positionals[spec.positionals.count])
    }
    return parsed
  }

  /// A value that starts with `-` followed by a letter is taken for the next flag; negative
  /// numbers are values.
  private static func looksLikeOption(_ word: String) -> Bool {
    guard word.hasPrefix("-"), word.count > 1 else { return false }
    let second = word[word.index(after: word.startIndex)]
    return !(second.isNumber || second == ".")
  }

  package func has(_ flag: String) -> Bool { flags.contains(flag) }

  /// Gives `option` the value `value` unless the command line gave it one (`AIRUDDER_KEY`).
  package mutating func setDefault(_ option: String, _ value: String) {
    if values[option] == nil { values[option] = value }
  }

  package func string(_ option: String) -> String? { values[option] }

  package func positional(_ index: Int) -> String? {
    index < positionals.count ? positionals[index] : nil
  }

  /// A whole number in `range`.
  package func int(_ option: String, in range: ClosedRange<Int> = 0...Int.max) throws(CommandLineError) -> Int? {
    guard let text = values[option] else { return nil }
    guard let value = Int(text), range.contains(value) else {
      let expected =
        range.upperBound == Int.max
        ? "a whole number of \(range.lowerBound) or more" : "a whole number from \(range.lowerBound) to \(range.upperBound)"
      throw .invalidValue(option: option, value: text, expected: expected)
    }
    return value
  }

  /// An unsigned 64-bit number, decimal or `0x` hex (seeds).
  package func uint64(_ option: String) throws(CommandLineError) -> UInt64? {
    guard let text = values[option] else { return nil }
    let value = text.lowercased().hasPrefix("0x") ? UInt64(text.dropFirst(2), radix: 16) : UInt64(text)
    guard let value else {
      throw .invalidValue(option: option, value: text, expected: "a whole number from 0 to 18446744073709551615")
    }
    return value
  }

  /// A number in `range`.
  package func double(_ option: String, in range: ClosedRange<Double>, expected: String) throws(CommandLineError) -> Double? {
    guard let text = values[option] else { return nil }
    guard let value = Double(text), value.isFinite, range.contains(value) else {
      throw .invalidValue(option: option, value: text, expected: expected)
    }
    return value
  }

  /// A duration such as `10s`, `250ms`, `1m`: a unit is required (`0` aside) and 30 days is
  /// the most.
  package func duration(_ option: String) throws(CommandLineError) -> SettingDuration? {
    guard let text = values[option] else { return nil }
    switch SettingDuration.read(text) {
    case .success(let value): return value
    case .failure(let problem): throw .refusedValue(option: option, value: text, reason: problem.message(quoted: false))
    }
  }
}
