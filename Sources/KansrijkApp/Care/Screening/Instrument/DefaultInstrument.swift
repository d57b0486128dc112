import Foundation

/// The instrument shipped with Kansrijk (version 1): the eight R4U domains, questions in plain
/// Dutch inspired by Mind2Care's self-report, and weights chosen as a sensible starting point.
/// A coalition adapts it by making a new version; it is not a validated clinical score.
enum DefaultInstrument {
    typealias D = InstrumentDefinition
    static let title = "Kansrijk signaleren, standaardversie"

    private static func risk(_ code: String, _ label: String, _ weight: Int, urgent: Bool = false, themes: [String]? = nil) -> D.Option {
        D.Option(code: code, label: label, factor: .risk, weight: weight, urgent: urgent, themes: themes)
    }
    private static func protective(_ code: String, _ label: String, _ weight: Int) -> D.Option {
        D.Option(code: code, label: label, factor: .protective, weight: weight)
    }
    private static func neutral(_ code: String, _ label: String) -> D.Option {
        D.Option(code: code, label: label, factor: .neutral, weight: 0)
    }

    static let definition = D(domains: [
        D.Domain(code: "gezinssituatie", title: "Gezinssituatie", themes: ["relatie", "eenzaamheid"], questions: [
            D.Question(code: "steun", text: "Steun van partner, familie of vrienden", parentText: "Heb je mensen om je heen die je helpen als het nodig is?", options: [
                protective("veel", "Ja, genoeg mensen", 2), neutral("soms", "Soms"), risk("niemand", "Nee, eigenlijk niemand", 3, themes: ["eenzaamheid"]),
            ]),
            D.Question(code: "relatie", text: "Relatie met de partner", parentText: "Hoe gaat het tussen jou en je partner?", options: [
                protective("goed", "Goed, we steunen elkaar", 2), neutral("geen-partner", "Ik heb geen partner"),
                risk("spanning", "Er is veel spanning of ruzie", 3, themes: ["relatie"]),
            ]),
            D.Question(code: "veilig", text: "Veiligheid thuis (geweld, dreiging)", parentText: "Voel je je veilig thuis? Is iemand weleens gewelddadig tegen jou of je kinderen?", options: [
                neutral("veilig", "Ik voel me veilig"),
                risk("onveilig", "Ik voel me niet altijd veilig", 5, themes: ["huiselijk-geweld"]),
                risk("geweld", "Ja, er is geweld of dreiging", 10, urgent: true, themes: ["huiselijk-geweld"]),
            ]),
            D.Question(code: "wonen", text: "Woonsituatie", parentText: "Heb je een vaste plek om te wonen?", options: [
                protective("vast", "Ja, een vaste woning", 1), risk("tijdelijk", "Tijdelijk, bij anderen of onzeker", 3, themes: ["wonen"]),
                risk("geen", "Nee", 5, themes: ["wonen"]),
            ]),
        ]),
        D.Domain(code: "werk-en-inkomen", title: "Werk en inkomen", themes: ["financien"], questions: [
            D.Question(code: "rondkomen", text: "Rondkomen met het inkomen", parentText: "Heb je genoeg geld voor eten, huur en de baby?", options: [
                protective("genoeg", "Ja, dat lukt", 2), neutral("krap", "Het is krap, maar het lukt"), risk("niet", "Nee, dat lukt niet", 4),
            ]),
            D.Question(code: "schulden", text: "Schulden of betalingsachterstanden", parentText: "Heb je schulden of rekeningen die je niet kunt betalen?", options: [
                neutral("nee", "Nee"), risk("beetje", "Een beetje, het lukt om af te lossen", 2), risk("veel", "Ja, en het groeit me boven het hoofd", 5),
            ]),
            D.Question(code: "werk", text: "Werk of dagbesteding", parentText: "Heb je werk, studie of iets anders te doen overdag?", options: [
                protective("ja", "Ja", 1), neutral("verlof", "Ik ben met verlof"), risk("nee", "Nee, en ik zoek wel iets", 1),
            ]),
        ]),
        D.Domain(code: "communicatie-en-opleiding", title: "Communicatie en opleiding", themes: ["taal"], questions: [
            D.Question(code: "taal", text: "Begrijpen van Nederlandse informatie", parentText: "Kun je brieven en informatie over de zwangerschap goed lezen en begrijpen?", options: [
                protective("goed", "Ja, goed", 1), risk("soms", "Soms is het moeilijk", 2), risk("moeilijk", "Nee, dat is moeilijk voor mij", 4),
            ]),
            D.Question(code: "hulp-vragen", text: "Hulp kunnen vragen en regelen", parentText: "Lukt het je om zelf dingen te regelen, zoals afspraken en formulieren?", options: [
                protective("ja", "Ja, meestal wel", 1), risk("moeilijk", "Nee, dat vind ik moeilijk", 3, themes: ["lvb", "taal"]),
            ]),
        ]),
        D.Domain(code: "leefstijl", title: "Leefstijl", themes: ["leefstijl"], questions: [
            D.Question(code: "roken", text: "Roken (ook de partner)", parentText: "Rook jij of je partner?", options: [
                neutral("nee", "Nee"), risk("gestopt", "Ik ben gestopt sinds ik zwanger ben", 1), risk("ja", "Ja", 3),
            ]),
            D.Question(code: "middelen", text: "Alcohol of drugs", parentText: "Drink je alcohol of gebruik je drugs?", options: [
                neutral("nee", "Nee"), risk("soms", "Soms", 4, themes: ["verslaving"]), risk("vaak", "Vaak", 7, themes: ["verslaving"]),
            ]),
        ]),
        D.Domain(code: "eerdere-zwangerschappen", title: "Eerdere zwangerschappen", themes: ["medisch"], questions: [
            D.Question(code: "eerder", text: "Verloop van eerdere zwangerschappen en bevallingen", parentText: "Ging er iets mis bij een eerdere zwangerschap of bevalling?", options: [
                neutral("eerste", "Dit is mijn eerste zwangerschap"), protective("goed", "Nee, dat ging goed", 1),
                risk("moeilijk", "Ja, dat was moeilijk of ging mis", 3),
            ]),
            D.Question(code: "kinderen-elders", text: "Kinderen die niet bij de ouder wonen (uithuisplaatsing)", parentText: "Wonen er kinderen van jou niet bij jou, omdat dat niet mocht?", options: [
                neutral("nee", "Nee"), risk("ja", "Ja", 5, themes: ["opvoeding"]),
            ]),
        ]),
        D.Domain(code: "deze-zwangerschap", title: "Deze zwangerschap", themes: ["medisch"], questions: [
            D.Question(code: "gewenst", text: "Was de zwangerschap gewenst of gepland", parentText: "Ben je blij met deze zwangerschap?", options: [
                protective("blij", "Ja", 2), neutral("wennen", "Ik moet er nog aan wennen"), risk("niet", "Nee, het voelt niet goed", 3, themes: ["anticonceptie", "psychische-gezondheid"]),
            ]),
            D.Question(code: "controles", text: "Start en trouw van de zwangerschapscontroles", parentText: "Ga je naar de controles bij de verloskundige of het ziekenhuis?", options: [
                protective("ja", "Ja, ik ga altijd", 1), risk("later", "Ik ben laat begonnen of mis weleens een afspraak", 3),
            ]),
            D.Question(code: "leeftijd", text: "Leeftijd van de moeder", parentText: "Hoe oud ben je?", options: [
                risk("onder-20", "Jonger dan 20 jaar", 3, themes: ["jonge-ouders"]), neutral("20-plus", "20 jaar of ouder"),
            ]),
        ]),
        D.Domain(code: "psychisch-welbevinden", title: "Psychisch welbevinden", themes: ["psychische-gezondheid"], questions: [
            D.Question(code: "stemming", text: "Somberheid, angst of veel piekeren de laatste weken", parentText: "Voel je je de laatste weken vaak somber, angstig of zit je veel te piekeren?", options: [
                protective("nee", "Nee, ik voel me meestal goed", 2), risk("soms", "Soms", 2), risk("vaak", "Vaak", 5),
            ]),
            D.Question(code: "eerder-hulp", text: "Eerdere psychische problemen of behandeling", parentText: "Heb je eerder hulp gehad voor hoe je je voelde, bijvoorbeeld van een psycholoog?", options: [
                neutral("nee", "Nee"), risk("ja", "Ja", 2),
            ]),
            D.Question(code: "stress", text: "Stress door zorgen (geld, wonen, relatie)", parentText: "Heb je zoveel zorgen dat je er slecht van slaapt?", options: [
                protective("nee", "Nee", 1), risk("ja", "Ja", 3),
            ]),
        ]),
        D.Domain(code: "hechting-en-opvoeding", title: "Hechting en opvoeding", themes: ["opvoeding"], questions: [
            D.Question(code: "voorbereiding", text: "Voorbereiding op de komst van het kind", parentText: "Heb je het gevoel dat je klaar bent voor de baby?", options: [
                protective("ja", "Ja, ik heb er zin in", 2), neutral("beetje", "Een beetje"), risk("nee", "Nee, ik zie er tegenop", 3),
            ]),
            D.Question(code: "eigen-jeugd", text: "Eigen jeugd van de ouder", parentText: "Had je zelf een fijne jeugd?", options: [
                protective("ja", "Ja", 1), neutral("gaat", "Het ging wel"), risk("nee", "Nee, het was thuis niet veilig of niet fijn", 3),
            ]),
        ]),
    ], thresholds: .init(potentieel: 3, kwetsbaar: 8, zeerKwetsbaar: 14))
}
