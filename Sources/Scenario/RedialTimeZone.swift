import Support

/// How `RedailCall[].CallStartTime` (`yyyy-MM-dd HH:mm:ss`, no zone) is written: in the
/// callees' local time (`timeZone`), as the vendor page's example reads, or in UTC.
package enum RedialTimeZone: String, Decodable, Sendable, CaseIterable, SettingChoice {
  case local, utc

  package init(from decoder: any Decoder) throws { self = try Self.decodeChoice(from: decoder) }
}
