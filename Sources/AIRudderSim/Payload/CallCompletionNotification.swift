/// The body AIRudder POSTs when workflow calls end: the envelope of the seed page, with the
/// calls that ended together in `details`. Every key is required.
public struct CallCompletionNotification: Codable, Sendable, Hashable {
  public var workflowID: String
  public var workflowName: String
  public var nodetaskID: String
  public var nodetaskName: String
  public var taskID: String
  public var taskName: String
  /// md5(TaskID + KEY) in lowercase hex; empty until a `Signer` signs the notification.
  public var sign: String
  public var details: [CallDetail]

  public init(
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

  enum CodingKeys: String, CodingKey, CaseIterable {
    case workflowID = "workflow_id"
    case workflowName = "workflow_name"
    case nodetaskID = "nodetask_id"
    case nodetaskName = "nodetask_name"
    case taskID = "TaskID"
    case taskName = "TaskName"
    case sign = "Sign"
    case details = "Details"
  }
}
