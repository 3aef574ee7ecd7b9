/// Every case, in the order they run: payload shapes, delivery semantics, answer discipline,
/// security.
package enum Battery {
  package static let all: [CheckCase] = shapes + moreShapes + delivery + answer + security

  /// The case with this id.
  package static func named(_ id: String) -> CheckCase? {
    all.first { $0.id == id }
  }

  /// The page's words the shape cases rest on.
  static let pageTimeout = "page: 请在收到数据10s内响应 (answer within 10 s)"
}
