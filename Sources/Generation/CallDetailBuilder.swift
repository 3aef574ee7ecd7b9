import Contract
import Scenario
import Support

/// Turns a finished contact into the `Details` entry AIRudder would send: times, transcript,
/// labels, optional fields by their presence rates, collection data by scene, edge cases.
struct CallDetailBuilder {
  let model: GenerationModel

  init(model: GenerationModel) {
    self.model = model
  }

  func detail(for finished: FinishedContact, rng: inout SeededRandom) -> CallDetail {
    // Fields are read through `model` rather than `let scenario = model.scenario`, and through
    // `finished` rather than local copies of its contact and dial: a copy retains and releases
    // every string and array it holds on every call.
    let labelName = finished.last.label.map { model.labelNames[$0] }
    var detail = CallDetail(
      id: 0, robotID: model.scenario.robotID, calleeName: finished.contact.name, calleeGender: finished.contact.gender,
      calleeNumber: finished.contact.calleeNumber, callStartTime: UTCTime.iso8601(finished.last.startTime),
      callEndTime: UTCTime.iso8601(finished.last.ended), status: finished.last.status,
      intention: labelName ?? model.unconnectedLabel, callID: finished.last.callID,
      callTimes: finished.contact.earlierDials.count + 1, comments: finished.contact.comments ?? finished.contact.caseID,
      platformName: model.scenario.platformName,
      ringType: finished.last.ringType, hangupType: finished.last.hangupType, caseID: finished.contact.caseID,
      variables: finished.contact.variables ?? model.constantVariables ?? variables(of: finished.contact, rng: &rng))

    // Filled through `inout` in steps of their own: built and returned in one body, the
    // detail was copied (every string retained) and the original destroyed on return.
    addOptionalFields(to: &detail, for: finished, labelName: labelName, rng: &rng)
    applyEdgeCases(to: &detail, for: finished, rng: &rng)
    return detail
  }

  /// The optional fields this call carries, by the scenario's presence rates.
  private func addOptionalFields(
    to detail: inout CallDetail, for finished: FinishedContact, labelName: String?, rng: inout SeededRandom
  ) {
    let script = finished.last.label.map { model.scripts[$0] }
    let edge = model.edgeCases
    // Which optional fields this call carries.
    let draw = rng.unit()
    let allAbsent = draw < edge.allOptionalAbsent
    let allPresent = !allAbsent && draw < edge.allOptionalAbsent + edge.allOptionalPresent
    func has(_ field: ContractField, _ applies: Bool = true) -> Bool {
      if allAbsent { return false }
      if allPresent { return true }
      return applies && rng.chance(model.presence[field.rawValue])
    }

    if model.scenario.scene == .collection && !allAbsent {
      addLoan(to: &detail, given: finished.contact.uploaded, callTime: finished.last.ended, rng: &rng)
    }
    if has(.intentionDescription, script != nil) {
      detail.intentionDescription = finished.last.label.map { model.labelDescriptions[$0] } ?? ""
    }
    // A contact list's own Extra values are always sent (AIRudder echoes what was uploaded);
    // otherwise the scenario's templates fill them, when the field is present.
    if let given = finished.contact.extraA, !allAbsent {
      detail.extraA = given
    } else if has(.extraA) {
      detail.extraA = model.extras[0].fill(finished.contact, using: &rng)
    }
    if let given = finished.contact.extraB, !allAbsent {
      detail.extraB = given
    } else if has(.extraB) {
      detail.extraB = model.extras[1].fill(finished.contact, using: &rng)
    }
    if let given = finished.contact.extraC, !allAbsent {
      detail.extraC = given
    } else if has(.extraC) {
      detail.extraC = model.extras[2].fill(finished.contact, using: &rng)
    }
    // The transcript is made for every answered call: TalkRound and AsrPTP come from it.
    var conversation = Conversation()
    if let script, let answered = finished.last.answered {
      let hour = model.localSecondOfDay(answered) / 3600
      conversation = transcript(
        script, talkTime: Int(finished.last.ended - answered), byCallee: finished.last.hangupType == .byCallee, hour: hour,
        rng: &rng)
    }
    if has(.asrResult, script != nil) { detail.asrResult = conversation.entries }
    if has(.ringTime) { detail.ringTime = finished.last.ringTime }
    if has(.talkRound, script != nil) { detail.talkRound = conversation.spoken }
    if has(.redialCalls, !finished.contact.earlierDials.isEmpty) {
      detail.redialCalls = finished.contact.earlierDials.map { dial in
        RedialCall(
          callID: dial.callID, callStartTime: UTCTime.spaced(dial.startTime + model.redialOffset), ringType: dial.ringType,
          ringTime: dial.ringTime, hangupType: dial.hangupType,
          resultLabel: dial.label.map { model.labelNames[$0] } ?? model.unconnectedLabel,
          calleeNumber: finished.contact.calleeNumber, callerNumber: dial.callerNumber)
      }
    }
    if has(.nerSlots, !(script?.nerSlots.isEmpty ?? true)) {
      detail.nerSlots = OrderedStringMap(
        (script?.nerSlots ?? []).map { slot in (key: slot.key, value: slot.values[rng.int(in: 0...(slot.values.count - 1))]) })
    }
    if has(.eventLabel, script?.eventLabel != nil) { detail.eventLabel = script?.eventLabel ?? [:] }
    if has(.multiIntention, script != nil) {
      detail.multiIntention = labelName.map { [$0: $0] } ?? [:]
    }
    if has(.askWhatsAPP, script != nil) { detail.askWhatsAPP = rng.chance(0.6) ? "yes" : "no" }
    if let promise = conversation.promise, has(.asrPTP) {
      detail.asrPTP = Self.spaced(conversation.entries[promise].text, conversation.entries[promise].time)
    } else if allPresent {
      detail.asrPTP = ""
    }
    if has(.callerNumber) { detail.callerNumber = finished.last.callerNumber }
  }

  /// Names, empty strings, explicit nulls and `"null"` ring types that edge-case scenarios ask for.
  private func applyEdgeCases(to detail: inout CallDetail, for finished: FinishedContact, rng: inout SeededRandom) {
    let edge = model.edgeCases
    applyNameEdgeCases(to: &detail, rng: &rng)
    if rng.chance(edge.emptyStrings) {
      detail.calleeName = ""
      detail.calleeGender = ""
      detail.comments = ""
      if detail.intentionDescription != nil { detail.intentionDescription = "" }
    }
    if detail.hasAbsentOptionalField && rng.chance(edge.explicitNulls) { detail.style.insert(.explicitNulls) }
    // The redials' ring types are their dials' (read there: no copy of each RedialCall).
    var hasNullRingType = detail.ringType == .null
    if !hasNullRingType && detail.redialCalls != nil {
      for index in finished.contact.earlierDials.indices where finished.contact.earlierDials[index].ringType == .null {
        hasNullRingType = true
        break
      }
    }
    if hasNullRingType && rng.chance(edge.ringTypeNullString) { detail.style.insert(.ringTypeNullAsString) }
  }

  /// `a b` in one allocation: `AsrPTP` is the promise and its time.
  static func spaced(_ a: String, _ b: String) -> String {
    String(unsafeUninitializedCapacity: a.utf8.count + 1 + b.utf8.count) { out in
      var at = 0
      for byte in a.utf8 {
        out[at] = byte
        at += 1
      }
      out[at] = UInt8(ascii: " ")
      at += 1
      for byte in b.utf8 {
        out[at] = byte
        at += 1
      }
      return at
    }
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
