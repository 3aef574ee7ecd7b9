import HTTP1
import Receiver
import Reporting

/// Sender and receiver must agree when `run` used the built-in receiver: every delivered
/// notification was answered 2xx by the receiver, and the calls they carried are exactly the
/// CallIDs it accepted. Each difference is one line for the user.
enum Reconciliation {
  static func problems(sender: RunCounts, receiver: ReceiverCounts) -> [String] {
    var problems: [String] = []
    if sender.delivered != receiver.accepted {
      problems.append(
        "reconciliation: sender counts \(sender.delivered) notifications delivered, the receiver answered 2xx to \(receiver.accepted)"
      )
    }
    if sender.deliveredDetails != receiver.uniqueCalls {
      problems.append(
        "reconciliation: delivered notifications carry \(sender.deliveredDetails) Details, the receiver accepted \(receiver.uniqueCalls) unique CallIDs"
      )
    }
    return problems
  }
}
