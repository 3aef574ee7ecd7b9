import Contract
import Scenario
import Support

/// Turns a finished contact into the `Details` entry AIRudder would send: times, transcript,
/// labels, optional fields by their presence rates, collection data by scene, edge cases.
struct CallDetailBuilder {
  private let model: GenerationModel

  init(model: GenerationModel) {
    self.model = model
  }

  func detail(for finished: FinishedContact, rng: inout SeededRandom) -> CallDetail {
    // Fields are read through `model` rather than `let scenario = model.scenario`: a copy of
    // the scenario would retain and release its thirty-odd strings and arrays on every call.
    let last = finished.last
    let label = last.label.map { model.labelList[$0] }
    let contact = finished.contact
    let edge = model.edgeCases
    var detail = CallDetail(
      id: 0, robotID: model.scenario.robotID, calleeName: contact.name, calleeGender: contact.gender,
      calleeNumber: contact.calleeNumber, callStartTime: UTCTime.iso8601(last.startTime),
      callEndTime: UTCTime.iso8601(last.ended), status: last.status,
      intention: label?.label ?? model.scenario.robot.unconnectedLabel, callID: last.callID,
      callTimes: contact.earlierDials.count + 1, comments: contact.comments ?? contact.caseID,
      platformName: model.scenario.platformName, ringType: last.ringType, hangupType: last.hangupType, caseID: contact.caseID,
      variables: contact.variables ?? model.scenario.variables)

    // Which optional fields this call carries.
    let draw = rng.unit()
    let allAbsent = draw < edge.allOptionalAbsent
    let allPresent = !allAbsent && draw < edge.allOptionalAbsent + edge.allOptionalPresent
    func has(_ field: ContractField, _ applies: Bool = true) -> Bool {
      if allAbsent { return false }
      if allPresent { return true }
      return applies && rng.chance(model.presence[field.rawValue])
    }
    let connected = last.isConnected

    if model.scenario.scene == .collection && !allAbsent {
      addLoan(to: &detail, given: contact.uploaded, callTime: last.ended, rng: &rng)
    }
    if has(.intentionDescription, connected) { detail.intentionDescription = label?.description ?? "" }
    // A contact list's own Extra values are always sent (AIRudder echoes what was uploaded).
    if let given = contact.extraA, !allAbsent { detail.extraA = given } else if has(.extraA) { detail.extraA = "" }
    if let given = contact.extraB, !allAbsent { detail.extraB = given } else if has(.extraB) { detail.extraB = "" }
    if let given = contact.extraC, !allAbsent { detail.extraC = given } else if has(.extraC) { detail.extraC = "" }
    var userTurns = 0
    if has(.asrResult, connected) {
      detail.asrResult = transcript(talkTime: Int(last.ended - last.startTime), userTurns: &userTurns, rng: &rng)
    }
    if has(.ringTime) { detail.ringTime = last.ringTime }
    if has(.talkRound, connected) { detail.talkRound = userTurns }
    if has(.redialCalls, !contact.earlierDials.isEmpty) {
      detail.redialCalls = contact.earlierDials.map { dial in
        RedialCall(
          callID: dial.callID, callStartTime: UTCTime.spaced(dial.startTime), ringType: dial.ringType,
          ringTime: dial.ringTime, hangupType: dial.hangupType,
          resultLabel: dial.label.map { model.labelList[$0].label } ?? model.scenario.robot.unconnectedLabel,
          calleeNumber: contact.calleeNumber, callerNumber: dial.callerNumber)
      }
    }
    if has(.nerSlots, connected) {
      detail.nerSlots = OrderedStringMap(
        model.nerSlots.compactMap { slot in
          rng.chance(0.7) || allPresent ? (key: slot.key, value: slot.values[rng.int(in: 0...(slot.values.count - 1))]) : nil
        })
    }
    if has(.eventLabel, connected) {
      detail.eventLabel = OrderedStringMap(model.eventLabels.filter { _ in rng.chance(0.4) || allPresent })
    }
    if has(.multiIntention, connected) {
      detail.multiIntention = label.map { [$0.label: $0.label] } ?? [:]
    }
    if has(.askWhatsAPP, connected) { detail.askWhatsAPP = rng.chance(0.6) ? "yes" : "no" }
    if has(.asrPTP, connected && model.scenario.scene == .collection) {
      let promise = model.promises[rng.int(in: 0...(model.promises.count - 1))]
      let talk = Int(last.ended - last.startTime)
      detail.asrPTP = promise + " " + model.offset(rng.int(in: 0...max(0, talk - 1)))
    }
    if has(.callerNumber) { detail.callerNumber = last.callerNumber }

    applyNameEdgeCases(to: &detail, rng: &rng)
    if rng.chance(edge.emptyStrings) {
      detail.calleeName = ""
      detail.calleeGender = ""
      detail.comments = ""
      if detail.intentionDescription != nil { detail.intentionDescription = "" }
    }
    if detail.hasAbsentOptionalField && rng.chance(edge.explicitNulls) { detail.style.insert(.explicitNulls) }
    let hasNullRingType = detail.ringType == .null || (detail.redialCalls?.contains { $0.ringType == .null } ?? false)
    if hasNullRingType && rng.chance(edge.ringTypeNullString) { detail.style.insert(.ringTypeNullAsString) }
    return detail
  }

  /// Robot and user lines alternating from 00:00:00, every offset inside the talk time.
  /// `userTurns` counts the user lines that said something (`TalkRound`).
  private func transcript(talkTime: Int, userTurns: inout Int, rng: inout SeededRandom) -> [AsrEntry] {
    var entries: [AsrEntry] = []
    entries.reserveCapacity(talkTime / 4 + 2)
    var offset = 0
    var robotTurn = true
    var robotLine = 0
    while offset < talkTime {
      let time = model.offset(offset)
      if robotTurn {
        entries.append(AsrEntry(time: time, robottext: model.robotLines[robotLine % model.robotLines.count], text: ""))
        robotLine += 1
      } else if rng.chance(model.scenario.robot.userSilenceRate) {
        entries.append(AsrEntry(time: time, robottext: "", text: ""))
      } else {
        entries.append(AsrEntry(time: time, robottext: "", text: model.userLines[rng.int(in: 0...(model.userLines.count - 1))]))
        userTurns += 1
      }
      robotTurn.toggle()
      offset += rng.int(in: 2...9)
    }
    return entries
  }

  /// `BorrowedDate` < `DueDate` <= call day; `TotalOwingAmount` >= `BorrowedAmount`. A
  /// contact list's own loan fields are sent as given; the rest are drawn around them.
  private func addLoan(to detail: inout CallDetail, given uploaded: UploadedContact?, callTime: Int64, rng: inout SeededRandom) {
    let loan = model.collection
    let day: Int64 = 86_400
    // Drawn in this order whatever is given, so that simulated contacts keep their bytes.
    var due = callTime - Int64(rng.int(in: loan.daysPastDue.min...loan.daysPastDue.max)) * day
    let tenor = Int64(rng.int(in: loan.tenorDays.min...loan.tenorDays.max)) * day
    var borrowed = due - tenor
    if let given = uploaded?.record.dueDate.flatMap(Self.day) {
      due = given
      borrowed = uploaded?.record.borrowedDate.flatMap(Self.day) ?? due - tenor
    } else if let given = uploaded?.record.borrowedDate.flatMap(Self.day) {
      borrowed = given
      due = borrowed + tenor
    }
    let principal = loan.borrowedAmount.min + rng.unit() * (loan.borrowedAmount.max - loan.borrowedAmount.min)
    var principalCents = Int64((principal * 100).rounded())
    let markup = loan.owingMarkup.min + rng.unit() * (loan.owingMarkup.max - loan.owingMarkup.min)
    if uploaded?.record.borrowedAmount == nil, let owing = uploaded?.record.totalOwingAmount.flatMap(Self.cents) {
      principalCents = Int64((Double(owing) / (1 + markup)).rounded())
    } else if let given = uploaded?.record.borrowedAmount.flatMap(Self.cents) {
      principalCents = given
    }
    let owingCents = principalCents + Int64((Double(principalCents) * markup).rounded())
    detail.borrowedDate = uploaded?.record.borrowedDate ?? UTCTime.day(borrowed)
    detail.dueDate = uploaded?.record.dueDate ?? UTCTime.day(due)
    detail.borrowedAmount = uploaded?.record.borrowedAmount ?? Self.amount(principalCents)
    detail.totalOwingAmount = uploaded?.record.totalOwingAmount ?? Self.amount(owingCents)
    detail.currencyUnit = uploaded?.record.currencyUnit ?? model.currency
  }

  /// A contact list's `yyyy-MM-dd` (checked when the list was read) as UTC seconds.
  private static func day(_ text: String) -> Int64? {
    UTCTime.parseISO8601(text + "T00:00:00Z")
  }

  /// A contact list's amount (`1500000`, `20310.5`; checked when the list was read) in cents.
  private static func cents(_ text: String) -> Int64? {
    let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    guard let whole = Int64(parts[0]) else { return nil }
    guard parts.count == 2 else { return whole * 100 }
    let fraction = parts[1].count == 1 ? parts[1] + "0" : String(parts[1])
    guard let hundredths = Int64(fraction) else { return nil }
    return whole * 100 + hundredths
  }

  /// Cents (0 or more) as a 2-decimal string: `20310.00`, written in one pass.
  static func amount(_ cents: Int64) -> String {
    var digits = 3
    var rest = cents / 1000
    while rest > 0 {
      digits += 1
      rest /= 10
    }
    return String(unsafeUninitializedCapacity: digits + 1) { out in
      var value = cents
      var index = digits
      while index >= 0 {
        if index == digits - 2 {
          out[index] = UInt8(ascii: ".")
        } else {
          out[index] = UInt8(ascii: "0") + UInt8(value % 10)
          value /= 10
        }
        index -= 1
      }
      return digits + 1
    }
  }

  private func applyNameEdgeCases(to detail: inout CallDetail, rng: inout SeededRandom) {
    let edge = model.edgeCases
    if rng.chance(edge.nonLatinNames) {
      detail.calleeName = NameBook.nonLatin[rng.int(in: 0...(NameBook.nonLatin.count - 1))]
    } else if rng.chance(edge.escapedNames) {
      detail.calleeName = NameBook.needingEscapes[rng.int(in: 0...(NameBook.needingEscapes.count - 1))]
    } else if rng.chance(edge.longNames) {
      detail.calleeName = model.names.longName(length: edge.longNameLength, using: &rng)
    }
  }
}
