extension LocaleData {
  /// American English.
  static let enUS = LocaleData(
    code: "en-US", country: "US", currency: "USD",
    names: NameData(
      male: [
        "James", "John", "Robert", "Michael", "William", "David", "Richard", "Joseph", "Thomas", "Daniel", "Matthew", "Anthony",
      ],
      female: [
        "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah", "Karen", "Nancy", "Emily",
      ],
      family: [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor", "Thomas", "Moore",
      ]),
    greetings: englishGreetings, collection: englishCollection, marketing: englishMarketing, ecommerce: englishEcommerce)
}
