import Scenario
import Support

/// Callee names per locale, and the awkward names edge-case scenarios ask for. A class: a
/// name drawn through `GenerationModel.names` takes one reference, not four arrays.
package final class NameBook: Sendable {
  let male: [String]
  let female: [String]
  let family: [String]
  /// Family name first, no space (Chinese).
  let familyFirst: Bool
  /// Collection systems often hold names in capitals, as in the seed's example.
  let uppercase: Bool
  /// Every full name, made once: [female?][given][family].
  private let fullNames: [[[String]]]

  package init(locale: ScenarioLocale, scene: Scene) {
    let data = locale.data.names
    let (male, female, family) = (data.male, data.female, data.family)
    let familyFirst = data.familyFirst
    let uppercase = scene == .collection && data.uppercaseInCollection
    self.male = male
    self.female = female
    self.family = family
    self.familyFirst = familyFirst
    self.uppercase = uppercase
    // Two family names (Spanish): paternal and maternal, different.
    let surnames =
      data.twoFamilyNames
      ? family.flatMap { first in family.filter { $0 != first }.map { first + " " + $0 } } : family
    fullNames = [male, female].map { givens in
      givens.map { given in
        surnames.map { last in
          let full = familyFirst ? last + given : given + " " + last
          return uppercase ? full.uppercased() : full
        }
      }
    }
  }

  /// A name and the `CalleeGender` to go with it.
  package func name(using rng: inout SeededRandom) -> (name: String, gender: String) {
    let isFemale = rng.chance(0.5)
    let given = rng.int(in: 0...((isFemale ? female.count : male.count) - 1))
    let last = rng.int(in: 0...(fullNames[0][0].count - 1))
    return (fullNames[isFemale ? 1 : 0][given][last], isFemale ? "female" : "male")
  }

  /// Names in scripts other than Latin, and one with an emoji.
  package static let nonLatin = [
    "王小明", "李娜", "محمد الأحمد", "سارة خان", "สมชาย ใจดี", "राहुल शर्मा", "Иван Петров", "김민준", "佐藤 花子",
    "Nguyễn Văn An", "Budi 😀 Santoso", "Ζωή Παπαδοπούλου",
  ]

  /// Names whose JSON needs escapes: quotes, backslashes, control characters.
  package static let needingEscapes = [
    "Jo \"JJ\" Smith", "Budi\\Santoso", "Siti\tRahma", "Line\nBreak", "Ctrl\u{01}Char", "O'Brien \"The Rock\"",
  ]

  /// A name of `length` characters, built from the locale's names.
  package func longName(length: Int, using rng: inout SeededRandom) -> String {
    var text = ""
    while text.count < length {
      if !text.isEmpty { text += " " }
      text += name(using: &rng).name
    }
    return String(text.prefix(length))
  }
}
