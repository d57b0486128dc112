/// How the words of a free-text query matched the whole directory (issue 15): per service the
/// sum of its best score for each word, and which words it matched, so that the search can rank
/// the services matching most words first and name the words nothing matched.
struct TextMatch: Sendable {
    var words: [QueryWord]
    /// Per document (snapshot order): the sum over the words of its best score; 0 when no word matched.
    var scores: [Float]
    /// Per document: bit `i` set when word `i` matched. Empty for a one-word query, where a
    /// score above 0 is that word's bit.
    var masks: [UInt32]
    /// Per word: the theme codes it stands for (`SearchSynonyms`).
    var themes: [[String]]
    /// Bit `i` set when word `i` matched any service at all.
    var foundWords: UInt32
}

extension DirectorySnapshot {
    /// A word standing for a theme counts as much as the theme's name in a service's text does
    /// (`ServiceRecord.searchFields`), times the strength of the match (exact or a typo) and the
    /// service's focus on its themes (`themeFocus`).
    static let themeWeight: Float = 2
    /// The share of the weaker of the two that a word matching both a service's text and its theme adds.
    static let bothBonus: Float = 0.25

    /// The query's words matched against the index and the themes' everyday words; nil for a
    /// query without words (the caller then lists everything). Each word walks only its own
    /// matches (`touched`), never the whole directory.
    func textMatch(_ text: String) -> TextMatch? {
        guard !text.isEmpty else { return nil }
        let words = DutchText.queryWords(text)
        guard !words.isEmpty else { return nil }
        let count = services.count
        var scores = [Float](repeating: 0, count: count)
        var masks: [UInt32] = []
        var themes: [[String]] = []
        var touched: [Int32] = []
        if words.count == 1 {
            let found = synonyms.themes(for: words[0].token)
            themes.append(found.map(\.code))
            add(words[0].token, found, into: &scores, touched: &touched)
            return TextMatch(words: words, scores: scores, masks: masks, themes: themes, foundWords: touched.isEmpty ? 0 : 1)
        }
        masks = [UInt32](repeating: 0, count: count)
        var word = [Float](repeating: 0, count: count)
        var foundWords: UInt32 = 0
        for (i, w) in words.enumerated() {
            touched.removeAll(keepingCapacity: true)
            let found = synonyms.themes(for: w.token)
            themes.append(found.map(\.code))
            add(w.token, found, into: &word, touched: &touched)
            let bit = UInt32(1) << UInt32(i)
            if !touched.isEmpty { foundWords |= bit }
            for d in touched {
                let d = Int(d)
                scores[d] += word[d]
                masks[d] |= bit
                word[d] = 0
            }
        }
        return TextMatch(words: words, scores: scores, masks: masks, themes: themes, foundWords: foundWords)
    }

    /// One word's best score per document: its matches in the index, and the services carrying a
    /// theme it stands for.
    private func add(_ token: String, _ themes: [(code: String, strength: Float)], into scores: inout [Float], touched: inout [Int32]) {
        index.accumulate(token, into: &scores, touched: &touched)
        for (code, strength) in themes {
            let boost = Self.themeWeight * strength * (themeIDF[code] ?? 0)
            guard boost > 0, let docs = docsByTheme[code] else { continue }
            scores.withUnsafeMutableBufferPointer { ws in
                themeFocus.withUnsafeBufferPointer { focus in
                    for d in docs {
                        let text = ws[Int(d)], theme = boost * focus[Int(d)]
                        if text == 0 {
                            touched.append(d)
                            ws[Int(d)] = theme
                        } else {
                            // a service that says the word and carries its theme beats one that only carries the theme
                            ws[Int(d)] = max(text, theme) + Self.bothBonus * min(text, theme)
                        }
                    }
                }
            }
        }
    }
}
