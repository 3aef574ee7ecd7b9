import Contract
import Foundation
import Support

/// `airudder-sim verify`: checks the Sign of every notification in a file or standard input.
enum VerifyCommand {
  static let spec = CommandSpec(
    name: "verify",
    summary: "Check the Sign of each notification read (NDJSON or indented JSON objects).",
    discussion: "Exits 0 when every Sign matches, 1 when any does not (naming the first), 2 when the input is not JSON.",
    positionals: [.init("FILE", optional: true, help: "File of notifications; - or nothing reads standard input.")],
    options: [.init("--key", value: "K", help: "The KEY (default: $AIRUDDER_KEY, else airudder).")])

  /// The three envelope fields `verify` reads, keyed by the contract's table.
  private struct SignedEnvelope: Decodable {
    var taskID: String?
    var sign: String?
    var details: [IgnoredDetail]?

    init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: ContractField.self)
      taskID = try c.decodeIfPresent(String.self, forKey: .taskID)
      sign = try c.decodeIfPresent(String.self, forKey: .sign)
      details = try c.decodeIfPresent([IgnoredDetail].self, forKey: .details)
    }
  }

  private struct IgnoredDetail: Decodable {}

  static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> ExitCode {
    let path = arguments.positional(0) ?? "-"
    let key = arguments.string("--key") ?? Signer.defaultKey
    let name = path == "-" ? "<stdin>" : path
    let handle: FileHandle
    if path == "-" {
      handle = context.stdin
    } else {
      guard let opened = FileHandle(forReadingAtPath: path) else {
        throw InputError.unreadable(
          file: path, reason: FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file")
      }
      handle = opened
    }
    var reader = JSONObjectStream(file: name)
    let decoder = JSONDecoder()
    var checked = 0
    var details = 0
    var bad = 0
    var firstProblem: String?
    var signs: [String: String] = [:]
    func check(_ object: JSONObjectStream.Object) throws {
      checked += 1
      guard let envelope = try? decoder.decode(SignedEnvelope.self, from: object.bytes) else {
        throw InputError.malformed(file: name, line: object.line, reason: "not a JSON object")
      }
      details += envelope.details?.count ?? 0
      var problem: String?
      if let taskID = envelope.taskID, let sign = envelope.sign {
        let expected = signs[taskID] ?? Signer.sign(taskID: taskID, key: key)
        signs[taskID] = expected
        if sign.lowercased() != expected {
          problem = "Sign \"\(sign)\" of TaskID \"\(taskID)\" does not match md5(TaskID + KEY) = \"\(expected)\""
        }
      } else {
        problem = envelope.taskID == nil ? "missing \(ContractField.taskID.name)" : "missing \(ContractField.sign.name)"
      }
      if let problem {
        bad += 1
        if firstProblem == nil { firstProblem = "\(name):\(object.line): notification \(checked): \(problem)" }
      }
    }
    while true {
      // `readData(ofLength:)` traps on a read error (a directory, EIO); this one throws.
      let chunk: Data
      do {
        chunk = try handle.read(upToCount: 1 << 20) ?? Data()
      } catch {
        throw InputError.unreadable(file: name, reason: Self.reason(error))
      }
      for object in try reader.feed(chunk, final: chunk.isEmpty) { try check(object) }
      if chunk.isEmpty { break }
    }
    guard checked > 0 else {
      // An empty file (a failed `generate` upstream) must not pass as verified.
      context.stderr.line("error: \(name): no notification to verify")
      return .failure
    }
    if bad > 0 {
      context.stderr.line("error: \(firstProblem!)")
      context.stdout.line("\(bad) of \(checked) notifications failed verification")
      return .failure
    }
    context.stdout.line("verified \(checked) notifications (\(details) Details): every Sign matches md5(TaskID + KEY)")
    return .success
  }

  /// The system's words for a read error ("Is a directory"), not Foundation's wrapper.
  static func reason(_ error: any Error) -> String {
    let nsError = error as NSError
    if let posix = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
      return String(cString: strerror(Int32(posix.code)))
    }
    if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
    return nsError.localizedDescription
  }
}
