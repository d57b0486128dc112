import Foundation

/// Looks for names left in a story before it is stored. Deliberately simple, and said so to the
/// user: it finds (1) capitalised words after a form of address ("mevrouw Jansen", "dhr. De Vries",
/// "familie Bakker") and (2) common first names written with a capital ("Fatima", "Daan").
/// It cannot prove a text is anonymous; it only catches the usual slips.
enum NameWarnings {
    enum Reason: Equatable, Sendable { case afterAddress, firstName }

    struct Finding: Equatable, Sendable {
        var words: String
        var reason: Reason
    }

    static let addresses: Set<String> = ["mevrouw", "meneer", "mevr", "mvr", "mw", "dhr", "heer", "familie", "fam", "juf", "meester"]
    /// Lower-case name particles that may sit between an address and the capitalised surname.
    static let particles: Set<String> = ["van", "de", "der", "den", "ter", "ten", "te", "het", "in", "t", "el", "al"]

    /// Frequent first names in the Netherlands (newborns and parents), the ones stories tend to contain.
    static let firstNames: Set<String> = [
        "Emma", "Julia", "Sophie", "Mila", "Tess", "Sara", "Anna", "Eva", "Noor", "Lisa", "Fleur", "Sanne", "Anouk",
        "Lotte", "Femke", "Laura", "Linda", "Maria", "Fatima", "Aisha", "Amira", "Yasmin", "Samira", "Meryem", "Esra",
        "Zeynep", "Nour", "Hanna", "Lieke", "Marloes", "Esther", "Kim", "Chantal", "Naomi", "Priya", "Olga", "Kateryna",
        "Noah", "Daan", "Sem", "Lucas", "Levi", "Finn", "Luuk", "Milan", "Jesse", "Bram", "Thomas", "Lars", "Tim",
        "Mohammed", "Mohamed", "Ahmed", "Ali", "Omar", "Youssef", "Adam", "Ibrahim", "Mustafa", "Mehmet", "Jan", "Peter",
        "Kees", "Henk", "Mark", "Dennis", "Kevin", "Jeroen", "Martijn", "Sven", "Ruben", "Stijn", "Rik", "Joost",
    ]

    static func check(_ text: String) -> [Finding] {
        let words = tokens(text)
        var findings: [Finding] = []
        func add(_ f: Finding) { if !findings.contains(f) { findings.append(f) } }
        var i = 0
        while i < words.count {
            let word = words[i].text
            if addresses.contains(word.lowercased()) {
                // a name follows until a punctuation mark or a word that is neither capitalised nor a particle
                var j = i + 1
                var name: [String] = []
                while j < words.count, particles.contains(words[j].text.lowercased()) || isCapitalised(words[j].text) {
                    name.append(words[j].text)
                    j += 1
                    if words[j - 1].endsPhrase { break }
                }
                while let last = name.last, !isCapitalised(last) { name.removeLast() }
                if !name.isEmpty {
                    add(Finding(words: word + " " + name.joined(separator: " "), reason: .afterAddress))
                    i = j
                    continue
                }
            }
            if firstNames.contains(word) { add(Finding(words: word, reason: .firstName)) }
            i += 1
        }
        return findings
    }

    struct Token: Equatable { var text: String; var endsPhrase: Bool }

    /// Words of letters (with an inner apostrophe or hyphen), each marked when a punctuation mark
    /// or line break follows it.
    static func tokens(_ text: String) -> [Token] {
        var out: [Token] = []
        var current = ""
        func finish(_ endsPhrase: Bool) {
            let word = current.trimmingCharacters(in: CharacterSet(charactersIn: "-'"))
            if !word.isEmpty { out.append(Token(text: word, endsPhrase: endsPhrase)) }
            current = ""
        }
        for ch in text {
            if ch.isLetter || ((ch == "-" || ch == "'") && !current.isEmpty) { current.append(ch) }
            else if !current.isEmpty { finish(ch.isPunctuation || ch.isNewline) }
            else if (ch.isPunctuation || ch.isNewline), let last = out.indices.last { out[last].endsPhrase = true }
        }
        finish(true)
        return out
    }

    static func isCapitalised(_ word: String) -> Bool {
        guard let first = word.first else { return false }
        return first.isUppercase
    }
}
