import Scenario
import Support

/// Callee names per locale, and the awkward names edge-case scenarios ask for.
package struct NameBook: Sendable {
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
    uppercase = scene == .collection && locale != .chinese
    switch locale {
    case .indonesian:
      male = [
        "Budi", "Agus", "Andi", "Joko", "Rizky", "Hendra", "Fajar", "Wahyu", "Dedi", "Eko", "Bambang", "Yusuf", "Arif", "Dimas",
        "Rudi", "Teguh",
      ]
      female = [
        "Siti", "Dewi", "Putri", "Sri", "Ayu", "Rina", "Indah", "Nur", "Wulan", "Fitri", "Lestari", "Ratna", "Maya", "Intan",
        "Yuni", "Sari",
      ]
      family = [
        "Santoso", "Wijaya", "Pratama", "Saputra", "Hidayat", "Kusuma", "Nugroho", "Siregar", "Lubis", "Harahap", "Setiawan",
        "Gunawan", "Sihombing", "Susanto", "Permana", "Halim",
      ]
      familyFirst = false
    case .filipinoEnglish:
      male = [
        "Juan", "Jose", "Mark", "John Paul", "Christian", "Ramon", "Miguel", "Angelo", "Carlo", "Paolo", "Rafael", "Nestor",
      ]
      female = [
        "Maria", "Ana", "Kristine", "Jocelyn", "Mary Grace", "Liza", "Rowena", "Angelica", "Camille", "Divina", "Marites", "Joy",
      ]
      family = [
        "dela Cruz", "Santos", "Reyes", "Bautista", "Garcia", "Mendoza", "Villanueva", "Ramos", "Aquino", "Castillo", "Navarro",
        "Domingo",
      ]
      familyFirst = false
    case .english:
      male = [
        "James", "John", "Robert", "Michael", "William", "David", "Richard", "Joseph", "Thomas", "Daniel", "Matthew", "Anthony",
      ]
      female = [
        "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah", "Karen", "Nancy", "Emily",
      ]
      family = [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor", "Thomas", "Moore",
      ]
      familyFirst = false
    case .chinese:
      male = ["伟", "强", "磊", "洋", "勇", "军", "杰", "涛", "明", "超", "刚", "平"]
      female = ["芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "玲", "婷", "雪", "慧"]
      family = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙"]
      familyFirst = true
    }
    let (family, familyFirst, uppercase) = (family, familyFirst, uppercase)
    fullNames = [male, female].map { givens in
      givens.map { given in
        family.map { last in
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
    let last = rng.int(in: 0...(family.count - 1))
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
