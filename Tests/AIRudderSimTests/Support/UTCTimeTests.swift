import Testing

@testable import Generation
@testable import Scenario
@testable import Support

@Suite struct UTCTimeTests {
  @Test(arguments: [
    (Int64(0), "1970-01-01T00:00:00Z", "1970-01-01 00:00:00"),
    (Int64(1_710_127_230), "2024-03-11T03:20:30Z", "2024-03-11 03:20:30"),
    (Int64(951_782_400), "2000-02-29T00:00:00Z", "2000-02-29 00:00:00"),
    (Int64(4_107_542_399), "2100-02-28T23:59:59Z", "2100-02-28 23:59:59"),
  ])
  func formatsAndParses(seconds: Int64, iso: String, spaced: String) {
    #expect(UTCTime.iso8601(seconds) == iso)
    #expect(UTCTime.spaced(seconds) == spaced)
    #expect(UTCTime.day(seconds) == String(iso.prefix(10)))
    #expect(UTCTime.parseISO8601(iso) == seconds)
  }

  @Test(arguments: ["2024-02-30T00:00:00Z", "2023-02-29T00:00:00Z", "2024-03-11 03:20:30", "2024-03-11T24:00:00Z", "yesterday"])
  func rejectsInvalidTimes(text: String) {
    #expect(UTCTime.parseISO8601(text) == nil)
  }

  @Test(arguments: [(0, "00:00:00"), (59, "00:00:59"), (61, "00:01:01"), (3725, "01:02:05")])
  func formatsOffsets(seconds: Int, text: String) {
    #expect(UTCTime.offset(seconds) == text)
  }
}
