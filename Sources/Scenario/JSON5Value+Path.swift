/// Following a decoding error's coding path into the tree: to say where the value is, and to
/// take it out so that the next decoding pass can find the next problem.
extension JSON5Value {
  /// One step from a value into a member or an element.
  enum Step: Equatable, Sendable {
    case key(String)
    case index(Int)
  }

  /// Where a coding path leads.
  struct Location: Sendable {
    /// The whole path, also past what the tree holds (a missing key).
    var path: [Step]
    /// The part of `path` that the tree holds.
    var found: [Step]
    /// The key of the deepest member found (a member is shown by its key), or the deepest
    /// element found, or the root.
    var position: SourcePosition
  }

  func locate(_ codingPath: [any CodingKey]) -> Location {
    var location = Location(path: [], found: [], position: position)
    var node: JSON5Value? = self
    for key in codingPath {
      switch node?.kind {
      case .object(let object):
        let member = object[key.stringValue]
        location.path.append(.key(key.stringValue))
        if let member {
          location.found.append(.key(key.stringValue))
          location.position = member.keyPosition
        }
        node = member?.value
      case .array(let elements) where key.intValue.map(elements.indices.contains) == true:
        let index = key.intValue!
        location.path.append(.index(index))
        location.found.append(.index(index))
        location.position = elements[index].position
        node = elements[index]
      default:
        // Past the tree: positions are array indices only as decoders name them.
        let isIndex = key.intValue.map { key.stringValue == String($0) || key.stringValue == "Index \($0)" } ?? false
        location.path.append(isIndex ? .index(key.intValue!) : .key(key.stringValue))
        node = nil
      }
    }
    return location
  }

  /// `dialer.ringTypeWeights.busy`, `robot.labels[2]`.
  static func render(_ steps: [Step]) -> String {
    var text = ""
    for step in steps {
      switch step {
      case .key(let key): text += text.isEmpty ? key : "." + key
      case .index(let index): text += "[\(index)]"
      }
    }
    return text
  }

  /// Removes the member that `steps` ends in, so that its default applies. A trailing element
  /// takes its whole array with it (removing one element would renumber the others and
  /// change the count). Returns the path of the member taken out; nil when there is none (the
  /// root).
  mutating func removeMember(at steps: [Step]) -> [Step]? {
    var steps = steps[...]
    while case .index = steps.last { steps.removeLast() }
    guard case .key(let key) = steps.last else { return nil }
    removeMember(key, under: steps.dropLast())
    return Array(steps)
  }

  private mutating func removeMember(_ key: String, under parent: ArraySlice<Step>) {
    switch (kind, parent.first) {
    case (.object(var object), nil):
      object.removeValue(forKey: key)
      kind = .object(object)
    case (.object(var object), .key(let name)?):
      guard var child = object[name]?.value else { return }
      child.removeMember(key, under: parent.dropFirst())
      object.updateValue(child, forKey: name)
      kind = .object(object)
    case (.array(var elements), .index(let index)?) where elements.indices.contains(index):
      elements[index].removeMember(key, under: parent.dropFirst())
      kind = .array(elements)
    default:
      return
    }
  }
}
