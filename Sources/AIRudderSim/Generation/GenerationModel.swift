/// Everything generation derives once from a scenario: pickers, name and number books, the
/// robot's lines. Shared read-only by every workflow.
final class GenerationModel: Sendable {
  let scenario: Scenario
  let labels: WeightedPicker<IntentionLabel>
  let unconnectedRingTypes: WeightedPicker<RingType>
  let statuses: WeightedPicker<CallStatus>
  let names: NameBook
  let phones: PhoneNumberPlan
  let robotLines: [String]
  let userLines: [String]
  let nerSlots: [(key: String, values: [String])]
  let eventLabels: [(key: String, value: String)]
  let promises: [String]
  let redialLabels: Set<String>
  let currency: String
  /// `HH:MM:SS` for the first hour of offsets, made once (transcripts use them constantly).
  let offsets: [String]

  init(_ scenario: Scenario) {
    self.scenario = scenario
    let robot = scenario.robot
    let labelList = robot.labels.isEmpty ? SceneDefaults.labels(scenario.scene) : robot.labels
    labels = WeightedPicker(labelList.map { ($0, $0.weight) })
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
    redialLabels = Set(scenario.dialer.redialOnLabels)
    currency = scenario.collection.currency ?? scenario.locale.defaultCurrency
    offsets = (0..<3600).map { UTCTime.offset($0) }
  }

  func offset(_ seconds: Int) -> String {
    seconds < offsets.count ? offsets[seconds] : UTCTime.offset(seconds)
  }
}
