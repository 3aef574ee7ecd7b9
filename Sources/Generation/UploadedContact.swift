import Scenario

/// A contact list's row, boxed: moved with its contact through the dialer as one reference.
final class UploadedContact: Sendable {
  let record: ContactRecord

  init(_ record: ContactRecord) {
    self.record = record
  }
}
