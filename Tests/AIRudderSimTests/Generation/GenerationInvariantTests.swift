import Foundation
import Testing

@testable import AIRudderSimCLI
@testable import Contract
@testable import Generation
@testable import HTTP1
@testable import Receiver
@testable import Reporting
@testable import Scenario
@testable import Support

/// Invariants over at least 10,000 generated calls of each scene: what any AIRudder payload
/// must satisfy, checked on the values and on their JSON.
@Suite struct GenerationInvariantTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var file: String
    var scene: Scene
    var testDescription: String { file }
  }

  static let cases = [
    Case(file: "collection.json", scene: .collection),
    Case(file: "marketing.json", scene: .marketing),
    Case(file: "ecommerce.json", scene: .ecommerce),
  ]

  /// Generates until at least `calls` Details; returns the notifications.
  static func generate(_ file: String, calls: Int = 10_000) throws -> (Scenario, [GeneratedNotification]) {
    let scenario = try ScenarioLoader.load(path: RepositoryPath.scenario(file))
    var items: [GeneratedNotification] = []
    var total = 0
    for item in NotificationGenerator(scenario: scenario) {
      items.append(item)
      total += item.notification.details.count
      if total >= calls { break }
    }
    return (scenario, items)
  }

  @Test(arguments: cases)
  func identitiesAreUniqueAndWellFormed(_ testCase: Case) throws {
    let (_, items) = try Self.generate(testCase.file)
    var callIDs = Set<String>()
    var ids = Set<Int>()
    var caseIDs = Set<String>()
    var total = 0
    for item in items {
      let n = item.notification
      #expect(isHex(n.taskID, length: 32) && isHex(n.workflowID, length: 32) && isHex(n.nodetaskID, length: 32))
      #expect(n.taskName.hasPrefix("wf_") && isHex(String(n.taskName.suffix(6)), length: 6))
      for call in n.details {
        total += 1
        #expect(ids.insert(call.id).inserted, "duplicate id \(call.id)")
        #expect(callIDs.insert(call.callID).inserted, "duplicate CallID \(call.callID)")
        #expect(caseIDs.insert(call.caseID).inserted, "contact notified twice in a round: \(call.caseID)")
        #expect(isHex(call.callID, length: 32))
        #expect(E164.isValid(call.calleeNumber))
        #expect(call.callerNumber.map(E164.isValid) ?? true)
        for redial in call.redialCalls ?? [] {
          #expect(callIDs.insert(redial.callID).inserted, "duplicate redial CallID \(redial.callID)")
          #expect(redial.calleeNumber == call.calleeNumber)
          #expect(E164.isValid(redial.callerNumber))
        }
      }
    }
    #expect(total >= 10_000)
  }

  @Test(arguments: cases)
  func timesAndCallSemantics(_ testCase: Case) throws {
    let (scenario, items) = try Self.generate(testCase.file)
    var connected = 0
    for item in items {
      for call in item.notification.details {
        let start = try #require(UTCTime.parseISO8601(call.callStartTime), "bad CallStartTime \(call.callStartTime)")
        let end = try #require(UTCTime.parseISO8601(call.callEndTime), "bad CallEndTime \(call.callEndTime)")
        #expect(start <= end)
        #expect(call.callTimes >= 1 && call.callTimes <= scenario.dialer.redialLimit)
        #expect(call.callTimes == 1 + (call.redialCalls?.count ?? 0))
        // Answered calls carry a robot label; unanswered ones (rung out included) do not.
        if !call.intention.isEmpty {
          connected += 1
          #expect(call.ringType == .normal)
          #expect(start < end, "a connected call talks for at least a second")
          #expect(call.status == .finished)
          #expect(call.hangupType != .canceled)
          let talk = Int(end - start)
          let transcript = try #require(call.asrResult)
          #expect(transcript.first?.time == "00:00:00")
          var previous = -1
          var spoken = 0
          for (index, line) in transcript.enumerated() {
            let offset = try #require(seconds(line.time), "bad AsrResult time \(line.time)")
            #expect(offset < talk && offset > previous, "transcript line at \(line.time) outside a \(talk)s call")
            previous = offset
            // Robot and user alternate, robot first.
            if index % 2 == 0 { #expect(!line.robottext.isEmpty && line.text.isEmpty) } else { #expect(line.robottext.isEmpty) }
            if index % 2 == 1 && !line.text.isEmpty { spoken += 1 }
          }
          #expect(call.talkRound == spoken)
          #expect(!call.intention.isEmpty)
        } else {
          #expect(start == end, "an unconnected call starts when it ends")
          if call.ringType == .normal && call.status == .finished {
            #expect(call.ringTime == Int(scenario.dialer.noAnswerTimeout.seconds), "a dial that rang out rang to the timeout")
          }
          #expect(call.asrResult == nil && call.talkRound == nil && call.intentionDescription == nil)
          if call.status != .finished { #expect(call.ringType == .null) }
        }
        for redial in call.redialCalls ?? [] {
          // Written in the callees' local time (redialTimeZone "local").
          let redialLocal = try #require(spacedSeconds(redial.callStartTime), "bad RedailCall time \(redial.callStartTime)")
          let redialStart = redialLocal - Int64(scenario.utcOffset)
          #expect(redialStart < start, "an earlier dial starts before the notified call")
          #expect(redial.ringType != .null)
        }
      }
    }
    #expect(connected > 1000)
  }

  @Test(arguments: cases)
  func collectionFieldsFollowTheScene(_ testCase: Case) throws {
    let (_, items) = try Self.generate(testCase.file)
    for call in items.flatMap(\.notification.details) {
      let loanFields = [call.borrowedDate, call.dueDate, call.borrowedAmount, call.totalOwingAmount, call.currencyUnit]
      guard testCase.scene == .collection else {
        #expect(loanFields.allSatisfy { $0 == nil })
        #expect(call.asrPTP == nil)
        continue
      }
      let borrowed = try #require(call.borrowedDate)
      let due = try #require(call.dueDate)
      #expect(borrowed.count == 10 && due.count == 10 && borrowed < due)
      let amount = try #require(call.borrowedAmount)
      let owing = try #require(call.totalOwingAmount)
      #expect(isAmount(amount) && isAmount(owing))
      #expect(amount.hasSuffix(".00") && owing.hasSuffix(".00"), "rupiah amounts are whole")
      #expect(try #require(Decimal(string: owing)) >= (try #require(Decimal(string: amount))))
      #expect(call.currencyUnit == "IDR")
    }
  }

  @Test(arguments: cases)
  func batchesRespectSizeWindowAndOrder(_ testCase: Case) throws {
    let (scenario, items) = try Self.generate(testCase.file)
    var sizes = Set<Int>()
    var previousSend = Int64.min
    for (index, item) in items.enumerated() {
      let details = item.notification.details
      #expect(item.number == index + 1)
      #expect(!details.isEmpty && details.count <= scenario.aggregation.maxBatch)
      sizes.insert(details.count)
      let ends = try details.map { try #require(UTCTime.parseISO8601($0.callEndTime)) }
      let first = try #require(ends.min())
      let last = try #require(ends.max())
      #expect(Double(last - first) <= scenario.aggregation.window.seconds)
      #expect(item.sendTime == last)
      #expect(item.sendTime >= previousSend, "notifications come in send-time order")
      previousSend = item.sendTime
    }
    #expect(sizes.count > 1, "aggregation gives batches of varying size")
  }

  @Test func edgeCasesAppear() throws {
    let (_, items) = try Self.generate("edge-cases.json", calls: 3000)
    let calls = items.flatMap(\.notification.details)
    #expect(calls.contains { $0.style.contains(.explicitNulls) })
    #expect(calls.contains { $0.ringType == .null && $0.style.contains(.ringTypeNullAsString) })
    #expect(calls.contains { $0.ringType == .null && !$0.style.contains(.ringTypeNullAsString) })
    #expect(calls.contains { $0.calleeName.isEmpty })
    #expect(calls.contains { $0.calleeName.count == 300 })
    #expect(calls.contains { $0.calleeName.unicodeScalars.contains { $0.value > 0x2000 } })
    #expect(calls.contains { $0.calleeName.contains("\"") || $0.calleeName.contains("\\") })
    #expect(calls.contains { $0.asrResult != nil && $0.multiIntention != nil && $0.askWhatsAPP != nil && $0.redialCalls != nil })
    #expect(calls.contains { $0.extraA == nil && $0.borrowedDate == nil && $0.ringTime == nil && $0.callerNumber == nil })
    #expect(items.contains { $0.notification.details.count == 50 }, "some batches reach the maximum")
  }

  private func isHex(_ text: String, length: Int) -> Bool {
    text.utf8.count == length && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
  }

  private func isAmount(_ text: String) -> Bool {
    let parts = text.split(separator: ".")
    return parts.count == 2 && parts[1].count == 2 && parts.allSatisfy { $0.allSatisfy(\.isNumber) }
  }

  private func seconds(_ hhmmss: String) -> Int? {
    let parts = hhmmss.split(separator: ":").compactMap { Int($0) }
    guard parts.count == 3, hhmmss.count == 8 else { return nil }
    return parts[0] * 3600 + parts[1] * 60 + parts[2]
  }

  private func spacedSeconds(_ text: String) -> Int64? {
    guard text.count == 19, text.dropFirst(10).first == " " else { return nil }
    return UTCTime.parseISO8601(text.replacingOccurrences(of: " ", with: "T") + "Z")
  }
}
