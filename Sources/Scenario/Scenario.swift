import Contract
import Support

/// A scenario file: the simulated workflows, their dialer and robot, the payload's optional
/// parts and edge cases, and how `run` delivers. Every key has a default (`Scenario()` is a
/// valid scenario); a file writes only what differs.
package struct Scenario: Decodable, Sendable {
  /// The newest scenario format this build reads.
  package static let currentVersion = 1
  /// Most calls in progress at once over all workflows (`workflows × lines`), which generation
  /// holds in memory.
  package static let maxCallsInProgress = 100_000

  package var version = Scenario.currentVersion
  package var name = "scenario"
  package var description = ""
  package var scene = Scene.collection
  package var locale = ScenarioLocale.indonesian
  package var country = Country.indonesia
  /// Simulated time of the first dial (UTC seconds since 1970).
  package var startTime: Int64 = UTCTime.seconds(year: 2024, month: 3, day: 11, hour: 1)
  package var seed: UInt64 = 1
  package var workflows = 1
  package var contactsPerWorkflow = 100
  /// A contact list (CSV or NDJSON) the workflows dial instead of simulated contacts; the
  /// loader makes a relative path relative to the scenario file.
  package var contacts: String?
  /// `workflow_name` is this plus the workflow's number; `TaskName` is built from it.
  package var workflowName = "test_wf_call_webhook"
  package var nodeName = "Voicebot Call1"
  package var robotID = "4585"
  package var platformName = "AIRUDDER"
  package var dialer = DialerSettings()
  package var robot = RobotSettings()
  package var aggregation = AggregationSettings()
  package var fields = FieldPresence()
  package var collection = CollectionSettings()
  package var edgeCases = EdgeCaseSettings()
  /// `Variables` of each contact a contact list does not give, filled per contact, in this order.
  package var variables: VariableTemplates = ["var1": "aaa", "var2": "bbb", "var3": "ccc"]
  /// `ExtraA`–`ExtraC` of each contact a contact list does not give.
  package var extraA: ValueTemplate = ""
  package var extraB: ValueTemplate = ""
  package var extraC: ValueTemplate = ""
  /// The callees' offset from UTC in seconds (`timeZone`, default the country's): calling
  /// hours, greetings and `RedailCall` times are in this local time.
  package var utcOffset = 7 * 3600
  package var redialTimeZone = RedialTimeZone.local
  package var target = TargetSettings()
  package var load = LoadSettings()
  package var retry = RetrySettings()
  /// Divides the retry interval and the timeline (60 turns 60 s into 1 s).
  package var timeScale = 1.0
  package var receiver = ReceiverSettings()
  package var thresholds = ThresholdSettings()

  package init() {}

  enum CodingKeys: String, CodingKey, CaseIterable {
    case version, name, description, scene, locale, country, timeZone, startTime, seed, workflows
    case contactsPerWorkflow, contacts, workflowName, nodeName, robotID, platformName, dialer, robot
    case aggregation, fields, collection, edgeCases, variables, extraA, extraB, extraC, redialTimeZone
    case target, load, retry, timeScale, receiver, thresholds
  }

  package init(from decoder: any Decoder) throws {
    // The version comes first, before unknown keys are looked for: a newer file's other keys
    // may not mean what this build thinks.
    let keyed = try decoder.container(keyedBy: CodingKeys.self)
    version = try keyed.decodeIfPresent(Int.self, forKey: .version) ?? Scenario.currentVersion
    guard (1...Scenario.currentVersion).contains(version) else {
      throw DecodingError.dataCorruptedError(
        forKey: .version, in: keyed,
        debugDescription: "unsupported scenario version \(version); this airudder-sim reads version \(Scenario.currentVersion)")
    }
    let s = try SettingsContainer(decoder, keys: CodingKeys.self)
    name = try s.value(.name, default: name)
    description = try s.value(.description, default: "")
    scene = try s.value(.scene, default: scene)
    locale = try s.value(.locale, default: locale)
    country = try s.value(.country, default: locale.defaultCountry)
    utcOffset = country.data.utcOffsetMinutes * 60
    if let text: String = try s.optional(.timeZone) {
      guard let offset = Self.utcOffset(text) else {
        throw s.invalid(
          .timeZone, "expected an offset from UTC from \"-12:00\" to \"+14:00\" such as \"+07:00\", got \"\(text)\"")
      }
      utcOffset = offset
    }
    if let text: String = try s.optional(.startTime) {
      guard let parsed = UTCTime.parseISO8601(text) else {
        throw s.invalid(.startTime, "expected a UTC time such as \"2024-03-11T01:00:00Z\", got \"\(text)\"")
      }
      // Loan dates reach 20 years before a call: from 1970 on, no date has a negative year.
      guard (0...UTCTime.seconds(year: 9000, month: 1, day: 1)).contains(parsed) else {
        throw s.invalid(.startTime, "expected a UTC time from 1970-01-01T00:00:00Z to 9000-01-01T00:00:00Z, got \"\(text)\"")
      }
      startTime = parsed
    }
    seed = try s.value(.seed, default: seed)
    workflows = try s.value(.workflows, default: workflows, in: 1...10_000, expected: "a whole number from 1 to 10000")
    contactsPerWorkflow = try s.value(
      .contactsPerWorkflow, default: contactsPerWorkflow, in: 1...1_000_000_000, expected: "a whole number from 1 to 1000000000")
    contacts = try s.optional(.contacts)
    if contacts?.isEmpty == true { throw s.invalid(.contacts, "expected the path of a CSV or NDJSON contact list, got \"\"") }
    workflowName = try s.value(.workflowName, default: workflowName)
    nodeName = try s.value(.nodeName, default: nodeName)
    robotID = try s.value(.robotID, default: robotID)
    platformName = try s.value(.platformName, default: platformName)
    dialer = try s.value(.dialer, default: DialerSettings())
    // Workflows starting together all dial at once: their calls in progress are held in memory.
    guard workflows * min(dialer.lines, contactsPerWorkflow) <= Scenario.maxCallsInProgress else {
      throw s.invalid(
        .workflows,
        "expected workflows × min(dialer.lines, contactsPerWorkflow) to be at most \(Scenario.maxCallsInProgress) (calls in progress at once), got \(workflows) × \(min(dialer.lines, contactsPerWorkflow))"
      )
    }
    robot = try s.value(.robot, default: RobotSettings())
    try checkLabels(s)
    aggregation = try s.value(.aggregation, default: AggregationSettings())
    fields = try s.value(.fields, default: FieldPresence())
    collection = try s.value(.collection, default: CollectionSettings())
    edgeCases = try s.value(.edgeCases, default: EdgeCaseSettings())
    variables = try s.value(.variables, default: variables)
    extraA = try s.value(.extraA, default: extraA)
    extraB = try s.value(.extraB, default: extraB)
    extraC = try s.value(.extraC, default: extraC)
    redialTimeZone = try s.value(.redialTimeZone, default: redialTimeZone)
    target = try s.value(.target, default: TargetSettings())
    load = try s.value(.load, default: LoadSettings())
    retry = try s.value(.retry, default: RetrySettings())
    timeScale = try s.value(.timeScale, default: 1.0, in: 0.000_001...1_000_000, expected: "a number above 0 and at most 1000000")
    receiver = try s.value(.receiver, default: ReceiverSettings())
    thresholds = try s.value(.thresholds, default: ThresholdSettings())
  }

  /// `+07:00`, `-05:00`, `+05:30`, `Z` or `UTC`; nil when it is not one of these.
  static func utcOffset(_ text: String) -> Int? {
    if text == "Z" || text == "UTC" { return 0 }
    let b = Array(text.utf8)
    guard b.count == 6, b[0] == UInt8(ascii: "+") || b[0] == UInt8(ascii: "-"), b[3] == UInt8(ascii: ":"),
      let hours = Int(String(decoding: b[1..<3], as: UTF8.self)), let minutes = Int(String(decoding: b[4..<6], as: UTF8.self)),
      b[1..<3].allSatisfy({ (0x30...0x39).contains($0) }), b[4..<6].allSatisfy({ (0x30...0x39).contains($0) }), minutes < 60
    else { return nil }
    let offset = (hours * 60 + minutes) * 60 * (b[0] == UInt8(ascii: "-") ? -1 : 1)
    return (-12 * 3600...14 * 3600).contains(offset) ? offset : nil
  }
}
