import HTTP1

extension ReceiverCounts {
  /// The receiver's summary when it stops.
  package var text: String {
    var lines = [
      "requests \(requests)  accepted \(accepted)  details \(details)  unique calls \(uniqueCalls)  duplicates \(duplicates)",
      "bad signatures \(badSignatures)  schema violations \(schemaViolations)",
      "answers  " + answers.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "  "),
    ]
    for violation in firstViolations { lines.append("schema   \(violation)") }
    return lines.joined(separator: "\n") + "\n"
  }
}
