/// The body AIRudder POSTs when workflow calls end: the envelope of the seed page, with the
/// calls that ended together in `details`. Every key is required.
package struct CallCompletionNotification: Sendable, Hashable {
  package var workflowID: String
  package var workflowName: String
  package var nodetaskID: String
  package var nodetaskName: String
  package var taskID: String
  package var taskName: String
  /// md5(TaskID + KEY) in lowercase hex; empty until a `Signer` signs the notification.
  package var sign: String
  package var details: [CallDetail]

  package init(
    workflowID: String, workflowName: String, nodetaskID: String, nodetaskName: String,
    taskID: String, taskName: String, sign: String, details: [CallDetail]
  ) {
    self.workflowID = workflowID
    self.workflowName = workflowName
    self.nodetaskID = nodetaskID
    self.nodetaskName = nodetaskName
    self.taskID = taskID
    self.taskName = taskName
    self.sign = sign
    self.details = details
  }
}
