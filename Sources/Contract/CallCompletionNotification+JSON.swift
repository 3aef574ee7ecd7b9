import Support

/// The wire form of a notification: keys in the seed example's order, absent optionals
/// omitted (or `null` where the call's style asks), byte-identical for identical values.
extension CallCompletionNotification {
  /// The JSON body, compact unless `pretty`.
  package func jsonBytes(pretty: Bool = false) -> [UInt8] {
    var writer = JSONByteWriter(pretty: pretty, capacity: 2048 * max(1, details.count))
    var notification = self
    notification.write(to: &writer)
    return writer.bytes
  }

  /// Writes the JSON body; the notification is left as it was. Mutating for speed: the calls
  /// and their transcripts are read in place, under exclusive access, so no string is
  /// retained and released to be read. A call read through a shared borrow, even through the
  /// array's buffer, is copied first, because the compiler cannot prove that the writer
  /// leaves that memory alone. A run's writers own a fresh notification, so nothing is copied;
  /// a notification whose calls another copy shares has them copied once (copy-on-write), as
  /// `jsonBytes` does.
  package mutating func write(to w: inout JSONByteWriter) {
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
    details.withUnsafeMutableBufferPointer { calls in
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
  /// Mutating only to read in place (see the notification's `write`).
  mutating func write(to w: inout JSONByteWriter) {
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
    if asrResult != nil {
      w.key(.asrResult)
      w.beginArray()
      asrResult?.withUnsafeMutableBufferPointer { lines in
        for index in lines.indices {
          w.element()
          lines[index].write(to: &w)
        }
      }
      w.endArray()
    } else if nulls {
      w.nullMember(.asrResult)
    }
    w.optionalInt(.ringTime, ringTime, nulls)
    w.optionalInt(.talkRound, talkRound, nulls)
    if redialCalls != nil {
      w.key(.redialCalls)
      w.beginArray()
      let nullAsString = style.contains(.ringTypeNullAsString)
      redialCalls?.withUnsafeMutableBufferPointer { redials in
        for index in redials.indices {
          w.element()
          redials[index].write(to: &w, ringTypeNullAsString: nullAsString)
        }
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

extension AsrEntry {
  /// Mutating only to read in place (see the notification's `write`).
  fileprivate mutating func write(to w: inout JSONByteWriter) {
    if w.pretty {
      w.beginObject()
      w.member(.asrTime, time)
      w.member(.asrRobotText, robottext)
      w.member(.asrText, text)
      w.endObject()
    } else {
      // Transcripts are most of a payload's members: written in fewer, larger pieces.
      w.raw("{", key: ContractField.asrTime.key, #"""#)
      w.stringBody(time)
      w.raw(#"","#, key: ContractField.asrRobotText.key, #"""#)
      w.stringBody(robottext)
      w.raw(#"","#, key: ContractField.asrText.key, #"""#)
      w.stringBody(text)
      w.raw(#""}"#)
    }
  }
}

extension RedialCall {
  /// Mutating only to read in place (see the notification's `write`).
  fileprivate mutating func write(to w: inout JSONByteWriter, ringTypeNullAsString: Bool) {
    w.beginObject()
    w.member(.redialCallID, callID)
    w.member(.redialCallStartTime, callStartTime)
    w.key(.redialRingType)
    if ringType == .null && !ringTypeNullAsString { w.null() } else { w.string(ringType.rawValue) }
    w.member(.redialRingTime, ringTime)
    w.member(.redialHangupType, hangupType.rawValue)
    w.member(.redialResultLabel, resultLabel)
    w.member(.redialCalleeNumber, calleeNumber)
    w.member(.redialCallerNumber, callerNumber)
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
