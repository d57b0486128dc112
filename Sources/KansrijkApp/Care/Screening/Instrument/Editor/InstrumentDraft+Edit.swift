import Foundation

/// The form's buttons other than saving: add, remove and move domains, questions and answers.
/// Each button posts `op` as `verb-kind:place`, e.g. `up-question:2:0` or `add-option:0:3`.
extension InstrumentDraft {
    enum Kind: String, Sendable { case domain, question, option }
    enum Verb: String, Sendable { case add, remove, up, down }

    struct Edit: Sendable, Equatable {
        var verb: Verb
        var kind: Kind
        /// Domain, question and answer numbers; `add` names the parent only.
        var place: [Int]

        init?(_ raw: String) {
            let halves = raw.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            let words = halves[0].split(separator: "-", maxSplits: 1)
            guard words.count == 2, let verb = Verb(rawValue: String(words[0])), let kind = Kind(rawValue: String(words[1])) else { return nil }
            let numbers = halves.count == 2 ? halves[1].split(separator: ":").map { Int($0) } : []
            guard numbers.allSatisfy({ $0 != nil }) else { return nil }
            let place = numbers.compactMap { $0 }
            let depth = (kind == .domain ? 1 : kind == .question ? 2 : 3) - (verb == .add ? 1 : 0)
            guard place.count == depth else { return nil }
            self.verb = verb
            self.kind = kind
            self.place = place
        }

        var value: String { "\(verb.rawValue)-\(kind.rawValue)" + place.map { ":\($0)" }.joined() }
    }

    /// Applies a button; returns the field name to put the focus on afterwards, or nil when the place
    /// does not exist (a stale form) and nothing changed.
    mutating func apply(_ edit: Edit) -> String? {
        let p = edit.place
        switch (edit.kind, edit.verb) {
        case (.domain, .add):
            domains.append(Domain(code: uniqueCode("domein", taken: Set(domains.map(\.code)))))
            return "d.\(domains.count - 1).title"
        case (.domain, let verb):
            guard let moved = Self.change(&domains, at: p[0], verb) else { return nil }
            return moved.map { "d.\($0).title" } ?? (domains.isEmpty ? "add-domain" : "d.\(min(p[0], domains.count - 1)).title")
        case (.question, .add):
            guard domains.indices.contains(p[0]) else { return nil }
            let taken = Set(domains.flatMap(\.questions).map(\.code))
            domains[p[0]].questions.append(Question(code: uniqueCode("vraag", taken: taken), options: [
                Option(code: "ja", label: "Ja", factor: "risk", weight: "1"), Option(code: "nee", label: "Nee", factor: "neutral", weight: "0")]))
            return "d.\(p[0]).q.\(domains[p[0]].questions.count - 1).text"
        case (.question, let verb):
            guard domains.indices.contains(p[0]), let moved = Self.change(&domains[p[0]].questions, at: p[1], verb) else { return nil }
            let left = domains[p[0]].questions.count
            return moved.map { "d.\(p[0]).q.\($0).text" } ?? (left == 0 ? "add-question-\(p[0])" : "d.\(p[0]).q.\(min(p[1], left - 1)).text")
        case (.option, .add):
            guard domains.indices.contains(p[0]), domains[p[0]].questions.indices.contains(p[1]) else { return nil }
            let taken = Set(domains[p[0]].questions[p[1]].options.map(\.code))
            domains[p[0]].questions[p[1]].options.append(Option(code: uniqueCode("antwoord", taken: taken)))
            return "d.\(p[0]).q.\(p[1]).o.\(domains[p[0]].questions[p[1]].options.count - 1).label"
        case (.option, let verb):
            guard domains.indices.contains(p[0]), domains[p[0]].questions.indices.contains(p[1]),
                  let moved = Self.change(&domains[p[0]].questions[p[1]].options, at: p[2], verb) else { return nil }
            let left = domains[p[0]].questions[p[1]].options.count
            return moved.map { "d.\(p[0]).q.\(p[1]).o.\($0).label" }
                ?? (left == 0 ? "add-option-\(p[0])-\(p[1])" : "d.\(p[0]).q.\(p[1]).o.\(min(p[2], left - 1)).label")
        }
    }

    /// Removes or moves one item. Nil when the place does not exist; `.some(nil)` after a removal;
    /// `.some(new place)` after a move (a move past either end leaves the item where it is).
    private static func change<T>(_ items: inout [T], at index: Int, _ verb: Verb) -> Int?? {
        guard items.indices.contains(index) else { return nil }
        switch verb {
        case .remove:
            items.remove(at: index)
            return .some(nil)
        case .up, .down:
            let target = verb == .up ? index - 1 : index + 1
            guard items.indices.contains(target) else { return .some(index) }
            items.swapAt(index, target)
            return .some(target)
        case .add:
            return nil
        }
    }

    /// `stem-N` with the first N from the count up that is not taken.
    private func uniqueCode(_ stem: String, taken: Set<String>) -> String {
        var n = taken.count + 1
        while taken.contains("\(stem)-\(n)") { n += 1 }
        return "\(stem)-\(n)"
    }
}
