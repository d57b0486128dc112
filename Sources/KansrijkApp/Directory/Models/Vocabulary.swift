import Crypto
import Foundation

/// The product's own taxonomies, attached to services as HSDS attributes. HSDS has no notion
/// of pregnancy phase, so phase, theme (need), target group and evidence live here.
enum Vocabulary: String, CaseIterable, Sendable, Codable {
    case fase, thema, doelgroep, bewijs

    var name: String {
        switch self {
        case .fase: "Fase (eerste 1000 dagen)"
        case .thema: "Thema of hulpvraag"
        case .doelgroep: "Doelgroep"
        case .bewijs: "Onderbouwing"
        }
    }

    var englishName: String {
        switch self {
        case .fase: "Phase (first 1000 days)"
        case .thema: "Theme or need"
        case .doelgroep: "Target group"
        case .bewijs: "Evidence"
        }
    }

    var description: String {
        switch self {
        case .fase: "De fase van de eerste 1000 dagen waarin het aanbod helpt, van kinderwens tot 2 jaar."
        case .thema: "Het thema of de hulpvraag waar het aanbod bij helpt."
        case .doelgroep: "Voor wie het aanbod bedoeld is."
        case .bewijs: "Hoe goed de werkzaamheid is onderbouwd, zoals beoordeeld in de databanken effectieve interventies."
        }
    }

    /// Stable id, the same on every installation, so exports from two regions line up.
    var id: UUID { StableID.make("taxonomy:\(rawValue)") }

    var terms: [Term] { Term.all.filter { $0.vocabulary == self } }
}

/// One term of a vocabulary (`fase:kraamtijd`, `thema:financien`...).
struct Term: Sendable, Hashable, Codable {
    var vocabulary: Vocabulary
    var code: String
    var name: String
    var englishName: String
    /// Extra words people use for it, so search finds the theme by them.
    var synonyms: [String] = []

    var key: String { "\(vocabulary.rawValue):\(code)" }
    var id: UUID { StableID.make("term:\(key)") }

    static let phases: [Term] = [
        Term(vocabulary: .fase, code: "kinderwens", name: "Kinderwens (voor de zwangerschap)", englishName: "Wish for a child (before pregnancy)", synonyms: ["preconceptie", "zwanger worden"]),
        Term(vocabulary: .fase, code: "zwangerschap-t1", name: "Zwangerschap, 1e trimester", englishName: "Pregnancy, 1st trimester", synonyms: ["zwanger", "zwangerschap"]),
        Term(vocabulary: .fase, code: "zwangerschap-t2", name: "Zwangerschap, 2e trimester", englishName: "Pregnancy, 2nd trimester", synonyms: ["zwanger", "zwangerschap"]),
        Term(vocabulary: .fase, code: "zwangerschap-t3", name: "Zwangerschap, 3e trimester", englishName: "Pregnancy, 3rd trimester", synonyms: ["zwanger", "zwangerschap", "bevalling"]),
        Term(vocabulary: .fase, code: "kraamtijd", name: "Rond de geboorte en kraamtijd", englishName: "Birth and maternity period", synonyms: ["geboorte", "bevalling", "kraamweek", "kraamzorg"]),
        Term(vocabulary: .fase, code: "0-1", name: "Na de geboorte: 0 tot 1 jaar", englishName: "After birth: 0 to 1 year", synonyms: ["baby", "zuigeling"]),
        Term(vocabulary: .fase, code: "1-2", name: "Na de geboorte: 1 tot 2 jaar", englishName: "After birth: 1 to 2 years", synonyms: ["peuter", "dreumes"]),
    ]

    static let themes: [Term] = [
        Term(vocabulary: .thema, code: "financien", name: "Financiën en schulden", englishName: "Money and debts", synonyms: ["geld", "schuld", "armoede", "inkomen", "budget"]),
        Term(vocabulary: .thema, code: "wonen", name: "Wonen", englishName: "Housing", synonyms: ["huisvesting", "woning", "dakloos"]),
        Term(vocabulary: .thema, code: "psychische-gezondheid", name: "Psychische gezondheid", englishName: "Mental health", synonyms: ["depressie", "angst", "stress", "ggz", "somber"]),
        Term(vocabulary: .thema, code: "verslaving", name: "Verslaving", englishName: "Addiction", synonyms: ["alcohol", "drugs", "middelengebruik"]),
        Term(vocabulary: .thema, code: "huiselijk-geweld", name: "Huiselijk geweld en veiligheid", englishName: "Domestic violence and safety", synonyms: ["geweld", "mishandeling", "veiligheid", "veilig thuis"]),
        Term(vocabulary: .thema, code: "relatie", name: "Relatie", englishName: "Relationship", synonyms: ["partner", "scheiding", "ruzie"]),
        Term(vocabulary: .thema, code: "eenzaamheid", name: "Eenzaamheid en netwerk", englishName: "Loneliness and social network", synonyms: ["eenzaam", "netwerk", "steun", "contact"]),
        Term(vocabulary: .thema, code: "taal", name: "Taal en gezondheidsvaardigheden", englishName: "Language and health literacy", synonyms: ["laaggeletterd", "lezen", "taalles", "begrijpen"]),
        Term(vocabulary: .thema, code: "opvoeding", name: "Opvoeding en hechting", englishName: "Parenting and attachment", synonyms: ["ouderschap", "opvoedondersteuning", "hechting"]),
        Term(vocabulary: .thema, code: "leefstijl", name: "Leefstijl en roken", englishName: "Lifestyle and smoking", synonyms: ["roken", "stoppen", "voeding", "bewegen", "gewicht"]),
        Term(vocabulary: .thema, code: "anticonceptie", name: "Anticonceptie en kinderwens", englishName: "Contraception and wish for a child", synonyms: ["anticonceptie", "nu niet zwanger", "kinderwens"]),
        Term(vocabulary: .thema, code: "asiel", name: "Asiel en statushouders", englishName: "Asylum and status holders", synonyms: ["vluchteling", "nieuwkomer", "azc", "statushouder"]),
        Term(vocabulary: .thema, code: "jonge-ouders", name: "Jonge ouders", englishName: "Young parents", synonyms: ["tienermoeder", "tienerouder", "jong"]),
        Term(vocabulary: .thema, code: "lvb", name: "Licht verstandelijke beperking", englishName: "Mild intellectual disability", synonyms: ["lvb", "beperking"]),
        Term(vocabulary: .thema, code: "medisch", name: "Medische zorg", englishName: "Medical care", synonyms: ["verloskundige", "arts", "ziekenhuis", "controle"]),
    ]

    static let targetGroups: [Term] = [
        Term(vocabulary: .doelgroep, code: "alle-ouders", name: "Alle (aanstaande) ouders", englishName: "All (expecting) parents"),
        Term(vocabulary: .doelgroep, code: "kwetsbare-zwangeren", name: "Kwetsbare zwangeren", englishName: "Vulnerable pregnant women"),
        Term(vocabulary: .doelgroep, code: "moeders", name: "Moeders", englishName: "Mothers"),
        Term(vocabulary: .doelgroep, code: "vaders", name: "Vaders", englishName: "Fathers", synonyms: ["papa", "vader"]),
        Term(vocabulary: .doelgroep, code: "jonge-ouders", name: "Jonge ouders (tot 25 jaar)", englishName: "Young parents (under 25)"),
        Term(vocabulary: .doelgroep, code: "eerste-kind", name: "Ouders van een eerste kind", englishName: "First-time parents"),
        Term(vocabulary: .doelgroep, code: "nieuwkomers", name: "Statushouders en nieuwkomers", englishName: "Status holders and newcomers"),
        Term(vocabulary: .doelgroep, code: "laaggeletterd", name: "Laaggeletterde ouders", englishName: "Parents with low literacy"),
        Term(vocabulary: .doelgroep, code: "lvb", name: "Ouders met een licht verstandelijke beperking", englishName: "Parents with a mild intellectual disability"),
        Term(vocabulary: .doelgroep, code: "professionals", name: "Professionals", englishName: "Professionals"),
    ]

    static let evidence: [Term] = [
        Term(vocabulary: .bewijs, code: "niet-beoordeeld", name: "Niet beoordeeld", englishName: "Not assessed"),
        Term(vocabulary: .bewijs, code: "goed-onderbouwd", name: "Erkend: goed onderbouwd", englishName: "Recognised: well-founded"),
        Term(vocabulary: .bewijs, code: "eerste-aanwijzingen", name: "Erkend: effectief volgens eerste aanwijzingen", englishName: "Recognised: effective, first indications"),
        Term(vocabulary: .bewijs, code: "goede-aanwijzingen", name: "Erkend: effectief volgens goede aanwijzingen", englishName: "Recognised: effective, good indications"),
        Term(vocabulary: .bewijs, code: "sterke-aanwijzingen", name: "Erkend: effectief volgens sterke aanwijzingen", englishName: "Recognised: effective, strong indications"),
    ]

    static let all: [Term] = phases + themes + targetGroups + evidence
    static let byKey: [String: Term] = Dictionary(uniqueKeysWithValues: all.map { ($0.key, $0) })
    static let byID: [UUID: Term] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })

    static func find(_ vocabulary: Vocabulary, _ code: String) -> Term? { byKey["\(vocabulary.rawValue):\(code)"] }

    /// One bit per term of our vocabularies (37 terms fit a UInt64), for fast filtering.
    var bit: UInt64 { Term.bits[key] ?? 0 }
    private static let bits: [String: UInt64] = Dictionary(uniqueKeysWithValues: all.enumerated().map { ($1.key, UInt64(1) << UInt64($0)) })

    /// Position of a phase in the first 1000 days; pathways and matrices follow this order.
    var phaseOrder: Int { Term.phases.firstIndex(of: self) ?? Int.max }

    func label(english: Bool) -> String { english ? englishName : name }
}

/// Name-based UUIDs (version 5 layout over SHA-1), so reference rows have the same id everywhere.
enum StableID {
    static func make(_ name: String) -> UUID {
        let namespace = "kansrijk.nl/"
        var bytes = Array(Insecure.SHA1.hash(data: Data((namespace + name).utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}

/// Languages a service can be offered in (ISO 639 codes), with their Dutch names.
enum LanguageCatalog {
    static let names: [(code: String, name: String, english: String)] = [
        ("nl", "Nederlands", "Dutch"), ("en", "Engels", "English"), ("ar", "Arabisch", "Arabic"),
        ("tr", "Turks", "Turkish"), ("ber", "Tamazight (Berbers)", "Tamazight (Berber)"), ("ti", "Tigrinya", "Tigrinya"),
        ("pl", "Pools", "Polish"), ("uk", "Oekraïens", "Ukrainian"), ("so", "Somalisch", "Somali"),
        ("fa", "Farsi", "Persian"), ("pap", "Papiaments", "Papiamento"), ("fy", "Fries", "Frisian"),
        ("de", "Duits", "German"), ("es", "Spaans", "Spanish"), ("fr", "Frans", "French"),
    ]
    static let byCode: [String: (name: String, english: String)] =
        Dictionary(uniqueKeysWithValues: names.map { ($0.code, ($0.name, $0.english)) })

    /// One bit per catalogue language; 0 for a code outside the catalogue.
    static func bit(_ code: String) -> UInt32 { bits[code] ?? 0 }
    private static let bits: [String: UInt32] = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1.code, UInt32(1) << UInt32($0)) })

    static func name(_ code: String, english: Bool = false) -> String {
        guard let n = byCode[code] else { return code }
        return english ? n.english : n.name
    }
}
