/// One cell of a contact list and where it starts (columns count characters, as editors do).
struct ContactCell: Sendable {
  var text: String
  var position: SourcePosition
}
