import Foundation
import Testing

@testable import Delivery
@testable import HTTP1

/// The connection loop as a task executor: tasks that prefer it run on its thread, and a loop
/// that has shut down still runs them (elsewhere) rather than leaving them suspended.
@Suite struct HTTPConnectionLoopExecutorTests {
  static func loop() throws -> HTTPConnectionLoop {
    HTTPConnectionLoop(target: try #require(HTTPTarget(url: URL(string: "http://127.0.0.1:9/")!)), maxConnections: 1)
  }

  @Test func tasksPreferringTheLoopRunOnItsThread() async throws {
    let loop = try Self.loop()
    defer { loop.shutdown() }
    let onLoop = await Task(executorPreference: loop) { loop.isLoopThread }.value
    #expect(onLoop, "the task ran off the loop's thread")
    #expect(!loop.isLoopThread)
    // A task that suspends and resumes comes back to the loop.
    let afterSleep = await Task(executorPreference: loop) { () -> Bool in
      try? await Task.sleep(for: .milliseconds(5))
      return loop.isLoopThread
    }.value
    #expect(afterSleep, "the task resumed off the loop's thread")
  }

  @Test func tasksStillRunOnceTheLoopHasShutDown() async throws {
    let loop = try Self.loop()
    loop.shutdown()
    let ran = await Task(executorPreference: loop) { loop.isLoopThread }.value
    #expect(ran == false, "a task preferring a stopped loop runs on the global executor")
  }

  @Test(arguments: [1, 3])
  func workersSpreadOverTheTransportsLoops(loops: Int) async throws {
    let server = try SocketTransportTests.okServer()
    defer { server.stop() }
    let transport = try #require(SocketTransport(url: server.url, connections: 8, loops: loops))
    #expect(transport.taskExecutors.count == loops)
    let executors = transport.taskExecutors
    let outcomes = await withTaskGroup(of: AttemptOutcome.self) { group in
      for index in 0..<(2 * loops) {
        group.addTask(executorPreference: executors[index % loops]) {
          await transport.post(SocketTransportTests.body, timeout: .seconds(30))
        }
      }
      return await group.reduce(into: []) { $0.append($1) }
    }
    #expect(outcomes == Array(repeating: .response(status: 200), count: 2 * loops))
  }
}
