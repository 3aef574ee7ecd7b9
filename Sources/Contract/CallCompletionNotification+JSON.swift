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
    w.key(.workflowID); w.string(workflowID)
    w.key(.workflowName); w.string(workflowName)
    w.key(.nodetaskID); w.string(nodetaskID)
    w.key(.nodetaskName); w.string(nodetaskName)
    w.key(.taskID); w.string(taskID)
    w.key(.taskName); w.string(taskName)
    w.key(.sign); w.string(sign)
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
    w.key(.id); w.int(id)
    w.key(.robotID); w.string(robotID)
    w.key(.calleeName); w.string(calleeName)
    w.key(.calleeGender); w.string(calleeGender)
    w.key(.calleeNumber); w.string(calleeNumber)
    w.key(.callStartTime); w.string(callStartTime)
    w.key(.callEndTime); w.string(callEndTime)
    w.key(.status); w.string(status.rawValue)
    w.key(.intention); w.string(intention)
    w.key(.callID); w.string(callID)
    w.key(.callTimes); w.int(callTimes)
    w.key(.comments); w.string(comments)
    w.optionalString(.borrowedDate, borrowedDate, nulls)
    w.optionalString(.dueDate, dueDate, nulls)
    w.optionalString(.borrowedAmount, borrowedAmount, nulls)
    w.optionalString(.totalOwingAmount, totalOwingAmount, nulls)
    w.optionalString(.currencyUnit, currencyUnit, nulls)
    w.key(.platformName); w.string(platformName)
    w.key(.ringType)
    if ringType == .null && !style.contains(.ringTypeNullAsString) { w.null() } else { w.string(ringType.rawValue) }
    w.key(.hangupType); w.string(hangupType.rawValue)
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
            w.key(.asrTime); w.string(lines[index].time)
            w.key(.asrRobotText); w.string(lines[index].robottext)
            w.key(.asrText); w.string(lines[index].text)
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
      w.key(.asrResult); w.null()
    }
    w.optionalInt(.ringTime, ringTime, nulls)
    w.optionalInt(.talkRound, talkRound, nulls)
    if let redialCalls {
      w.key(.redialCalls)
      w.beginArray()
      for redial in redialCalls {
        w.element()
        w.beginObject()
        w.key(.redialCallID); w.string(redial.callID)
        w.key(.redialCallStartTime); w.string(redial.callStartTime)
        w.key(.redialRingType)
        if redial.ringType == .null && !style.contains(.ringTypeNullAsString) { w.null() } else { w.string(redial.ringType.rawValue) }
        w.key(.redialRingTime); w.int(redial.ringTime)
        w.key(.redialHangupType); w.string(redial.hangupType.rawValue)
        w.key(.redialResultLabel); w.string(redial.resultLabel)
        w.key(.redialCalleeNumber); w.string(redial.calleeNumber)
        w.key(.redialCallerNumber); w.string(redial.callerNumber)
        w.endObject()
      }
      w.endArray()
    } else if nulls {
      w.key(.redialCalls); w.null()
    }
    w.optionalMap(.nerSlots, nerSlots, nulls)
    w.optionalString(.intentionDescription, intentionDescription, nulls)
    w.optionalMap(.eventLabel, eventLabel, nulls)
    w.optionalMap(.multiIntention, multiIntention, nulls)
    w.optionalString(.askWhatsAPP, askWhatsAPP, nulls)
    w.optionalString(.asrPTP, asrPTP, nulls)
    w.optionalString(.callerNumber, callerNumber, nulls)
    w.key(.caseID); w.string(caseID)
    w.key(.variables); w.map(variables)
    w.endObject()
  }
}

extension JSONByteWriter {
  /// Starts a member named by the table; inlined so the key is a literal again.
  @inline(__always) mutating func key(_ field: ContractField) {
    key(field.key)
  }

  @inline(__always) mutating func optionalString(_ field: ContractField, _ value: String?, _ nulls: Bool) {
    if let value {
      key(field); string(value)
    } else if nulls {
      key(field); null()
    }
  }

  @inline(__always) mutating func optionalInt(_ field: ContractField, _ value: Int?, _ nulls: Bool) {
    if let value {
      key(field); int(value)
    } else if nulls {
      key(field); null()
    }
  }

  @inline(__always) mutating func optionalMap(_ field: ContractField, _ value: OrderedStringMap?, _ nulls: Bool) {
    if let value {
      key(field); map(value)
    } else if nulls {
      key(field); null()
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
