import Support

/// The wire form of a notification: keys in the seed example's order, absent optionals
/// omitted (or `null` where the call's style asks), byte-identical for identical values.
extension CallCompletionNotification {
  /// The JSON body, compact unless `pretty`.
  package func jsonBytes(pretty: Bool = false) -> [UInt8] {
    var writer = JSONByteWriter(pretty: pretty, capacity: 2048 * max(1, details.count))
    write(to: &writer)
    return writer.bytes
  }

  package func write(to w: inout JSONByteWriter) {
    w.beginObject()
    w.key("workflow_id"); w.string(workflowID)
    w.key("workflow_name"); w.string(workflowName)
    w.key("nodetask_id"); w.string(nodetaskID)
    w.key("nodetask_name"); w.string(nodetaskName)
    w.key("TaskID"); w.string(taskID)
    w.key("TaskName"); w.string(taskName)
    w.key("Sign"); w.string(sign)
    w.key("Details")
    w.beginArray()
    // Through the buffer: its subscript borrows the call in place, where Array's getter (and
    // for-in) would copy it, retaining and releasing its ~25 strings.
    details.withUnsafeBufferPointer { calls in
      for index in calls.indices {
        w.element()
        calls[index].write(to: &w)
      }
    }
    w.endArray()
    w.endObject()
  }
}

extension CallDetail {
  func write(to w: inout JSONByteWriter) {
    let nulls = style.contains(.explicitNulls)
    w.beginObject()
    w.key("id"); w.int(id)
    w.key("RobotID"); w.string(robotID)
    w.key("CalleeName"); w.string(calleeName)
    w.key("CalleeGender"); w.string(calleeGender)
    w.key("CalleeNumber"); w.string(calleeNumber)
    w.key("CallStartTime"); w.string(callStartTime)
    w.key("CallEndTime"); w.string(callEndTime)
    w.key("Status"); w.string(status.rawValue)
    w.key("Intention"); w.string(intention)
    w.key("CallID"); w.string(callID)
    w.key("CallTimes"); w.int(callTimes)
    w.key("Comments"); w.string(comments)
    w.optionalString("BorrowedDate", borrowedDate, nulls)
    w.optionalString("DueDate", dueDate, nulls)
    w.optionalString("BorrowedAmount", borrowedAmount, nulls)
    w.optionalString("TotalOwingAmount", totalOwingAmount, nulls)
    w.optionalString("CurrencyUnit", currencyUnit, nulls)
    w.key("PlatformName"); w.string(platformName)
    w.key("RingType")
    if ringType == .null && !style.contains(.ringTypeNullAsString) { w.null() } else { w.string(ringType.rawValue) }
    w.key("HangupType"); w.string(hangupType.rawValue)
    w.optionalString("ExtraA", extraA, nulls)
    w.optionalString("ExtraB", extraB, nulls)
    w.optionalString("ExtraC", extraC, nulls)
    if let asrResult {
      w.key("AsrResult")
      w.beginArray()
      asrResult.withUnsafeBufferPointer { lines in
        for index in lines.indices {
          w.element()
          if w.pretty {
            w.beginObject()
            w.key("time"); w.string(lines[index].time)
            w.key("robottext"); w.string(lines[index].robottext)
            w.key("text"); w.string(lines[index].text)
            w.endObject()
          } else {
            // Transcripts are most of a payload's members: written in fewer, larger pieces.
            w.raw(#"{"time":""#); w.stringBody(lines[index].time)
            w.raw(#"","robottext":""#); w.stringBody(lines[index].robottext)
            w.raw(#"","text":""#); w.stringBody(lines[index].text)
            w.raw(#""}"#)
          }
        }
      }
      w.endArray()
    } else if nulls {
      w.key("AsrResult"); w.null()
    }
    w.optionalInt("RingTime", ringTime, nulls)
    w.optionalInt("TalkRound", talkRound, nulls)
    if let redialCalls {
      w.key("RedailCall")
      w.beginArray()
      for redial in redialCalls {
        w.element()
        w.beginObject()
        w.key("CallID"); w.string(redial.callID)
        w.key("CallStartTime"); w.string(redial.callStartTime)
        w.key("RingType")
        if redial.ringType == .null && !style.contains(.ringTypeNullAsString) { w.null() } else { w.string(redial.ringType.rawValue) }
        w.key("RingTime"); w.int(redial.ringTime)
        w.key("HangupType"); w.string(redial.hangupType.rawValue)
        w.key("ResultLabel"); w.string(redial.resultLabel)
        w.key("callee_number"); w.string(redial.calleeNumber)
        w.key("caller_number"); w.string(redial.callerNumber)
        w.endObject()
      }
      w.endArray()
    } else if nulls {
      w.key("RedailCall"); w.null()
    }
    w.optionalMap("NerSlots", nerSlots, nulls)
    w.optionalString("intention_description", intentionDescription, nulls)
    w.optionalMap("EventLabel", eventLabel, nulls)
    w.optionalMap("Multi_intention", multiIntention, nulls)
    w.optionalString("AskWhatsAPP", askWhatsAPP, nulls)
    w.optionalString("AsrPTP", asrPTP, nulls)
    w.optionalString("caller_number", callerNumber, nulls)
    w.key("CaseID"); w.string(caseID)
    w.key("Variables"); w.map(variables)
    w.endObject()
  }
}

extension JSONByteWriter {
  mutating func optionalString(_ key: StaticString, _ value: String?, _ nulls: Bool) {
    if let value {
      self.key(key); string(value)
    } else if nulls {
      self.key(key); null()
    }
  }

  mutating func optionalInt(_ key: StaticString, _ value: Int?, _ nulls: Bool) {
    if let value {
      self.key(key); int(value)
    } else if nulls {
      self.key(key); null()
    }
  }

  mutating func optionalMap(_ key: StaticString, _ value: OrderedStringMap?, _ nulls: Bool) {
    if let value {
      self.key(key); map(value)
    } else if nulls {
      self.key(key); null()
    }
  }

  mutating func map(_ value: OrderedStringMap) {
    beginObject()
    for index in value.entries.indices {
      key(escaping: value.entries[index].key)
      string(value.entries[index].value)
    }
    endObject()
  }
}
