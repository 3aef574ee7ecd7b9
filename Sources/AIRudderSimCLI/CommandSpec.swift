import HTTP1

/// What a command accepts: its options and positional arguments, and the help made from them.
package struct CommandSpec: Sendable {
  package struct Option: Sendable {
    package var name: String
    /// nil for a flag without a value.
    package var valueName: String?
    package var help: String

    package init(_ name: String, value valueName: String? = nil, help: String) {
      self.name = name
      self.valueName = valueName
      self.help = help
    }
  }

  package struct Positional: Sendable {
    package var name: String
    package var isOptional: Bool
    /// The last positional may take any number of words (`merge REPORT...`).
    package var repeats: Bool
    package var help: String

    package init(_ name: String, optional isOptional: Bool = false, repeats: Bool = false, help: String) {
      self.name = name
      self.isOptional = isOptional
      self.repeats = repeats
      self.help = help
    }
  }

  package var name: String
  package var summary: String
  package var discussion: String
  package var positionals: [Positional]
  package var options: [Option]

  package init(name: String, summary: String, discussion: String = "", positionals: [Positional] = [], options: [Option]) {
    self.name = name
    self.summary = summary
    self.discussion = discussion
    self.positionals = positionals
    self.options = options + [Option("--help", help: "Show this help (also -h).")]
  }

  /// `airudder-sim generate SCENARIO [--count N] …`
  package var usage: String {
    var parts = ["airudder-sim", name]
    for positional in positionals {
      let name = positional.name + (positional.repeats ? "..." : "")
      parts.append(positional.isOptional ? "[\(name)]" : name)
    }
    for option in options where option.name != "--help" {
      parts.append("[\(option.name)\(option.valueName.map { " \($0)" } ?? "")]")
    }
    return "usage: " + parts.joined(separator: " ")
  }

  package var help: String {
    var text = "\(summary)\n\n\(usage)\n"
    if !discussion.isEmpty { text += "\n\(discussion)\n" }
    if !positionals.isEmpty {
      text += "\nARGUMENTS:\n"
      for positional in positionals { text += Self.row(positional.name, positional.help) }
    }
    text += "\nOPTIONS:\n"
    for option in options { text += Self.row(option.name + (option.valueName.map { " \($0)" } ?? ""), option.help) }
    if options.contains(where: { $0.valueName == "D" }) { text += "\n" + Self.durationNote + "\n" }
    return text
  }

  /// Said under every command with a duration flag: a bare number is refused, not guessed.
  static let durationNote =
    "A duration D needs a unit: 500ms, 10s, 1.5m, 1h30m (only 0 may go without one); at most 30 days (720h)."

  private static func row(_ left: String, _ right: String) -> String {
    let padded =
      left.count < 24 ? left + String(repeating: " ", count: 24 - left.count) : left + "\n" + String(repeating: " ", count: 26)
    return "  " + padded + right + "\n"
  }
}
