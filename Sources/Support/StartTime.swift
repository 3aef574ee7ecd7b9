import Foundation

/// `run --start-at`: when every shard starts, so that separately started processes begin
/// together and a rate ramp is one ramp over all of them. Either an RFC 3339 time
/// (`2026-11-25T20:00:00Z`, fractions of a second and a numeric offset allowed) or a duration
/// from now (`+30s`, `+2m`).
package enum StartTime {
  /// Why a text is not a start time, worded after `expected`.
  package enum Problem: Error, Equatable, Sendable {
    /// Neither form.
    case malformed
    /// `+` followed by something that is not a duration.
    case badDelay(String)
    /// More than `horizon` from now.
    case tooFar

    package var message: String {
      switch self {
      case .malformed: "expected an RFC 3339 time such as 2026-11-25T20:00:00Z, or a delay from now such as +30s"
      case .badDelay(let reason): "after '+', \(reason)"
      case .tooFar: "expected a start within 30 days (720h) from now"
      }
    }
  }

  /// Starts further off than this are surely a mistake (a wrong year).
  package static let horizon: TimeInterval = SettingDuration.maximum.seconds

  /// The wall-clock time `text` names, relative to `now`.
  package static func parse(_ text: String, now: Date = Date()) -> Result<Date, Problem> {
    if text.hasPrefix("+") {
      switch SettingDuration.read(String(text.dropFirst())) {
      case .success(let delay): return .success(now.addingTimeInterval(delay.seconds))
      case .failure(let problem): return .failure(.badDelay(problem.message(quoted: false)))
      }
    }
    guard let seconds = rfc3339(text) else { return .failure(.malformed) }
    let date = Date(timeIntervalSince1970: seconds)
    guard date.timeIntervalSince(now) <= horizon else { return .failure(.tooFar) }
    return .success(date)
  }

  /// Seconds since 1970 for `yyyy-MM-ddTHH:mm:ss[.fff](Z|±hh:mm)`; nil for anything else.
  package static func rfc3339(_ text: String) -> Double? {
    let b = Array(text.utf8)
    guard b.count >= 20 else { return nil }
    func digits(_ range: Range<Int>) -> Int? {
      guard range.upperBound <= b.count else { return nil }
      var value = 0
      for index in range {
        guard (0x30...0x39).contains(b[index]) else { return nil }
        value = value * 10 + Int(b[index] - 0x30)
      }
      return value
    }
    guard b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"), b[10] | 0x20 == UInt8(ascii: "t"),
      b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"),
      let year = digits(0..<4), let month = digits(5..<7), let day = digits(8..<10),
      let hour = digits(11..<13), let minute = digits(14..<16), let second = digits(17..<19),
      (1970...9000).contains(year), (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day),
      hour < 24, minute < 60, second < 60
    else { return nil }
    var index = 19
    var fraction = 0.0
    if index < b.count, b[index] == UInt8(ascii: ".") {
      index += 1
      var scale = 0.1
      let first = index
      while index < b.count, (0x30...0x39).contains(b[index]) {
        fraction += Double(b[index] - 0x30) * scale
        scale /= 10
        index += 1
      }
      guard index > first else { return nil }
    }
    guard index < b.count else { return nil }
    var offset = 0
    if b[index] | 0x20 == UInt8(ascii: "z") {
      index += 1
    } else if b[index] == UInt8(ascii: "+") || b[index] == UInt8(ascii: "-") {
      let sign = b[index] == UInt8(ascii: "-") ? -1 : 1
      guard index + 6 == b.count, b[index + 3] == UInt8(ascii: ":"), let hours = digits(index + 1..<index + 3),
        let minutes = digits(index + 4..<index + 6), hours < 24, minutes < 60
      else { return nil }
      offset = sign * (hours * 3600 + minutes * 60)
      index += 6
    } else {
      return nil
    }
    guard index == b.count else { return nil }
    let whole = UTCTime.seconds(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    return Double(whole - Int64(offset)) + fraction
  }

  private static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }
}
