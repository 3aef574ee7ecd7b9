/// "Did you mean" for misspelt keys and flags.
package enum Suggestion {
  /// The candidate nearest to `word` by edit distance (ignoring case), if it is close enough
  /// to be a plausible typo.
  package static func closest(to word: String, among candidates: [String]) -> String? {
    let target = Array(word.lowercased())
    var best: (String, Int)?
    for candidate in candidates {
      let distance = editDistance(target, Array(candidate.lowercased()))
      if distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
    }
    guard let best, best.1 <= max(2, target.count / 3) else { return nil }
    return best.0
  }

  /// `unknown key "scen"; did you mean "scene"?`, or the list of what is allowed when nothing
  /// is close: the one wording for misspelt keys, names and values.
  package static func unknown(_ what: String, _ name: String, among candidates: [String]) -> String {
    if let suggestion = closest(to: name, among: candidates) {
      return "unknown \(what) \"\(name)\"; did you mean \"\(suggestion)\"?"
    }
    return "unknown \(what) \"\(name)\"; expected one of: \(candidates.joined(separator: ", "))"
  }

  static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
