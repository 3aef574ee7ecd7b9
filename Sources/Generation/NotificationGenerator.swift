import Contract
import Scenario
import Support

/// The simulated AIRudder: every workflow of the scenario dialling at once, their
/// notifications merged in send-time order. Lazy: it holds the workflows that have started
/// and one pending notification each, never the run, so millions of notifications stream in
/// constant memory. The same scenario and seed always give the same sequence.
package struct NotificationGenerator: Sequence, Sendable {
  private let model: GenerationModel
  private let limit: Int?

  /// `limit` stops after that many notifications; nil runs to the scenario's end. With
  /// `contacts` (checked by `ContactList.open` for the scenario's workflows) the workflows
  /// dial exactly those contacts, in file order, instead of `contactsPerWorkflow` simulated ones.
  package init(scenario: Scenario, limit: Int? = nil, contacts: ContactList? = nil) {
    model = GenerationModel(scenario, contacts: contacts)
    self.limit = limit
  }

  package func makeIterator() -> Iterator {
    Iterator(model: model, limit: limit)
  }

  package struct Iterator: IteratorProtocol {
    private let model: GenerationModel
    private let limit: Int?
    private var emitted = 0
    private var nextID: Int
    private var nextWorkflow = 0
    /// Started workflows with their next notification; the heap orders them by its send time.
    /// Boxed, so that a notification's turn moves a reference, not the whole dialer state.
    private var active: [Int: StartedWorkflow] = [:]

    private final class StartedWorkflow {
      var batcher: WorkflowBatcher
      /// Nil only while `next()` has it out.
      var next: CallCompletionNotification?
      init(batcher: WorkflowBatcher, next: CallCompletionNotification) {
        self.batcher = batcher
        self.next = next
      }
    }
    private var ready = MinHeap<Ready>()

    private struct Ready: Comparable {
      var sendTime: Int64
      var workflow: Int
      static func < (a: Self, b: Self) -> Bool { (a.sendTime, a.workflow) < (b.sendTime, b.workflow) }
    }

    init(model: GenerationModel, limit: Int?) {
      self.model = model
      self.limit = limit
      nextID = 2_000_000_000 + Int(model.scenario.seed % 100_000) * 1_000
    }

    package mutating func next() -> GeneratedNotification? {
      if let limit, emitted >= limit { return nil }
      startDueWorkflows()
      guard let head = ready.popMin() else { return nil }
      let started = active[head.workflow]!
      // Taken out, not copied: a copy would share the calls, and setting their ids below
      // would then copy every call.
      var notification = started.next.take()!
      if let (sendTime, following) = started.batcher.nextBatch() {
        started.next = consume following
        ready.push(Ready(sendTime: sendTime, workflow: head.workflow))
      } else {
        active[head.workflow] = nil
      }
      emitted += 1
      for index in notification.details.indices {
        notification.details[index].id = nextID
        nextID += 1
      }
      return GeneratedNotification(
        number: emitted, workflow: head.workflow, sendTime: head.sendTime, notification: consume notification)
    }

    /// Starts every workflow that could send before the earliest pending notification; a
    /// workflow's notifications never precede its start.
    private mutating func startDueWorkflows() {
      // Read through `model`: a local copy of the scenario retains all its strings and arrays,
      // and this runs once per notification.
      while nextWorkflow < model.scenario.workflows {
        let start = model.scenario.startTime + Int64(Double(nextWorkflow) * model.dialer.workflowStagger.seconds)
        if let earliest = ready.min, start > earliest.sendTime { return }
        var batcher = WorkflowBatcher(index: nextWorkflow, model: model)
        if let (sendTime, first) = batcher.nextBatch() {
          ready.push(Ready(sendTime: sendTime, workflow: nextWorkflow))
          active[nextWorkflow] = StartedWorkflow(batcher: batcher, next: consume first)
        }
        nextWorkflow += 1
      }
    }
  }
}
