/// Formats whole-second UTC times the way the contract writes them, without `DateFormatter`
/// (slow, and locale-dependent). Times are seconds since 1970-01-01T00:00:00Z.
package enum UTCTime {
  /// `2024-03-11T03:20:30Z`: `CallStartTime` and `CallEndTime`.
  package static func iso8601(_ seconds: Int64) -> String {
    let (date, time) = split(seconds)
    return format(date: date, time: time, separator: UInt8(ascii: "T"), suffix: UInt8(ascii: "Z"))
  }

  /// `2024-03-11 10:19:27`: `CallStartTime` inside `RedailCall`.
  package static func spaced(_ seconds: Int64) -> String {
    let (date, time) = split(seconds)
    return format(date: date, time: time, separator: UInt8(ascii: " "), suffix: nil)
  }

  /// `2024-03-11`: the collection scene's dates.
  package static func day(_ seconds: Int64) -> String {
    let (date, _) = split(seconds)
    return String(unsafeUninitializedCapacity: 10) { out in
      writeDate(date, into: out)
      return 10
    }
  }

  /// `HH:MM:SS` for an offset in seconds: the `time` of a transcript line.
  package static func offset(_ seconds: Int) -> String {
    String(unsafeUninitializedCapacity: 8) { out in
      writeClock(min(seconds / 3600, 99), seconds / 60 % 60, seconds % 60, into: out, at: 0)
      return 8
    }
  }

  /// Seconds since the epoch for a civil UTC date and time.
  package static func seconds(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) -> Int64 {
    // Howard Hinnant's days_from_civil.
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    let days = era * 146_097 + dayOfEra - 719_468
    return Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
  }

  /// Parses `yyyy-MM-ddTHH:mm:ssZ` (what scenarios write); nil when it is not that.
  package static func parseISO8601(_ text: String) -> Int64? {
    let b = Array(text.utf8)
    guard b.count == 20, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"), b[10] == UInt8(ascii: "T"),
      b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"), b[19] == UInt8(ascii: "Z")
    else { return nil }
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for index in range {
        guard b[index] >= 0x30 && b[index] <= 0x39 else { return nil }
        value = value * 10 + Int(b[index] - 0x30)
      }
      return value
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
      let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
      (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day),
      hour < 24, minute < 60, second < 60
    else { return nil }
    return seconds(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
  }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  private static func split(_ seconds: Int64) -> (date: (Int, Int, Int), time: Int) {
    let days = Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
    let time = Int(seconds - Int64(days) * 86_400)
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return ((year, month, day), time)
  }

  /// Writes straight into the string's storage: one allocation per timestamp.
  private static func format(date: (Int, Int, Int), time: Int, separator: UInt8, suffix: UInt8?) -> String {
    String(unsafeUninitializedCapacity: suffix == nil ? 19 : 20) { out in
      writeDate(date, into: out)
      out[10] = separator
      writeClock(time / 3600, time / 60 % 60, time % 60, into: out, at: 11)
      if let suffix {
        out[19] = suffix
        return 20
      }
      return 19
    }
  }

  /// `yyyy-MM-dd` at the start of `out`.
  private static func writeDate(_ date: (Int, Int, Int), into out: UnsafeMutableBufferPointer<UInt8>) {
    writeTwoDigits(date.0 / 100, into: out, at: 0)
    writeTwoDigits(date.0 % 100, into: out, at: 2)
    out[4] = UInt8(ascii: "-")
    writeTwoDigits(date.1, into: out, at: 5)
    out[7] = UInt8(ascii: "-")
    writeTwoDigits(date.2, into: out, at: 8)
  }

  /// `HH:mm:ss` at `offset`.
  private static func writeClock(
    _ hours: Int, _ minutes: Int, _ seconds: Int, into out: UnsafeMutableBufferPointer<UInt8>, at offset: Int
  ) {
    writeTwoDigits(hours, into: out, at: offset)
    out[offset + 2] = UInt8(ascii: ":")
    writeTwoDigits(minutes, into: out, at: offset + 3)
    out[offset + 5] = UInt8(ascii: ":")
    writeTwoDigits(seconds, into: out, at: offset + 6)
  }

  private static func writeTwoDigits(_ value: Int, into out: UnsafeMutableBufferPointer<UInt8>, at offset: Int) {
    out[offset] = UInt8(ascii: "0") + UInt8(value / 10 % 10)
    out[offset + 1] = UInt8(ascii: "0") + UInt8(value % 10)
  }
}
