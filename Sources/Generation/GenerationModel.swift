import Contract
import Scenario
import Support

/// Everything generation derives once from a scenario: pickers, name and number books, the
/// robot's lines. Shared read-only by every workflow.
final class GenerationModel: Sendable {
  let scenario: Scenario
  /// The uploaded contact list the workflows dial, if any (else contacts are simulated).
  let contacts: ContactList?
  /// Parts of the scenario read for every call, kept apart so that reading them copies
  /// (and retains) nothing else.
  let dialer: DialerSettings
  /// `dialer.connectRate`, read on every dial without copying the dialer's arrays.
  let connectRate: Double
  let edgeCases: EdgeCaseSettings
  let collection: CollectionSettings
  let wrapUp: Int64
  let redialInterval: Int64
  let redialLimit: Int
  let labelList: [IntentionLabel]
  /// Indices into `labelList`.
  let labels: WeightedPicker<Int>
  /// Per label: whether a contact given it is dialled again (`redialOnLabels`).
  let redialsAfterLabel: [Bool]
  /// `fields` rates indexed by `ContractField.rawValue`, for lookups without hashing.
  let presence: [Double]
  let unconnectedRingTypes: WeightedPicker<RingType>
  let statuses: WeightedPicker<CallStatus>
  /// `Intention` and `intention_description` per label, and the unconnected `Intention`.
  let labelNames: [String]
  let labelDescriptions: [String]
  let unconnectedLabel: String
  /// Per label (as `labelList`): its behaviour and lines.
  let scripts: [LabelScript]
  /// Per label, for the dialer: talk time and hang-up side.
  let talkTimes: [TimeSampler]
  let hangupByCalleeRates: [Double]
  let ringTime: TimeSampler
  let noAnswerRingTime: TimeSampler
  let noAnswerTimeout: Int
  /// Local calling hours and the callees' offset from UTC, in seconds.
  let callingHours: CallingHours
  let utcOffset: Int64
  /// Added to a time before `RedailCall[].CallStartTime` is written: local or UTC.
  let redialOffset: Int64
  let names: NameBook
  let phones: PhoneNumberPlan
  let currency: String
  /// Amounts in whole units of the currency (IDR, VND).
  let wholeAmounts: Bool
  let variableNames: [String]
  let variableTemplates: [CompiledTemplate]
  /// `Variables` when no template has a placeholder: one map shared by every call.
  let constantVariables: OrderedStringMap?
  /// `ExtraA`–`ExtraC` templates.
  let extras: [CompiledTemplate]
  let userSilenceRate: Double
  /// `HH:MM:SS` for the first hour of offsets, made once (transcripts use them constantly).
  let offsets: [String]

  init(_ scenario: Scenario, contacts: ContactList? = nil) {
    self.scenario = scenario
    self.contacts = contacts
    dialer = scenario.dialer
    connectRate = scenario.dialer.connectRate
    edgeCases = scenario.edgeCases
    collection = scenario.collection
    wrapUp = Int64(scenario.dialer.wrapUp.seconds.rounded())
    redialInterval = Int64(scenario.dialer.redialInterval.seconds.rounded())
    redialLimit = scenario.dialer.redialLimit
    let robot = scenario.robot
    let labelList = robot.labels.isEmpty ? SceneDefaults.labels(scenario.scene) : robot.labels
    self.labelList = labelList
    labels = WeightedPicker(labelList.indices.map { ($0, labelList[$0].weight) })
    redialsAfterLabel = labelList.map { scenario.dialer.redialOnLabels.contains($0.label) }
    presence = ContractField.allCases.map { scenario.fields[$0] }
    unconnectedRingTypes = WeightedPicker(scenario.dialer.ringTypeWeights)
    statuses = WeightedPicker(scenario.dialer.statusWeights)
    let nerSlots = robot.nerSlots.isEmpty ? SceneDefaults.nerSlots(scenario.scene) : robot.nerSlots
    let eventLabels = robot.eventLabels.isEmpty ? SceneDefaults.eventLabels(scenario.scene) : robot.eventLabels
    labelNames = labelList.map(\.label)
    labelDescriptions = labelList.map(\.description)
    unconnectedLabel = robot.unconnectedLabel
    scripts = labelList.map { LabelScript(label: $0, scenario: scenario, nerSlots: nerSlots, eventLabels: eventLabels) }
    talkTimes = scripts.map(\.talkTime)
    hangupByCalleeRates = scripts.map(\.hangupByCalleeRate)
    ringTime = TimeSampler(scenario.dialer.ringTime)
    noAnswerRingTime = TimeSampler(scenario.dialer.noAnswerRingTime)
    noAnswerTimeout = Int(scenario.dialer.noAnswerTimeout.seconds.rounded())
    callingHours = scenario.dialer.callingHours ?? scenario.country.data.callingHours
    utcOffset = Int64(scenario.utcOffset)
    redialOffset = scenario.redialTimeZone == .local ? Int64(scenario.utcOffset) : 0
    names = NameBook(locale: scenario.locale, scene: scenario.scene)
    phones = PhoneNumberPlan(country: scenario.country)
    currency = scenario.collection.currency ?? scenario.locale.defaultCurrency
    wholeAmounts = Currency.wholeUnits.contains(currency)
    variableNames = scenario.variables.entries.map(\.key)
    variableTemplates = scenario.variables.entries.map { CompiledTemplate($0.value) }
    let constants = scenario.variables.entries.compactMap { entry in entry.value.constant.map { (key: entry.key, value: $0) } }
    constantVariables = constants.count == scenario.variables.entries.count ? OrderedStringMap(constants) : nil
    extras = [scenario.extraA, scenario.extraB, scenario.extraC].map(CompiledTemplate.init)
    userSilenceRate = robot.userSilenceRate
    offsets = (0..<3600).map { UTCTime.offset($0) }
  }

  /// Seconds since local midnight of a UTC time.
  @inline(__always) func localSecondOfDay(_ time: Int64) -> Int {
    let local = time + utcOffset
    return Int(local - (local >= 0 ? local / 86_400 : (local - 86_399) / 86_400) * 86_400)
  }

  /// When a dial lasting `duration` seconds may be placed, at `placed` or later: inside the
  /// calling hours and ending by their close, else at the next opening.
  func placement(_ placed: Int64, lasting duration: Int) -> Int64 {
    let second = localSecondOfDay(placed)
    let hours = callingHours
    if second < hours.from { return placed + Int64(hours.from - second) }
    if second + duration <= hours.to { return placed }
    return placed + Int64(86_400 - second + hours.from)
  }

  func offset(_ seconds: Int) -> String {
    seconds < offsets.count ? offsets[seconds] : UTCTime.offset(seconds)
  }
}
