import Foundation
import Testing

@testable import AIRudderSimCLI
@testable import Contract
@testable import Delivery
@testable import Generation
@testable import HTTP1
@testable import Receiver
@testable import Reporting
@testable import Scenario
@testable import Support

/// The writers under every output file: errors kept and named, reports whole or absent.
struct OutputFileTests {
  static func directory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("output-file-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test func sinkKeepsTheFirstWriteErrorAndStops() throws {
    let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
    let sink = OutputSink(descriptor: full.fileDescriptor, name: "standard output")
    sink.write("hello\n")
    #expect(sink.failure == nil, "buffered, not yet written")
    sink.flush()
    #expect(sink.hasFailed && !sink.readerHasGone)
    #expect(sink.failure?.localizedDescription == "standard output: cannot write: No space left on device")
  }

  @Test func sinkTellsAClosedPipeApart() throws {
    signal(SIGPIPE, SIG_IGN)  // As Tool.main does: EPIPE, not a death by SIGPIPE.
    let pipe = Pipe()
    try pipe.fileHandleForReading.close()
    let sink = OutputSink(descriptor: pipe.fileHandleForWriting.fileDescriptor, name: "standard output")
    sink.line("nobody reads this")
    sink.flush()
    #expect(sink.readerHasGone)
    let err = OutputSink.memory()
    #expect(Tool.checkedOutput(0, stdout: sink, stderr: err) == ExitCode.closedPipe.rawValue && err.text.isEmpty)
  }

  @Test func reportPreparedLeavesNoFileAndRemovesAStaleOne() throws {
    let directory = try Self.directory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("report.json").path
    try Data("{\"stale\": true}".utf8).write(to: URL(fileURLWithPath: path))
    try ReportFile(path: path).prepare()
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
  }

  @Test func reportIsRenamedIntoPlaceThroughASymlink() throws {
    let directory = try Self.directory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let target = directory.appendingPathComponent("real.json")
    let link = directory.appendingPathComponent("link.json")
    try Data("old".utf8).write(to: target)
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
    try ReportFile(path: link.path).prepare()
    #expect(!FileManager.default.fileExists(atPath: target.path), "the stale report is removed, the link kept")
    try ReportFile(path: link.path).write(Data("{}".utf8))
    #expect(try String(contentsOf: target, encoding: .utf8) == "{}")
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target.path)
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["link.json", "real.json"])
  }

  @Test func reportToAFullDeviceFailsByName() {
    #expect(throws: OutputError.cannotWrite(file: "/dev/full", what: "the report", reason: "No space left on device")) {
      try ReportFile(path: "/dev/full").write(Data("{}".utf8))
    }
  }

  @Test func lineFileNamesTheFileAndWritesNothingAfterAFailure() throws {
    let file = try OutputFile(path: "/dev/full", what: "the journal")
    Array("one\n".utf8).withUnsafeBytes { file.write($0) }
    #expect(file.failure == .cannotWrite(file: "/dev/full", what: "the journal", reason: "No space left on device"))
    #expect(
      OutputError.cannotCreate(file: "/x/y", what: "the record", reason: "No such file or directory").localizedDescription
        == "/x/y: cannot create the record: No such file or directory")
  }
}
