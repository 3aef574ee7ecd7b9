/// A country's numbering plan, time zone and calling hours: what its callees' numbers look
/// like and when a collector may call them. One entry per country in `all`.
package struct CountryData: Sendable {
  /// ISO 3166 code, as scenarios write it: `ID`.
  package let code: String
  /// E.164 country calling code, without `+`.
  package let callingCode: String
  /// Mobile prefixes (operator or area codes) at the start of the national number.
  package let mobilePrefixes: [String]
  /// Digits of a mobile national number, prefix included (E.164 national significant number).
  package let mobileDigits: Int
  package let landlinePrefix: String
  /// Digits of a landline national number, prefix included.
  package let landlineDigits: Int
  /// Offset of the callees' local time from UTC, in minutes (a fixed offset: the main zone,
  /// no daylight saving time, so that a seed always gives the same bytes).
  package let utcOffsetMinutes: Int
  /// Local hours in which collectors may call, as the country's rules or practice have them.
  package let callingHours: CallingHours

  package static let all: [CountryData] = [
    // Jakarta (WIB). OJK and the AFPI code of conduct: collection calls 08:00–20:00.
    CountryData(
      code: "ID", callingCode: "62",
      mobilePrefixes: ["811", "812", "813", "821", "822", "852", "853", "857", "858", "877", "878", "895", "896", "897"],
      mobileDigits: 11, landlinePrefix: "21", landlineDigits: 10, utcOffsetMinutes: 7 * 60,
      callingHours: CallingHours(fromHour: 8, toHour: 20)),
    // Manila. SEC MC 18 (2019) forbids collection calls from 22:00 to 06:00; practice is 08–20.
    CountryData(
      code: "PH", callingCode: "63",
      mobilePrefixes: ["905", "906", "915", "916", "917", "926", "927", "935", "945", "955", "965", "977", "995", "997"],
      mobileDigits: 10, landlinePrefix: "2", landlineDigits: 9, utcOffsetMinutes: 8 * 60,
      callingHours: CallingHours(fromHour: 8, toHour: 20)),
    // New York (EST). FDCPA: 08:00–21:00 local time.
    CountryData(
      code: "US", callingCode: "1", mobilePrefixes: ["212", "213", "312", "415", "512", "617", "702", "713", "818", "917"],
      mobileDigits: 10, landlinePrefix: "800", landlineDigits: 10, utcOffsetMinutes: -5 * 60,
      callingHours: CallingHours(fromHour: 8, toHour: 21)),
    // Beijing. Collection rules forbid calls from 22:00 to 08:00; practice ends at 21:00.
    CountryData(
      code: "CN", callingCode: "86",
      mobilePrefixes: ["130", "131", "135", "136", "138", "139", "150", "151", "158", "186", "188", "189"],
      mobileDigits: 11, landlinePrefix: "10", landlineDigits: 10, utcOffsetMinutes: 8 * 60,
      callingHours: CallingHours(fromHour: 8, toHour: 21)),
    // IST. RBI: recovery calls only between 08:00 and 19:00.
    CountryData(
      code: "IN", callingCode: "91", mobilePrefixes: ["98", "97", "96", "91", "90", "88", "87", "79", "70"],
      mobileDigits: 10, landlinePrefix: "11", landlineDigits: 10, utcOffsetMinutes: 5 * 60 + 30,
      callingHours: CallingHours(fromHour: 8, toHour: 19)),
    // Mexico City (no DST since 2022). Ten national digits after +52 (no mobile "1" since
    // 2019): a 2-digit area code (55, 33, 81) then 8 digits, or a 3-digit one (222, 664) then
    // 7. CONDUSEF's collection rules: 07:00–22:00; practice starts at 08:00.
    CountryData(
      code: "MX", callingCode: "52", mobilePrefixes: ["55", "33", "81", "222", "664"], mobileDigits: 10,
      landlinePrefix: "55", landlineDigits: 10, utcOffsetMinutes: -6 * 60, callingHours: CallingHours(fromHour: 8, toHour: 21)),
    // Hanoi. Decree 100 (2017): debt collection 07:00–21:00.
    CountryData(
      code: "VN", callingCode: "84", mobilePrefixes: ["32", "33", "34", "35", "70", "77", "86", "90", "91", "96", "97", "98"],
      mobileDigits: 9, landlinePrefix: "24", landlineDigits: 10, utcOffsetMinutes: 7 * 60,
      callingHours: CallingHours(fromHour: 8, toHour: 21)),
  ]
}
