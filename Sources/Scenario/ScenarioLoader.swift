import Contract
import Foundation

/// Reads scenario files (JSON5) from a path or standard input, and reports every problem of a
/// file at once with its line and column: `file:LINE:COL: key.path: message`.
package enum ScenarioLoader {
  /// At most this many problems are listed for one file; a user fixes these and runs again.
  package static let problemLimit = 10
  /// What messages call standard input (as `verify` does).
  package static let standardInputName = "<stdin>"

  /// Reads the scenario at `path`; `-` reads `stdin` to its end.
  package static func load(path: String, stdin: FileHandle = .standardInput) throws(ScenarioError) -> Scenario {
    try read(path: path, stdin: stdin).scenario
  }

  /// The scenario at `path` and the bytes it was read from (their digest tells the shards of
  /// one run from those of another).
  package static func read(
    path: String, stdin: FileHandle = .standardInput
  ) throws(ScenarioError) -> (scenario: Scenario, bytes: Data) {
    if path == "-" {
      let data: Data
      do {
        data = try stdin.readToEnd() ?? Data()
      } catch {
        throw .unreadable(file: standardInputName, reason: error.localizedDescription)
      }
      return (try decode(data, file: standardInputName), data)
    }
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      let reason = FileManager.default.fileExists(atPath: path) ? "permission denied or not a file" : "no such file"
      throw .unreadable(file: path, reason: reason)
    }
    var scenario = try decode(data, file: path)
    // Files a scenario names are found beside it, wherever the tool runs from.
    scenario.target.resolvePaths(relativeTo: URL(fileURLWithPath: path).deletingLastPathComponent())
    return (scenario, data)
  }

  /// Parses `data` and decodes it. A syntax error ends the reading. Otherwise every decoding
  /// problem is recorded, the member it is about is taken out (so its default applies) and the
  /// scenario is decoded again, to find the next one: up to `problemLimit`, listed in file order.
  package static func decode(_ data: Data, file: String) throws(ScenarioError) -> Scenario {
    let document: JSON5Parser.Document
    do {
      document = try JSON5Parser.parse(Array(data))
    } catch {
      throw .problems([ScenarioProblem(file: file, position: error.position, path: "", message: error.message)])
    }
    var problems = document.duplicates.map {
      ScenarioProblem(file: file, position: $0.position, path: $0.path, message: "duplicate key (first at \($0.first))")
    }
    var tree = document.root
    var removed: [[JSON5Value.Step]] = []
    var truncated = problems.count > problemLimit
    var decoded: Scenario?
    // Each pass takes one member out of a finite tree; the bound is a second guard.
    passes: for _ in 0..<(4 * problemLimit) where !truncated {
      let error: DecodingError
      do {
        let scenario = try Scenario(from: JSON5ValueDecoder(value: tree))
        if problems.isEmpty { decoded = scenario }
        break passes
      } catch let caught as DecodingError {
        error = caught
      } catch {
        problems.append(ScenarioProblem(file: file, position: nil, path: "", message: "\(error)"))
        break passes
      }
      let (codingPath, message) = details(of: error)
      let location = tree.locate(codingPath)
      // A problem at a member taken out earlier, or at what held it ("expected both min and
      // max", "expected at least one weight"), follows from that removal: not one of its own.
      let followsRemoval = removed.contains { $0.starts(with: location.path) }
      if !followsRemoval {
        if problems.count == problemLimit {
          truncated = true
          break passes
        }
        problems.append(
          ScenarioProblem(file: file, position: location.position, path: JSON5Value.render(location.path), message: message))
        // The other keys of a newer version may not mean what this build thinks they do.
        if location.path == [.key(Scenario.CodingKeys.version.rawValue)] { break passes }
      }
      guard let taken = tree.removeMember(at: location.found) else { break passes }
      removed.append(taken)
    }
    if var decoded {
      try resolveContacts(of: &decoded, file: file, tree: tree)
      return decoded
    }
    problems.sort {
      ($0.position ?? SourcePosition(line: .max, column: .max)) < ($1.position ?? SourcePosition(line: .max, column: .max))
    }
    if truncated {
      problems = Array(problems.prefix(problemLimit))
      problems.append(
        ScenarioProblem(
          file: file, position: nil, path: "",
          message: "stopped after \(problemLimit) problems; fix these and run again to see the rest"))
    }
    throw .problems(problems)
  }

  /// Makes a relative `contacts` path relative to the scenario file (a list beside the
  /// scenario is found wherever the tool runs from), and refuses one that cannot be opened,
  /// naming the key: the list itself is checked when a command opens it.
  private static func resolveContacts(of scenario: inout Scenario, file: String, tree: JSON5Value) throws(ScenarioError) {
    guard let contacts = scenario.contacts else { return }
    if !contacts.hasPrefix("/") && file != standardInputName, let slash = file.lastIndex(of: "/") {
      scenario.contacts = String(file[...slash]) + contacts
    }
    let path = scenario.contacts!
    var isDirectory: ObjCBool = false
    let reason: String
    if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
      reason = "no such file"
    } else if isDirectory.boolValue {
      reason = "a directory, not a file"
    } else if !FileManager.default.isReadableFile(atPath: path) {
      reason = "permission denied"
    } else {
      return
    }
    let location = tree.locate([Scenario.CodingKeys.contacts])
    throw .problems([
      ScenarioProblem(
        file: file, position: location.position, path: "contacts",
        message: "cannot read the contact list \"\(path)\": \(reason)")
    ])
  }

  /// The coding path an error is about, and its message. Messages come from our decoder and
  /// the settings types, already worded as `expected …, got …`.
  private static func details(of error: DecodingError) -> ([any CodingKey], String) {
    switch error {
    case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
      return (context.codingPath, context.debugDescription)
    case .keyNotFound(let key, let context):
      return (context.codingPath + [key], "required key is missing")
    @unknown default:
      return ([], "\(error)")
    }
  }
}
