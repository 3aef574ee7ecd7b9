/// A first-in-first-out queue: tasks waiting for a slot, a lane or a lock, and the dialer's
/// redials. A head index instead of `removeFirst`'s shift of every element behind it; the
/// storage is reset when the queue drains and compacted once the head passes half of it.
/// Public and inlinable, so that each target specializes it for its elements: called as a
/// generic from the other modules, every call looked its type's metadata up at run time (as
/// measured once it moved here from Delivery), and this toolchain does not make a `package`
/// declaration's inlinable body available to other modules.
public struct FIFOQueue<Element> {
  @usableFromInline var elements: [Element]
  @usableFromInline var head: Int

  @inlinable public init() {
    elements = []
    head = 0
  }

  @inlinable public var count: Int { elements.count - head }
  @inlinable public var isEmpty: Bool { head == elements.count }
  /// The oldest element, left in the queue.
  @inlinable public var first: Element? { head < elements.count ? elements[head] : nil }
  /// The newest element, left in the queue.
  @inlinable public var last: Element? { head < elements.count ? elements.last : nil }

  @inlinable public mutating func append(_ element: Element) {
    elements.append(element)
  }

  /// The oldest element, taken out of the queue.
  @inlinable public mutating func popFirst() -> Element? {
    guard head < elements.count else { return nil }
    let next = elements[head]
    head += 1
    if head == elements.count {
      elements.removeAll(keepingCapacity: true)
      head = 0
    } else if head > 1024 && head * 2 > elements.count {
      elements.removeFirst(head)
      head = 0
    }
    return next
  }

  /// Every element, in order, leaving the queue empty.
  @inlinable public mutating func removeAll() -> ArraySlice<Element> {
    let rest = elements[head...]
    elements = []
    head = 0
    return rest
  }
}
