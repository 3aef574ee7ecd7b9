extension LocaleData {
  /// Philippine English: Filipino names, English dialogues.
  static let enPH = LocaleData(
    code: "en-PH", country: "PH", currency: "PHP",
    names: NameData(
      male: [
        "Juan", "Jose", "Mark", "John Paul", "Christian", "Ramon", "Miguel", "Angelo", "Carlo", "Paolo", "Rafael", "Nestor",
      ],
      female: [
        "Maria", "Ana", "Kristine", "Jocelyn", "Mary Grace", "Liza", "Rowena", "Angelica", "Camille", "Divina", "Marites", "Joy",
      ],
      family: [
        "dela Cruz", "Santos", "Reyes", "Bautista", "Garcia", "Mendoza", "Villanueva", "Ramos", "Aquino", "Castillo", "Navarro",
        "Domingo",
      ]),
    greetings: englishGreetings, collection: englishCollection, marketing: englishMarketing, ecommerce: englishEcommerce)
}
