import Foundation
import Testing

@testable import Conformance
@testable import HTTP1

/// What the evidence says about an answer: status told apart from body, the connection blamed
/// only when no answer came, a 404 pointed at the URL's path.
@Suite struct AnswerWordingTests {
  /// 201 with body `{}`: the status differs from the page's, the body does not.
  @Test func a201WithEmptyObjectIsNotCalledAnotherBody() async throws {
    let receiver = try DefectiveReceiver { _, _ in .respond(status: 201, body: Array("{}".utf8)) }
    defer { receiver.stop() }
    let result = try await CheckHarness.run("answer.status-body", at: receiver.url)
    #expect(result.outcome.verdict == .info)
    #expect(result.outcome.summary == "answered 201 rather than 200, with body {}: AIRudder accepts it")
  }

  /// An ordinary HTTP answer on a kept-alive connection is the receiver's answer, not a
  /// connection failure.
  @Test func anHTTPRefusalOnAReusedConnectionDoesNotBlameTheConnection() async throws {
    let receiver = try DefectiveReceiver { _, memory in
      memory.count() >= 2 ? DefectiveReceiver.refuse(409, "conflict") : nil
    }
    defer { receiver.stop() }
    let result = try await CheckHarness.run("delivery.keep-alive", at: receiver.url)
    #expect(result.outcome.verdict == .fail)
    let evidence = try #require(result.outcome.evidence.first)
    try #require(evidence.reusedConnection, "the 409 must come on a reused connection for this test to mean anything")
    #expect(evidence.status == 409)
    #expect(!result.outcome.summary.contains("kept alive failed"), "\(result.outcome.summary)")
    #expect(evidence.hint?.contains("this request on it failed") != true, "\(evidence.hint ?? "")")
  }

  /// A 404 to every request: the URL's path is the likely mistake.
  @Test(arguments: ["shape.page-example", "delivery.duplicate"])
  func a404AsksAboutThePath(_ id: String) async throws {
    let receiver = try DefectiveReceiver { _, _ in DefectiveReceiver.refuse(404, "not found") }
    defer { receiver.stop() }
    let result = try await CheckHarness.run(id, at: receiver.url)
    #expect(result.outcome.verdict == .fail)
    #expect(result.outcome.evidence.first?.hint?.contains("is the URL's path right?") == true)
  }
}
