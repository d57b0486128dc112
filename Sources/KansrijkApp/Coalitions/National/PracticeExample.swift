import Fluent
import Foundation

/// A practice example (praktijkvoorbeeld) for "leren van elkaar": what a coalition did, where,
/// for which phases and themes, with which interventions, and the source it is summarised from.
/// Summaries are our own words and name no person.
final class PracticeExample: Model, @unchecked Sendable {
    static let schema = "practice_examples"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    @Field(key: "slug") var slug: String
    @Field(key: "title") var title: String
    /// Dutch, B1, 80-150 words.
    @Field(key: "summary") var summary: String
    @Field(key: "source_title") var sourceTitle: String
    @Field(key: "source_publisher") var sourcePublisher: String
    /// As the source gives it ("juli 2020"), or what can be said when it gives none.
    @Field(key: "source_date") var sourceDate: String
    /// CBS codes of the municipalities the example is about.
    @Field(key: "municipality_codes") var municipalityCodes: [String]
    /// Phase term codes (`Term.phases`).
    @Field(key: "phases") var phases: [String]
    /// Theme term codes (`Term.themes`).
    @Field(key: "themes") var themes: [String]
    /// Intervention codes (`PracticeIntervention.all`).
    @Field(key: "interventions") var interventions: [String]

    init() {}

    init(_ entry: PracticeExampleEntry) {
        id = StableID.make("practice:\(entry.slug)")
        apply(entry)
    }

    func apply(_ e: PracticeExampleEntry) {
        slug = e.slug; title = e.title; summary = e.summary
        sourceTitle = e.sourceTitle; sourcePublisher = e.sourcePublisher; sourceDate = e.sourceDate
        municipalityCodes = e.municipalityCodes; phases = e.phases; themes = e.themes; interventions = e.interventions
    }

    var entry: PracticeExampleEntry {
        PracticeExampleEntry(slug: slug, title: title, summary: summary, sourceTitle: sourceTitle, sourcePublisher: sourcePublisher,
                             sourceDate: sourceDate, municipalityCodes: municipalityCodes, phases: phases, themes: themes,
                             interventions: interventions)
    }
}

/// A practice example as plain values: what the library searches and the seed migration stores.
struct PracticeExampleEntry: Sendable, Equatable {
    var slug: String
    var title: String
    var summary: String
    var sourceTitle: String
    var sourcePublisher: String
    var sourceDate: String
    var municipalityCodes: [String]
    var phases: [String]
    var themes: [String]
    var interventions: [String]
}

/// Interventions and ways of working the source documents name, so a coordinator can find who
/// already uses one. Phases and themes come from the directory's vocabularies (`Term`).
struct PracticeIntervention: Sendable, Equatable {
    var code: String
    var name: String
    var englishName: String

    func label(english: Bool) -> String { english ? englishName : name }

    static let all: [PracticeIntervention] = [
        .init(code: "centering", name: "Centering Pregnancy / Centering Parenting", englishName: "Centering Pregnancy / Centering Parenting"),
        .init(code: "voorzorg", name: "VoorZorg", englishName: "VoorZorg (nurse home visiting)"),
        .init(code: "stevig-ouderschap", name: "Stevig Ouderschap", englishName: "Stevig Ouderschap"),
        .init(code: "nu-niet-zwanger", name: "Nu Niet Zwanger", englishName: "Nu Niet Zwanger"),
        .init(code: "prenataal-huisbezoek", name: "Prenataal huisbezoek JGZ", englishName: "Prenatal home visit (youth health care)"),
        .init(code: "ouder-groepen", name: "Moeder- en vadergroepen", englishName: "Mothers' and fathers' groups"),
        .init(code: "vrijwilliger-1000-dagen", name: "Vrijwilliger die 1000 dagen meeloopt", englishName: "Volunteer who walks 1000 days with a family"),
        .init(code: "kasto", name: "KASTO (vaste begeleider)", englishName: "KASTO (a fixed guide)"),
        .init(code: "home-start", name: "Home-Start", englishName: "Home-Start"),
        .init(code: "bobp", name: "BOBP", englishName: "BOBP"),
        .init(code: "video-hometraining", name: "Video-hometraining", englishName: "Video home training"),
        .init(code: "ouderwijzer", name: "OuderWijzer", englishName: "OuderWijzer"),
        .init(code: "pop-poli", name: "POP-poli", englishName: "POP clinic (psychiatry, obstetrics, paediatrics)"),
        .init(code: "schuldhulp", name: "Schuldhulpverlening en voedselbank", englishName: "Debt counselling and food bank"),
        .init(code: "mdo", name: "Multidisciplinair overleg (MDO)", englishName: "Multidisciplinary meeting (MDO)"),
        .init(code: "escalatieladder", name: "Escalatieladder", englishName: "Escalation ladder"),
        .init(code: "klantroute", name: "Klantroute of zorgpad", englishName: "Client route or care pathway"),
        .init(code: "online-groep", name: "Online groep voor zwangeren", englishName: "Online group for pregnant women"),
        .init(code: "ouders-betrekken", name: "Ouders betrekken (interviews, ervaringsverhalen)", englishName: "Involving parents (interviews, experiences)"),
        .init(code: "coalitie-opbouw", name: "Coalitie opbouwen (stappenplan, trekkers, convenant)", englishName: "Building a coalition (step plan, leads, agreement)"),
    ]

    static let byCode = Dictionary(uniqueKeysWithValues: all.map { ($0.code, $0) })
}

struct CreatePracticeExamples: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PracticeExample.schema)
            .id()
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("slug", .string, .required)
            .field("title", .string, .required)
            .field("summary", .string, .required)
            .field("source_title", .string, .required)
            .field("source_publisher", .string, .required)
            .field("source_date", .string, .required)
            .field("municipality_codes", .array(of: .string), .required)
            .field("phases", .array(of: .string), .required)
            .field("themes", .array(of: .string), .required)
            .field("interventions", .array(of: .string), .required)
            .unique(on: "slug")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PracticeExample.schema).delete()
    }
}

/// The five source documents of the programme as the library's first entries. Content, not
/// demo: they belong in every installation.
struct SeedPracticeExamples: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.writeTransaction { db in
            for entry in PracticeLibrary.sources { try await PracticeExample(entry).create(on: db) }
        }
    }

    func revert(on database: any Database) async throws {
        try await PracticeExample.query(on: database).filter(\.$slug ~~ PracticeLibrary.sources.map(\.slug)).delete()
    }
}
