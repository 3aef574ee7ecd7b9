/// Keys from `ContractField` (the `asr…` rows); every one is required.
extension AsrEntry: Codable {
  package init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: ContractField.self)
    time = try c.decode(String.self, forKey: .asrTime)
    robottext = try c.decode(String.self, forKey: .asrRobotText)
    text = try c.decode(String.self, forKey: .asrText)
  }

  package func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: ContractField.self)
    try c.encode(time, forKey: .asrTime)
    try c.encode(robottext, forKey: .asrRobotText)
    try c.encode(text, forKey: .asrText)
  }
}
