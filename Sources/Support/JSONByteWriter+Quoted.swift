extension JSONByteWriter {
  /// `text` as a JSON string literal, quotes and escapes included: error bodies and messages.
  package static func quoted(_ text: String) -> String {
    var writer = JSONByteWriter(capacity: text.utf8.count + 8)
    writer.string(text)
    return String(decoding: writer.bytes, as: UTF8.self)
  }
}
