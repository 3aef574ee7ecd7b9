/// A binary min-heap: the dialer's calls in progress by end time, and workflows by next
/// send time.
struct MinHeap<Element: Comparable> {
  private(set) var elements: [Element] = []

  var isEmpty: Bool { elements.isEmpty }
  var count: Int { elements.count }
  var min: Element? { elements.first }

  /// Sifts through a hole (each step one move, not a swap) in the array's own buffer: no
  /// uniqueness or bounds check per step. Keys are distinct, so the order is the heap's.
  mutating func push(_ element: Element) {
    elements.append(element)
    elements.withUnsafeMutableBufferPointer { heap in
      var child = heap.count - 1
      while child > 0 {
        let parent = (child - 1) / 2
        guard element < heap[parent] else { break }
        heap[child] = heap[parent]
        child = parent
      }
      heap[child] = element
    }
  }

  mutating func popMin() -> Element? {
    guard let last = elements.popLast() else { return nil }
    if elements.isEmpty { return last }
    return elements.withUnsafeMutableBufferPointer { heap in
      let smallest = heap[0]
      let count = heap.count
      var parent = 0
      while true {
        var child = 2 * parent + 1
        if child >= count { break }
        if child + 1 < count && heap[child + 1] < heap[child] { child += 1 }
        guard heap[child] < last else { break }
        heap[parent] = heap[child]
        parent = child
      }
      heap[parent] = last
      return smallest
    }
  }
}
