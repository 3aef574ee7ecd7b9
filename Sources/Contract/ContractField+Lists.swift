/// The table read by name and by level.
extension ContractField {
  /// The JSON name, as the page spells it.
  package var name: String { row.key.description }
  @inline(__always) package var key: StaticString { row.key }
  package var level: Level { row.level }
  package var isRequired: Bool { row.isRequired }
  package var type: ValueType { row.type }
  package var isCollectionOnly: Bool { row.isCollectionOnly }
  package var isNullable: Bool { row.isNullable }

  /// The fields of one level, in the table's order.
  package static func fields(at level: Level) -> [ContractField] {
    allCases.filter { $0.level == level }
  }

  /// The strings an `enumeration` field accepts (JSON `null` aside); empty for other types.
  package var allowedValues: [String] {
    switch self {
    case .status: CallStatus.allCases.map(\.rawValue)
    case .ringType, .redialRingType: RingType.allCases.map(\.rawValue)
    case .hangupType, .redialHangupType: HangupType.allCases.map(\.rawValue)
    default: []
    }
  }
}
