import Scenario
import Support

/// The voicebot node of one workflow working through its contact list on `lines` lines: a
/// discrete-event simulation that yields contacts whose round is over, in the order their
/// last calls end. It holds only the calls in progress and the redials waiting.
struct WorkflowDialer {
  let index: Int
  let identity: WorkflowIdentity
  let startTime: Int64
  private let model: GenerationModel
  private var rng: SeededRandom
  private var nextContact = 0
  /// Contacts in this workflow's list: the scenario's `contactsPerWorkflow`, or its block of
  /// the uploaded list.
  private var contactCount: Int
  private var uploaded: ContactList.Cursor?
  /// The uploaded row `hasNextContact()` read ahead.
  private var nextRecord: ContactRecord?
  private var dialsPlaced: UInt64 = 0
  /// Calls in progress by end time. The heap and the queue below hold small keys; the
  /// contacts and dials stay put in `slots`, so sifting moves no strings or arrays.
  private var inProgress = MinHeap<SlotKey>()
  /// Redials in ready order, first in first out: a redial is ready a fixed interval after its
  /// dial ended, and ended dials come out of `inProgress` in time order, so each joins behind
  /// every one before it (the order a heap gave, without its sifting through thousands).
  private var waitingRedials = FIFOQueue<SlotKey>()
  private var slots: [Slot?] = []
  private var freeSlots: [Int] = []
  private var callerNumbers: [String]
  private let callIDSalt: UInt64

  /// A contact and its dial in progress (nil while it waits for a redial). A struct, not a
  /// tuple: moving a tuple of these out of its optional went through the runtime's generic copy.
  private struct Slot {
    var contact: Contact
    var dial: Dial?

    /// Moves the contact out, leaving a vacant one: `slot.contact` of a slot about to go
    /// copies the contact (its strings retained) and then destroys the original.
    mutating func takeContact() -> Contact {
      var taken = Contact.vacant
      swap(&taken, &contact)
      return taken
    }
  }

  private struct SlotKey: Comparable {
    var time: Int64
    var order: UInt64
    var slot: Int
    static func < (a: Self, b: Self) -> Bool { (a.time, a.order) < (b.time, b.order) }
    static func == (a: Self, b: Self) -> Bool { a.order == b.order }
  }

  init(index: Int, model: GenerationModel) {
    let scenario = model.scenario
    self.index = index
    self.model = model
    var rng = SeededRandom(seed: scenario.seed, stream: UInt64(index))
    identity = WorkflowIdentity(index: index, scenario: scenario, using: &rng)
    startTime = scenario.startTime + Int64(Double(index) * scenario.dialer.workflowStagger.seconds)
    // One salt for all workflows: (index << 40 | dial) stays distinct after the XOR.
    callIDSalt = SeededRandom.mix(scenario.seed ^ 0xCA11)
    let lines = scenario.dialer.lines
    if scenario.dialer.callerNumbers.isEmpty {
      let pool = min(lines, 8)
      callerNumbers = (0..<pool).map { _ in model.phones.landline(using: &rng) }
    } else {
      callerNumbers = scenario.dialer.callerNumbers
    }
    self.rng = rng
    if let list = model.contacts {
      contactCount = list.count(forWorkflow: index)
      uploaded = list.cursor(forWorkflow: index)
    } else {
      contactCount = scenario.contactsPerWorkflow
    }
    // Lines come up a few seconds apart, as a real dialer ramps up.
    for line in 0..<min(lines, contactCount) where hasNextContact() {
      startDial(of: newContact(), at: startTime + Int64(line % 10) + Int64(rng.int(in: 0...3)))
    }
  }

  /// The next contact whose round is over, or nil when the list is done. A contact that
  /// waits for a redial stays in its slot, and its redial is placed there: moving slots in
  /// and out cost a dozen struct copies per call.
  mutating func nextFinished() -> FinishedContact? {
    while let ended = inProgress.popMin() {
      let slot = ended.slot
      let dial = slots[slot]!.dial.take()!
      let free = dial.ended + model.wrapUp
      var finished: FinishedContact?
      // In a local: read from `slots` in the call's arguments, it made the compiler copy the
      // whole dialer for the call.
      let earlierDials = slots[slot]!.contact.earlierDials.count
      if needsRedial(earlierDials: earlierDials, after: dial) {
        let ready = dial.ended + model.redialInterval
        slots[slot]!.contact.earlierDials.append(dial)
        assert(waitingRedials.last.map { $0 < SlotKey(time: ready, order: dialsPlaced, slot: slot) } ?? true)
        waitingRedials.append(SlotKey(time: ready, order: dialsPlaced, slot: slot))
      } else {
        finished = FinishedContact(contact: takeContact(slot), last: dial)
      }
      // The freed line takes a due redial first, then a new contact, then waits for a redial.
      if let due = waitingRedials.first, due.time <= free {
        _ = waitingRedials.popFirst()
        redial(in: due.slot, at: free)
      } else if hasNextContact() {
        startDial(of: newContact(), at: free)
      } else if let later = waitingRedials.popFirst() {
        redial(in: later.slot, at: later.time)
      }
      if let finished { return finished }
    }
    return nil
  }

  private mutating func store(_ entry: consuming Slot) -> Int {
    if let slot = freeSlots.popLast() {
      slots[slot] = entry
      return slot
    }
    slots.append(entry)
    return slots.count - 1
  }

  /// Moves a finished contact out and frees its slot.
  private mutating func takeContact(_ slot: Int) -> Contact {
    freeSlots.append(slot)
    let contact = slots[slot]!.takeContact()
    slots[slot] = nil
    return contact
  }

  private func needsRedial(earlierDials: Int, after dial: Dial) -> Bool {
    guard dial.status == .finished, earlierDials + 1 < model.redialLimit else { return false }
    guard let label = dial.label else { return true }
    return model.redialsAfterLabel[label]
  }

  /// Whether the list has another contact. An uploaded row is read here, ahead, so that a
  /// list that ends early (changed on disk since it was checked) just ends the workflow.
  private mutating func hasNextContact() -> Bool {
    guard nextContact < contactCount else { return false }
    if uploaded != nil && nextRecord == nil {
      nextRecord = uploaded!.next()
      if nextRecord == nil { contactCount = nextContact }
    }
    return nextContact < contactCount
  }

  /// The next contact of the list (`hasNextContact()` said there is one).
  private mutating func newContact() -> Contact {
    let number = nextContact
    nextContact += 1
    if uploaded != nil, let record = nextRecord.take() { return contact(number: number, from: record) }
    let person = model.names.name(using: &rng)
    let globalNumber = index * model.scenario.contactsPerWorkflow + number
    return Contact(
      number: number, caseID: String(1_000_000_000 + globalNumber), name: person.name, gender: person.gender,
      calleeNumber: model.phones.mobile(using: &rng))
  }

  /// An uploaded contact: its own fields, and a drawn name and gender where it gave none.
  private mutating func contact(number: Int, from record: ContactRecord) -> Contact {
    var name = record.calleeName
    var gender = record.calleeGender
    if name == nil || gender == nil {
      let person = model.names.name(using: &rng)
      name = name ?? person.name
      gender = gender ?? person.gender
    }
    var contact = Contact(number: number, caseID: record.caseID, name: name!, gender: gender!, calleeNumber: record.calleeNumber)
    contact.uploaded = UploadedContact(record)
    return contact
  }

  /// A new contact's first dial, in a free slot.
  private mutating func startDial(of contact: consuming Contact, at placed: Int64) {
    let dial = placeDial(at: placed)
    let ended = dial.ended
    inProgress.push(SlotKey(time: ended, order: dialsPlaced, slot: store(Slot(contact: contact, dial: consume dial))))
  }

  /// The next dial of the contact waiting in `slot`, placed where it waits.
  private mutating func redial(in slot: Int, at placed: Int64) {
    let dial = placeDial(at: placed)
    let ended = dial.ended
    slots[slot]!.dial = consume dial
    inProgress.push(SlotKey(time: ended, order: dialsPlaced, slot: slot))
  }

  /// Draws the dial's outcome now, so its end time is known and it can wait in the heap.
  private mutating func placeDial(at placed: Int64) -> Dial {
    let unique = (UInt64(index) << 40) | dialsPlaced
    dialsPlaced += 1
    let callID = HexID.unique(unique ^ callIDSalt, using: &rng)
    let caller = callerNumbers[rng.int(in: 0...(callerNumbers.count - 1))]
    var dial = Dial(
      callID: callID, placed: placed, answered: nil, ended: placed, ringType: .null, ringTime: 0, status: .finished,
      hangupType: .byRobot, label: nil, callerNumber: caller)
    let status = model.statuses.pick(using: &rng)
    var duration = 0
    if status != .finished {
      // Never placed: the ring type keeps its initial null.
      dial.status = status
      dial.hangupType = status == .cancelled ? .canceled : .byRobot
    } else if rng.chance(model.connectRate) {
      let label = model.labels.pick(using: &rng)
      let ring = min(model.ringTime.sample(using: &rng), max(0, model.noAnswerTimeout - 1))
      let byCallee = rng.chance(model.hangupByCalleeRates[label])
      // The callee hangs up after saying something, so at least a second after the greeting.
      let talk = max(model.talkTimes[label].sample(using: &rng), byCallee ? 2 : 1)
      dial.ringType = .normal
      dial.ringTime = ring
      dial.label = label
      dial.hangupType = byCallee ? .byCallee : .byRobot
      duration = ring + talk
    } else {
      let ringType = model.unconnectedRingTypes.pick(using: &rng)
      let ring =
        switch ringType {
        case .normal: model.noAnswerTimeout  // rang out: nobody answered before the timeout
        case .hold, .line: model.noAnswerRingTime.sample(using: &rng)
        default: rng.int(in: 0...5)
        }
      dial.ringType = ringType
      dial.ringTime = ring
      dial.hangupType = ringType == .busy ? .byCallee : .byRobot
      duration = ring
    }
    let start = model.placement(placed, lasting: duration)
    dial.placed = start
    dial.ended = start + Int64(duration)
    if dial.label != nil { dial.answered = start + Int64(dial.ringTime) }
    return dial
  }
}
