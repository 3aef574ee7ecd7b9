import Contract
import Support

/// An answered call's `AsrResult`, the user turns that said something (`TalkRound`) and the
/// index of the callee's promise to pay (`AsrPTP` quotes it), if one was made.
struct Conversation {
  var entries: [AsrEntry] = []
  var spoken = 0
  var promise: Int?
}

extension CallDetailBuilder {
  /// The robot greets once (for the local hour), the callee answers, then the label's robot
  /// and user lines alternate every 2–9 s inside the talk time. A PTP label's callee promises
  /// in their first turn after the answer. The side that hung up has the last turn: the
  /// robot's is a closing line, the callee's one of the label's lines (never silent).
  func transcript(
    _ script: LabelScript, talkTime: Int, byCallee: Bool, hour: Int, rng: inout SeededRandom
  ) -> Conversation {
    var entries: [AsrEntry] = []
    entries.reserveCapacity(talkTime / 4 + 3)
    let openings = script.openings[hour]
    entries.append(AsrEntry(time: model.offset(0), robottext: openings[pick(openings.count, &rng)], text: ""))
    var offset = 0
    var lastRobot = -1
    var promise: Int?
    let silence = model.userSilenceRate
    while true {
      let next = offset + rng.int(in: 2...9)
      if next >= talkTime { break }
      offset = next
      let turn = entries.count
      if turn % 2 == 0 {
        var line = pick(script.robot.count, &rng)
        if line == lastRobot && script.robot.count > 1 { line = (line + 1) % script.robot.count }
        lastRobot = line
        entries.append(AsrEntry(time: model.offset(offset), robottext: script.robot[line], text: ""))
      } else if turn == 1 {
        let text = rng.chance(silence) ? "" : script.answers[pick(script.answers.count, &rng)]
        entries.append(AsrEntry(time: model.offset(offset), robottext: "", text: text))
      } else if script.promisesToPay && promise == nil {
        promise = turn
        entries.append(
          AsrEntry(time: model.offset(offset), robottext: "", text: script.promises[pick(script.promises.count, &rng)]))
      } else {
        let text = rng.chance(silence) ? "" : script.user[pick(script.user.count, &rng)]
        entries.append(AsrEntry(time: model.offset(offset), robottext: "", text: text))
      }
    }
    let last: Int
    if byCallee {
      if entries.count % 2 == 1 {
        if entries.count > 1 {
          entries.removeLast()
        } else {
          // Only the greeting fitted: the callee speaks in the last second (talk time >= 2 s).
          entries.append(AsrEntry(time: model.offset(max(1, talkTime - 1)), robottext: "", text: ""))
        }
      }
      last = entries.count - 1
      // A callee who hangs up says why, in the label's words: "salah sambung", "not interested".
      if last == 1 || entries[last].text.isEmpty {
        entries[last].text = script.user[pick(script.user.count, &rng)]
      }
    } else {
      if entries.count % 2 == 0 { entries.removeLast() }
      last = entries.count - 1
      if last >= 2 { entries[last].robottext = script.closing[pick(script.closing.count, &rng)] }
    }
    if let turn = promise, turn > last { promise = nil }
    var spoken = 0
    var index = 1
    while index <= last {
      if !entries[index].text.isEmpty { spoken += 1 }
      index += 2
    }
    return Conversation(entries: entries, spoken: spoken, promise: promise)
  }

  @inline(__always) private func pick(_ count: Int, _ rng: inout SeededRandom) -> Int {
    count == 1 ? 0 : rng.int(in: 0...(count - 1))
  }
}
