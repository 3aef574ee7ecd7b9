/// Keys from `ContractField`; every one is required.
extension CallCompletionNotification: Codable {
  package init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: ContractField.self)
    workflowID = try c.decode(String.self, forKey: .workflowID)
    workflowName = try c.decode(String.self, forKey: .workflowName)
    nodetaskID = try c.decode(String.self, forKey: .nodetaskID)
    nodetaskName = try c.decode(String.self, forKey: .nodetaskName)
    taskID = try c.decode(String.self, forKey: .taskID)
    taskName = try c.decode(String.self, forKey: .taskName)
    sign = try c.decode(String.self, forKey: .sign)
    details = try c.decode([CallDetail].self, forKey: .details)
  }

  package func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: ContractField.self)
    try c.encode(workflowID, forKey: .workflowID)
    try c.encode(workflowName, forKey: .workflowName)
    try c.encode(nodetaskID, forKey: .nodetaskID)
    try c.encode(nodetaskName, forKey: .nodetaskName)
    try c.encode(taskID, forKey: .taskID)
    try c.encode(taskName, forKey: .taskName)
    try c.encode(sign, forKey: .sign)
    try c.encode(details, forKey: .details)
  }
}
