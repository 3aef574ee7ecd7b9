import Foundation

@testable import Contract

/// The page's example body as plain JSON values, to edit one field at any level (the first call,
/// its first `RedailCall` and `AsrResult` entries) and write it back.
struct SeedExample {
  struct NotAnExample: Error {}

  private var body: [String: Any]

  init(data: Data) throws {
    guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
      let calls = object[ContractField.details.name] as? [[String: Any]], !calls.isEmpty
    else { throw NotAnExample() }
    body = object
  }

  /// The fixture, `Tests/AIRudderSimTests/Fixtures/seed-example.json`.
  init() throws {
    try self.init(data: Data(contentsOf: RepositoryPath.fixture("seed-example.json")))
  }

  /// The first call's members.
  var firstCall: [String: Any] {
    get { (body[ContractField.details.name] as! [[String: Any]])[0] }
    set {
      var calls = body[ContractField.details.name] as! [[String: Any]]
      calls[0] = newValue
      body[ContractField.details.name] = calls
    }
  }

  /// The keys of the object at `level` (for entries, of the first one; none if it has none).
  func keys(at level: ContractField.Level) -> Set<String> {
    switch level {
    case .envelope: Set(body.keys)
    case .detail: Set(firstCall.keys)
    case .redialCall, .asrEntry: Set(((firstCall[Self.list(level)] as? [[String: Any]])?.first ?? [:]).keys)
    }
  }

  /// With the three optional call fields the example lacks, so that it has every field.
  func full() -> SeedExample {
    var copy = self
    copy.firstCall[ContractField.multiIntention.name] = ["Correct_Person": "Correct_Person"]
    copy.firstCall[ContractField.askWhatsAPP.name] = "yes"
    copy.firstCall[ContractField.asrPTP.name] = "besok 00:00:12"
    return copy
  }

  /// With a Sign that matches its TaskID under the default KEY (the page's is masked).
  func signed() -> SeedExample {
    var copy = self
    let taskID = body[ContractField.taskID.name] as! String
    copy.body[ContractField.sign.name] = Signer.sign(taskID: taskID, key: Signer.defaultKey)
    return copy
  }

  /// Without `fields`, each at its level.
  func removing(_ fields: [ContractField]) -> SeedExample {
    var copy = self
    for field in fields { copy.set(field, nil) }
    return copy
  }

  /// With `field` set to `value` at its level.
  func replacing(_ field: ContractField, with value: Any) -> SeedExample {
    var copy = self
    copy.set(field, value)
    return copy
  }

  var data: Data {
    try! JSONSerialization.data(withJSONObject: body)
  }

  func notification() throws -> CallCompletionNotification {
    try JSONDecoder().decode(CallCompletionNotification.self, from: data)
  }

  private static func list(_ level: ContractField.Level) -> String {
    level == .redialCall ? ContractField.redialCalls.name : ContractField.asrResult.name
  }

  private mutating func set(_ field: ContractField, _ value: Any?) {
    switch field.level {
    case .envelope:
      body[field.name] = value
    case .detail:
      firstCall[field.name] = value
    case .redialCall, .asrEntry:
      var entries = firstCall[Self.list(field.level)] as! [[String: Any]]
      entries[0][field.name] = value
      firstCall[Self.list(field.level)] = entries
    }
  }
}
