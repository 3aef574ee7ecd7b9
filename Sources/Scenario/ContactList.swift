import Contract
import Glibc

/// A contact list as uploaded to AIRudder for the workflows, checked whole before anything is
/// sent and then read as the dialers need it, never held in memory.
///
/// `open` reads the file once to check every row (and a second time only when two CaseIDs
/// may be equal, or when the rows are spread over several workflows): memory is 8 bytes per
/// row while it checks (a 64-bit hash of each CaseID; equal hashes are confirmed on the
/// second reading by comparing the CaseIDs themselves), freed before the run. The rows go to
/// the workflows in file order, in consecutive blocks of nearly equal size; each workflow's
/// cursor reads its block through its own small buffer.
package final class ContactList: Sendable {
  /// At most this many problems are listed; the rest are counted.
  package static let problemLimit = 50
  /// Rows between the positions the check notes, from which a workflow's block is found.
  static let checkpointInterval = 1024

  /// As given (messages name it so).
  package let path: String
  /// Rows (contacts) in the file.
  package let count: Int
  /// Lowercase hex MD5 of the file's bytes, taken while checking it: shards of one run read the
  /// same list (a report's `source_md5`).
  package let md5: String
  private let descriptor: Int32
  private let format: ContactRowReader.Format
  private let columns: [ContactColumn?]
  private let blocks: [Block]
  private let bufferSize: Int

  /// Where a workflow's contacts start in the file, and how many it has.
  private struct Block: Sendable {
    var offset: Int
    var line: Int
    var count: Int
  }

  private init(
    path: String, count: Int, md5: String, descriptor: Int32, format: ContactRowReader.Format, columns: [ContactColumn?],
    blocks: [Block]
  ) {
    self.path = path
    self.count = count
    self.md5 = md5
    self.descriptor = descriptor
    self.format = format
    self.columns = columns
    self.blocks = blocks
    // Many workflows share about a megabyte of buffers; few get 64 KiB each.
    bufferSize = max(4096, min(1 << 16, (1 << 20) / max(blocks.count, 1)))
  }

  deinit { close(descriptor) }

  /// Opens and checks the list at `path` for `workflows` workflows. Every bad row is reported
  /// (the first `problemLimit` listed), with its line and column.
  package static func open(path: String, workflows: Int) throws(ContactListError) -> ContactList {
    let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw .unreadable(file: path, reason: String(cString: strerror(errno))) }
    var status = stat()
    guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
      close(descriptor)
      throw .unreadable(file: path, reason: "not a regular file (the list is read twice, so it cannot be a pipe)")
    }
    do {
      return try check(path: path, descriptor: descriptor, workflows: workflows)
    } catch {
      close(descriptor)
      throw error
    }
  }

  private static func check(path: String, descriptor: Int32, workflows: Int) throws(ContactListError) -> ContactList {
    let start = ContactFileBytes(descriptor: descriptor, offset: 0, capacity: 1 << 16, digesting: true)
    var (reader, problems) = ContactRowReader.atStart(file: path, bytes: start)
    var more = 0
    func add(_ problem: ContactProblem) {
      if problems.count < problemLimit { problems.append(problem) } else { more += 1 }
    }
    var hashes: [UInt64] = []
    /// Where every `checkpointInterval`-th row starts: 16 bytes per 1024 rows.
    var checkpoints: [(offset: Int, line: Int)] = []
    var rows = 0
    while let outcome = reader.next() {
      switch outcome {
      case .problem(let problem): add(problem)
      case .row(let row):
        if rows % checkpointInterval == 0 { checkpoints.append((row.offset, row.line)) }
        rows += 1
        var found: [ContactProblem] = []
        _ = ContactRecord.make(from: row, file: path, problems: &found)
        found.forEach(add)
        if let caseID = row.cells.first(where: { $0.column == .caseID })?.cell.text, !caseID.isEmpty {
          hashes.append(hash(caseID))
        }
      }
    }
    if let failure = reader.readFailure { throw .unreadable(file: path, reason: failure) }
    var digest = reader.digest ?? MD5()
    let md5 = hexString(digest.finalize())
    hashes.sort()
    var suspects: Set<UInt64> = []
    for index in hashes.indices.dropFirst() where hashes[index] == hashes[index - 1] { suspects.insert(hashes[index]) }
    hashes = []
    if rows == 0 && problems.isEmpty {
      add(ContactProblem(file: path, position: SourcePosition(line: 1, column: 1), field: "", message: "no contacts in the list"))
    }

    // Equal hashes: a second reading compares the CaseIDs themselves.
    if !suspects.isEmpty {
      var second = ContactRowReader.atStart(file: path, bytes: start).reader
      var firstLine: [String: Int] = [:]
      while let outcome = second.next() {
        guard case .row(let row) = outcome, let cell = row.cells.first(where: { $0.column == .caseID })?.cell,
          suspects.contains(hash(cell.text))
        else { continue }
        if let first = firstLine[cell.text] {
          add(
            ContactProblem(
              file: path, position: cell.position, field: "CaseID",
              message: "duplicate CaseID \"\(cell.text)\" (first at line \(first))"))
        } else {
          firstLine[cell.text] = row.line
        }
      }
    }
    if !problems.isEmpty {
      problems.sort { $0.position < $1.position }
      throw .problems(problems, more: more)
    }
    // Each workflow's block starts at the checkpoint before it, plus the rows in between.
    var blocks: [Block] = []
    blocks.reserveCapacity(workflows)
    var first = 0
    for workflow in 0..<workflows {
      let size = rows / workflows + (workflow < rows % workflows ? 1 : 0)
      guard size > 0 else {
        blocks.append(Block(offset: 0, line: 1, count: 0))
        continue
      }
      let checkpoint = checkpoints[first / checkpointInterval]
      var reader = ContactRowReader(
        file: path, bytes: ContactFileBytes(descriptor: descriptor, offset: checkpoint.offset, capacity: 1 << 14),
        line: checkpoint.line, format: reader.format, columns: reader.columns)
      for _ in 0..<(first % checkpointInterval) { _ = reader.next() }
      blocks.append(Block(offset: reader.offset, line: reader.line, count: size))
      first += size
    }
    while blocks.count < workflows { blocks.append(Block(offset: 0, line: 1, count: 0)) }
    return ContactList(
      path: path, count: rows, md5: md5, descriptor: descriptor, format: reader.format, columns: reader.columns, blocks: blocks)
  }

  /// Contacts of workflow `index` (0-based).
  package func count(forWorkflow index: Int) -> Int {
    index < blocks.count ? blocks[index].count : 0
  }

  /// Reads workflow `index`'s contacts in file order.
  package func cursor(forWorkflow index: Int) -> Cursor {
    let block = index < blocks.count ? blocks[index] : Block(offset: 0, line: 1, count: 0)
    let bytes = ContactFileBytes(descriptor: descriptor, offset: block.offset, capacity: min(bufferSize, 1 << 16))
    return Cursor(
      list: self,
      reader: ContactRowReader(file: path, bytes: bytes, line: block.line, format: format, columns: columns),
      left: block.count)
  }

  /// One workflow's contacts, read as its dialer reaches them.
  package struct Cursor {
    /// Keeps the file open while the cursor reads it.
    private let list: ContactList
    private var reader: ContactRowReader
    private var left: Int

    fileprivate init(list: ContactList, reader: ContactRowReader, left: Int) {
      self.list = list
      self.reader = reader
      self.left = left
    }

    /// The next contact; nil at the end of the block (or when the file changed since it was
    /// checked, so that a row no longer reads).
    package mutating func next() -> ContactRecord? {
      guard left > 0, case .row(let row)? = reader.next() else { return nil }
      left -= 1
      var ignored: [ContactProblem] = []
      return ContactRecord.make(from: row, file: list.path, problems: &ignored)
    }
  }

  /// FNV-1a: a 64-bit hash that does not change from run to run.
  static func hash(_ text: String) -> UInt64 {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      value ^= UInt64(byte)
      value &*= 0x100_0000_01b3
    }
    return value
  }
}
