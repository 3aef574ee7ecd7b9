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
    w.member(.workflowID, workflowID)
    w.member(.workflowName, workflowName)
    w.member(.nodetaskID, nodetaskID)
    w.member(.nodetaskName, nodetaskName)
    w.member(.taskID, taskID)
    w.member(.taskName, taskName)
    w.member(.sign, sign)
    w.key(.details)
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
    w.member(.id, id)
    w.member(.robotID, robotID)
    w.member(.calleeName, calleeName)
    w.member(.calleeGender, calleeGender)
    w.member(.calleeNumber, calleeNumber)
    w.member(.callStartTime, callStartTime)
    w.member(.callEndTime, callEndTime)
    w.member(.status, status.rawValue)
    w.member(.intention, intention)
    w.member(.callID, callID)
    w.member(.callTimes, callTimes)
    w.member(.comments, comments)
    w.optionalString(.borrowedDate, borrowedDate, nulls)
    w.optionalString(.dueDate, dueDate, nulls)
    w.optionalString(.borrowedAmount, borrowedAmount, nulls)
    w.optionalString(.totalOwingAmount, totalOwingAmount, nulls)
    w.optionalString(.currencyUnit, currencyUnit, nulls)
    w.member(.platformName, platformName)
    w.key(.ringType)
    if ringType == .null && !style.contains(.ringTypeNullAsString) { w.null() } else { w.string(ringType.rawValue) }
    w.member(.hangupType, hangupType.rawValue)
    w.optionalString(.extraA, extraA, nulls)
    w.optionalString(.extraB, extraB, nulls)
    w.optionalString(.extraC, extraC, nulls)
    if let asrResult {
      w.key(.asrResult)
      w.beginArray()
      asrResult.withUnsafeBufferPointer { lines in
        for index in lines.indices {
          w.element()
          if w.pretty {
            w.beginObject()
            w.member(.asrTime, lines[index].time)
            w.member(.asrRobotText, lines[index].robottext)
            w.member(.asrText, lines[index].text)
            w.endObject()
          } else {
            // Transcripts are most of a payload's members: written in fewer, larger pieces.
            w.raw("{", key: ContractField.asrTime.key, #"""#)
            w.stringBody(lines[index].time)
            w.raw(#"","#, key: ContractField.asrRobotText.key, #"""#)
            w.stringBody(lines[index].robottext)
            w.raw(#"","#, key: ContractField.asrText.key, #"""#)
            w.stringBody(lines[index].text)
            w.raw(#""}"#)
          }
        }
      }
      w.endArray()
    } else if nulls {
      w.nullMember(.asrResult)
    }
    w.optionalInt(.ringTime, ringTime, nulls)
    w.optionalInt(.talkRound, talkRound, nulls)
    if let redialCalls {
      w.key(.redialCalls)
      w.beginArray()
      for redial in redialCalls {
        w.element()
        w.beginObject()
        w.member(.redialCallID, redial.callID)
        w.member(.redialCallStartTime, redial.callStartTime)
        w.key(.redialRingType)
        if redial.ringType == .null && !style.contains(.ringTypeNullAsString) {
          w.null()
        } else {
          w.string(redial.ringType.rawValue)
        }
        w.member(.redialRingTime, redial.ringTime)
        w.member(.redialHangupType, redial.hangupType.rawValue)
        w.member(.redialResultLabel, redial.resultLabel)
        w.member(.redialCalleeNumber, redial.calleeNumber)
        w.member(.redialCallerNumber, redial.callerNumber)
        w.endObject()
      }
      w.endArray()
    } else if nulls {
      w.nullMember(.redialCalls)
    }
    w.optionalMap(.nerSlots, nerSlots, nulls)
    w.optionalString(.intentionDescription, intentionDescription, nulls)
    w.optionalMap(.eventLabel, eventLabel, nulls)
    w.optionalMap(.multiIntention, multiIntention, nulls)
    w.optionalString(.askWhatsAPP, askWhatsAPP, nulls)
    w.optionalString(.asrPTP, asrPTP, nulls)
    w.optionalString(.callerNumber, callerNumber, nulls)
    w.member(.caseID, caseID)
    w.key(.variables)
    w.map(variables)
    w.endObject()
  }
}

extension JSONByteWriter {
  /// Starts a member named by the table; inlined so the key is a literal again.
  @inline(__always) mutating func key(_ field: ContractField) {
    key(field.key)
  }

  @inline(__always) mutating func member(_ field: ContractField, _ value: String) {
    member(field.key, value)
  }

  @inline(__always) mutating func member(_ field: ContractField, _ value: Int) {
    member(field.key, value)
  }

  @inline(__always) mutating func nullMember(_ field: ContractField) {
    nullMember(field.key)
  }

  @inline(__always) mutating func optionalString(_ field: ContractField, _ value: String?, _ nulls: Bool) {
    if let value {
      member(field, value)
    } else if nulls {
      nullMember(field)
    }
  }

  @inline(__always) mutating func optionalInt(_ field: ContractField, _ value: Int?, _ nulls: Bool) {
    if let value {
      member(field, value)
    } else if nulls {
      nullMember(field)
    }
  }

  @inline(__always) mutating func optionalMap(_ field: ContractField, _ value: OrderedStringMap?, _ nulls: Bool) {
    if let value {
      key(field)
      map(value)
    } else if nulls {
      nullMember(field)
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
