import Foundation

/// "Leren van elkaar": the library of practice examples and how it is searched.
enum PracticeLibrary {
    struct Query: Sendable, Equatable {
        var text = ""
        var theme: String?
        var phase: String?
        var intervention: String?
        var municipality: String?

        var isEmpty: Bool { text.isEmpty && theme == nil && phase == nil && intervention == nil && municipality == nil }
    }

    /// Entries matching every filter; free text matches when every word occurs in the title,
    /// summary, tags, source or municipality names (case and accents ignored). Sorted by title.
    static func search(_ entries: [PracticeExampleEntry], _ q: Query, municipalityNames: [String: String]) -> [PracticeExampleEntry] {
        let words = DutchFold.fold(q.text).split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        return entries.filter { e in
            if let t = q.theme, !e.themes.contains(t) { return false }
            if let p = q.phase, !e.phases.contains(p) { return false }
            if let i = q.intervention, !e.interventions.contains(i) { return false }
            if let m = q.municipality, !e.municipalityCodes.contains(m) { return false }
            guard !words.isEmpty else { return true }
            let haystack = DutchFold.fold(searchText(e, municipalityNames: municipalityNames))
            return words.allSatisfy { haystack.contains($0) }
        }
        .sorted { $0.title.localizedCompare($1.title) == .orderedAscending }
    }

    static func searchText(_ e: PracticeExampleEntry, municipalityNames: [String: String]) -> String {
        var parts = [e.title, e.summary, e.sourceTitle, e.sourcePublisher]
        parts += e.municipalityCodes.compactMap { municipalityNames[$0] }
        parts += e.themes.compactMap { Term.find(.thema, $0) }.flatMap { [$0.name, $0.englishName] + $0.synonyms }
        parts += e.phases.compactMap { Term.find(.fase, $0) }.flatMap { [$0.name, $0.englishName] + $0.synonyms }
        parts += e.interventions.compactMap { PracticeIntervention.byCode[$0] }.flatMap { [$0.name, $0.englishName] }
        return parts.joined(separator: " ")
    }

    static let allPhases = Term.phases.map(\.code)
    static let pregnancyToOne = ["zwangerschap-t1", "zwangerschap-t2", "zwangerschap-t3", "kraamtijd", "0-1"]

    /// The five source documents of the programme, summarised in our own words (B1, no names).
    static let sources: [PracticeExampleEntry] = [
        PracticeExampleEntry(
            slug: "zeist-van-mdo-naar-coalitie",
            title: "Zeist: van MDO naar een coalitie met vijf ambities",
            summary: "In Zeist werkten de verloskundigenpraktijk, de GGD, de jeugdgezondheidszorg en het CJG al samen in een multidisciplinair overleg (MDO) over gezinnen en aanstaande ouders. Dat overleg werd het startpunt van de coalitie. De kerncoalitie, met ook een welzijnsorganisatie en informele zorg, heeft vijf ambities voor, tijdens en na de zwangerschap. In de pilot Start Kansrijk volgen aanstaande moeders in een kwetsbare situatie eerst een online zwangerengroep, gebaseerd op Centering Pregnancy. Na de bevalling gaat die verder als moedergroep. Een vrijwilliger kan 1000 dagen met een gezin meelopen, bijvoorbeeld bij geldzaken en toeslagen. De gemeente betaalt een netwerkcoördinator, die samen met de beleidsadviseur de coalitie aanjaagt. De kerncoalitie komt vier of vijf keer per jaar bij elkaar, de managers twee keer per jaar. Nieuw zijn vadergroepen, ook met vaders uit het asielzoekerscentrum.",
            sourceTitle: "Hoe is het nu met… de coalitie Kansrijke Start in Zeist",
            sourcePublisher: "Praktijkvoorbeeld Kansrijke Start",
            sourceDate: "niet vermeld (na de evaluatie van najaar 2023)",
            municipalityCodes: ["GM0355"],
            phases: ["zwangerschap-t1", "zwangerschap-t2", "zwangerschap-t3", "kraamtijd", "0-1", "1-2"],
            themes: ["eenzaamheid", "opvoeding", "financien", "taal", "asiel"],
            interventions: ["mdo", "centering", "online-groep", "ouder-groepen", "vrijwilliger-1000-dagen", "voorzorg", "stevig-ouderschap", "coalitie-opbouw"]),
        PracticeExampleEntry(
            slug: "voortgangsrapportage-juli-2020",
            title: "Derde voortgangsrapportage: 275 gemeenten bouwen aan een coalitie",
            summary: "In juli 2020 beschreef het ministerie van VWS de voortgang van Kansrijke Start. In 275 gemeenten werd gewerkt aan een lokale coalitie: 98 in de eerste, 49 in de tweede en 128 in de derde tranche. Gemeenten kregen een financiële impuls per inwoner. GIDS-gemeenten kregen een aanvulling tot minstens hetzelfde bedrag per inwoner. Nu Niet Zwanger liep in 124 gemeenten. De rapportage geeft ook voorbeelden. In 's-Hertogenbosch stuurde de coalitie in de coronatijd één gezamenlijke brief aan alle zwangeren en startte een online groep. Delft ontwikkelde KASTO: een vaste begeleider die de weg kent in zorg en sociaal domein. Apeldoorn maakte een escalatieladder, zodat de kraamzorg langer kan blijven als een gezin dat nodig heeft. Helmond begon met routepaden en Nu Niet Zwanger. In Geldrop-Mierlo verwijzen verloskundigen ouders naar OuderWijzer.",
            sourceTitle: "Kansrijke Start: derde voortgangsrapportage",
            sourcePublisher: "Ministerie van Volksgezondheid, Welzijn en Sport",
            sourceDate: "juli 2020",
            municipalityCodes: ["GM0796", "GM0503", "GM0200", "GM0794", "GM1771"],
            phases: ["kinderwens"] + pregnancyToOne,
            themes: ["anticonceptie", "financien", "huiselijk-geweld", "psychische-gezondheid", "eenzaamheid", "opvoeding"],
            interventions: ["nu-niet-zwanger", "kasto", "escalatieladder", "pop-poli", "voorzorg", "centering", "ouderwijzer", "online-groep",
                            "schuldhulp", "klantroute", "stevig-ouderschap", "bobp", "video-hometraining", "home-start"]),
        PracticeExampleEntry(
            slug: "utrecht-eerst-luisteren-naar-moeders",
            title: "Regio Utrecht: eerst luisteren naar moeders",
            summary: "In de regio Utrecht wilde een werkgroep van de GGD, de gemeente Utrecht en een organisatie voor procesbegeleiding weten hoe je in de eerste 1000 dagen een positief verschil maakt. De werkgroep hield 40 interviews, waarvan 14 met (aanstaande) moeders. Verloskundigen, kraamzorg en JGZ legden het eerste contact. Vooral alleenstaande moeders en moeders in een kwetsbare situatie deden mee. Uit de gesprekken kwamen tien thema's, zoals andere ouders ontmoeten, een band opbouwen met je kind en de rol van schaamte en vertrouwen. In een werkbijeenkomst bespraken professionals twee vragen: wat doe ik morgen anders, en wat doen we samen anders? Daaruit kwamen pilots, zoals de werkgroep 'Veilig gehecht'. De tips: praat ook met jonge vaders, begin met doen en stuur onderweg bij.",
            sourceTitle: "Utrecht in gesprek over een kansrijke start",
            sourcePublisher: "Praktijkvoorbeeld Kansrijke Start",
            sourceDate: "niet vermeld (2023 of later)",
            municipalityCodes: ["GM0344"],
            phases: pregnancyToOne,
            themes: ["eenzaamheid", "opvoeding", "psychische-gezondheid"],
            interventions: ["ouders-betrekken", "coalitie-opbouw"]),
        PracticeExampleEntry(
            slug: "coalitie-opbouwen-in-zes-stappen",
            title: "Een coalitie opbouwen in zes stappen",
            summary: "Een adviesbureau voor gemeenten beschrijft hoe het Kansrijke Start aanpakt, onder meer in Hendrik-Ido-Ambacht, waar een lokale coalitie wordt gevormd. De eerste 1000 dagen zijn belangrijk: stress door schulden, ruzie, slechte huisvesting of een scheiding kan een kind lang raken. Kleine stappen helpen al, zoals niet roken in de zwangerschap en voorlichting over borstvoeding. Het bureau werkt met een stappenplan, mede gebaseerd op onderzoek van TNO: zoek de feiten en cijfers van de gemeente op, vorm een coalitie, kies een gezamenlijke ambitie, bepaal doelen, beschrijf de maatschappelijke resultaten en kies dan de interventies. Kind en gezin staan centraal. Het plan kijkt naar wat bedreigt en wat beschermt, voor, tijdens en na de zwangerschap, en naar hoe de aanpak past in de hele gemeentelijke organisatie.",
            sourceTitle: "Kansrijke start: de meest zuivere vorm van preventie",
            sourcePublisher: "BMC (adviesbureau)",
            sourceDate: "6 januari 2021",
            municipalityCodes: ["GM0531"],
            phases: allPhases,
            themes: ["leefstijl", "financien", "wonen", "relatie", "opvoeding"],
            interventions: ["coalitie-opbouw"]),
        PracticeExampleEntry(
            slug: "borsele-samen-iets-concreets",
            title: "Borsele: samen werken aan iets concreets",
            summary: "Borsele werkt sinds 2021 met partners aan Kansrijke Start. Na een startbijeenkomst kozen de partners twee speerpunten: problemen vroeg zien en op tijd passende steun geven, en een aanbod dat past en op elkaar aansluit. Twee werkgroepen werkten die uit. Elkaar leren kennen was de basis: eerst luisteren, dan samen iets doen. Er is een binnenkring van actieve partners en een buitenkring die elk half jaar aansluit. Het CJG en de gemeente trekken de coalitie samen, vanuit de inhoud en vanuit beleid. Begin 2022 tekenden de bestuurders een intentieverklaring. Een werkgroep maakte een digitale klantroute met al het aanbod in de gemeente. In een MDO bespreken professionals samen casussen. Nu werkt de coalitie aan steun bij armoede en schulden, bijvoorbeeld met een infokaart of een zorgpad.",
            sourceTitle: "Hoe is het nu met… de coalitie Kansrijke Start in Borsele?",
            sourcePublisher: "Praktijkvoorbeeld Kansrijke Start",
            sourceDate: "niet vermeld (2022 of later)",
            municipalityCodes: ["GM0654"],
            phases: pregnancyToOne,
            themes: ["financien", "psychische-gezondheid", "medisch"],
            interventions: ["mdo", "klantroute", "pop-poli", "schuldhulp", "coalitie-opbouw"]),
    ]
}
