import Foundation

/// A named count that numerators and denominators are built from. Counts are stored per
/// area × period × breakdown (`monitoring_counts`), never per person.
struct DataElement: Sendable, Equatable {
    var name: String
    var description: String
    /// Where the counts come from: a record-level import, an aggregate import, or the platform itself.
    var source: String

    /// Elements the births import derives from a Perined-shaped extract (see `BirthRecord`).
    static let births: [DataElement] = [
        .init(name: "kinderen_ge24", description: "Kinderen geboren na een zwangerschapsduur van 24 weken of meer (levend en doodgeboren)", source: "Perined"),
        .init(name: "kinderen_ge24_vroeg", description: "Daarvan geboren vóór 37 weken (vroeggeboorte)", source: "Perined"),
        .init(name: "kinderen_ge24_laag_gewicht", description: "Daarvan met een geboortegewicht onder het 10e percentiel voor de zwangerschapsduur (Hoftiezer 2019)", source: "Perined"),
        .init(name: "kinderen_ge24_big2", description: "Daarvan vroeggeboren en/of met een laag geboortegewicht (Big2)", source: "Perined"),
        .init(name: "kinderen_ge24_controle_bekend", description: "Kinderen ≥ 24 weken van wie de dag van de eerste zwangerschapscontrole bekend is", source: "Perined"),
        .init(name: "kinderen_ge24_controle_na_dag70", description: "Daarvan met de eerste controle na dag 70 (na week 10)", source: "Perined"),
        .init(name: "kinderen_ge24_controle_onbekend", description: "Kinderen ≥ 24 weken van wie de dag van de eerste controle onbekend is", source: "Perined"),
        .init(name: "levend_geboren", description: "Levend geboren kinderen (alle zwangerschapsduren)", source: "Perined"),
    ]

    /// Elements filled by aggregate imports (CBS, Vektis, questionnaires) and by the platform's own work.
    static let aggregate: [DataElement] = [
        .init(name: "moeders_levend_geboren", description: "Moeders van levend geboren kinderen", source: "Vektis"),
        .init(name: "moeders_zonder_kraamzorg", description: "Daarvan zonder declaratie kraamzorg", source: "Vektis"),
        .init(name: "moeders_preconceptieconsult", description: "Moeders met een declaratie preconceptieconsult", source: "Vektis"),
        .init(name: "ouders_kinderen_ge24", description: "Ouders van kinderen geboren na 24 weken of meer", source: "CBS"),
        .init(name: "ouders_problematische_schulden", description: "Daarvan met schuldsanering (Wsnp) of wanbetalersstatus zorgverzekering", source: "CBS"),
        .init(name: "ouders_psychische_problemen", description: "Daarvan met ggz-kosten en/of medicatie tegen angst of depressie", source: "CBS"),
        .init(name: "levend_geboren_meervoudig_kwetsbaar", description: "Levend geboren kinderen van wie de moeder voorspeld meervoudig kwetsbaar is", source: "CBS-model"),
        .init(name: "kinderen_onder_2", description: "Kinderen jonger dan 2 jaar", source: "CBS"),
        .init(name: "kinderen_onder_2_uithuisplaatsing", description: "Daarvan met een jeugdbeschermingsmaatregel met verblijf", source: "CBS"),
        .init(name: "gemeenten", description: "Gemeenten (telt 1 per gemeente)", source: "Gebiedsindeling"),
        .init(name: "gemeenten_coalitie", description: "Gemeenten met een lokale of regionale coalitie", source: "Vragenlijst"),
        .init(name: "gemeenten_gezamenlijk_plan", description: "Gemeenten met een gezamenlijk plan van aanpak", source: "Vragenlijst"),
        .init(name: "gemeenten_nnz", description: "Gemeenten waar Nu Niet Zwanger gestart is", source: "GGD GHOR"),
        .init(name: "gemeenten_beantwoord", description: "Gemeenten die de vragenlijst beantwoordden", source: "Vragenlijst"),
        .init(name: "gemeenten_prenataal_huisbezoek", description: "Gemeenten die een prenataal huisbezoek aanbieden", source: "Vragenlijst"),
        .init(name: "screenings", description: "Afgenomen screenings op kwetsbaarheid", source: "Platform"),
        .init(name: "screenings_kwetsbaar", description: "Daarvan met uitkomst kwetsbaar of zeer kwetsbaar", source: "Platform"),
        .init(name: "verwijzingen", description: "Verwijzingen (alle uitkomsten)", source: "Platform"),
        .init(name: "verwijzingen_afgerond", description: "Verwijzingen die zijn afgerond", source: "Platform"),
        .init(name: "verwijzingen_afgewezen", description: "Verwijzingen die zijn afgewezen", source: "Platform"),
        .init(name: "verwijzingen_eerste_contact", description: "Verwijzingen met een eerste contact", source: "Platform"),
        .init(name: "verwijzingen_dagen_tot_contact", description: "Opgetelde dagen van verwijzing tot eerste contact", source: "Platform"),
        .init(name: "mdo_casussen", description: "Casussen besproken in het MDO", source: "Platform"),
        .init(name: "vrijwilligers_koppelingen", description: "Gezinnen gekoppeld aan een vrijwilliger", source: "Platform"),
        .init(name: "nnz_gesprekken", description: "Gevoerde Nu Niet Zwanger-gesprekken", source: "Platform"),
    ]

    static let all: [DataElement] = births + aggregate
    static let names: Set<String> = Set(all.map(\.name))
}
