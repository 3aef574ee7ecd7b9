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
  let names: NameBook
  let phones: PhoneNumberPlan
  let robotLines: [String]
  let userLines: [String]
  let nerSlots: [(key: String, values: [String])]
  let eventLabels: [(key: String, value: String)]
  let promises: [String]
  let currency: String
  /// `HH:MM:SS` for the first hour of offsets, made once (transcripts use them constantly).
  let offsets: [String]

  init(_ scenario: Scenario, contacts: ContactList? = nil) {
    self.scenario = scenario
    self.contacts = contacts
    dialer = scenario.dialer
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
    names = NameBook(locale: scenario.locale, scene: scenario.scene)
    phones = PhoneNumberPlan(country: scenario.country)
    let script = SceneDefaults.transcript(scenario.scene, scenario.locale)
    robotLines = robot.robotLines.isEmpty ? script.robot : robot.robotLines
    userLines = robot.userLines.isEmpty ? script.user : robot.userLines
    nerSlots = robot.nerSlots.isEmpty ? SceneDefaults.nerSlots(scenario.scene) : robot.nerSlots
    eventLabels = robot.eventLabels.isEmpty ? SceneDefaults.eventLabels(scenario.scene) : robot.eventLabels
    promises = SceneDefaults.promises(scenario.locale)
    currency = scenario.collection.currency ?? scenario.locale.defaultCurrency
    offsets = (0..<3600).map { UTCTime.offset($0) }
  }

  func offset(_ seconds: Int) -> String {
    seconds < offsets.count ? offsets[seconds] : UTCTime.offset(seconds)
  }
}
