import Contract
import Support

/// One workflow's notifications: its dialer's finished contacts grouped as AIRudder
/// aggregates them (calls of the task that end within the window, up to the maximum batch),
/// each group built into an unsigned notification with its simulated send time.
struct WorkflowBatcher {
  private var dialer: WorkflowDialer
  /// Details draw from their own stream, so dialling stays the same whatever fields are on.
  private var rng: SeededRandom
  private let builder: CallDetailBuilder
  private let window: Double
  private let maxBatch: Int
  private var lookahead: FinishedContact?

  var index: Int { dialer.index }
  var startTime: Int64 { dialer.startTime }

  init(index: Int, model: GenerationModel) {
    dialer = WorkflowDialer(index: index, model: model)
    rng = SeededRandom(seed: model.scenario.seed, stream: UInt64(index) | 1 << 40)
    builder = CallDetailBuilder(model: model)
    window = model.scenario.aggregation.window.seconds
    maxBatch = model.scenario.aggregation.maxBatch
  }

  /// The next notification of this workflow and its send time (its latest `CallEndTime`),
  /// or nil when the workflow is done.
  mutating func nextBatch() -> (sendTime: Int64, notification: CallCompletionNotification)? {
    guard let first = lookahead.take() ?? dialer.nextFinished() else { return nil }
    var details: [CallDetail] = []
    // Room for two calls: three notifications in four of load.json carry at most two, and two
    // calls stay under the allocator's large-chunk size (1 KiB; see CallDetail). A larger
    // batch grows the array, which moves its calls without copying their strings.
    details.reserveCapacity(min(maxBatch, 2))
    details.append(builder.detail(for: first, rng: &rng))
    var lastEnd = first.last.ended
    let closes = Double(first.last.ended) + window
    while details.count < maxBatch, let next = dialer.nextFinished() {
      guard Double(next.last.ended) <= closes else {
        lookahead = next
        break
      }
      details.append(builder.detail(for: next, rng: &rng))
      lastEnd = next.last.ended
    }
    let identity = dialer.identity
    let notification = CallCompletionNotification(
      workflowID: identity.workflowID, workflowName: identity.workflowName, nodetaskID: identity.nodetaskID,
      nodetaskName: identity.nodetaskName, taskID: identity.taskID, taskName: identity.taskName, sign: "", details: details)
    return (lastEnd, notification)
  }
}
