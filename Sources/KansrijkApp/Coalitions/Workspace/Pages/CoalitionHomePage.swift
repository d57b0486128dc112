import Fluent
import Vapor

/// The coalition at a glance: stage, partners by circle, ambitions and progress, next meeting,
/// open action points, coverage of the offering, latest stories.
struct CoalitionHomePage: Encodable {
    struct Fact: Encodable { var label: String; var value: String }
    struct StageStep: Encodable { var label: String; var reached: Bool; var current: Bool; var date: String? }
    struct Circle: Encodable { var label: String; var partners: [String] }
    struct Missing: Encodable { var text: String }
    struct AmbitionLine: Encodable { var title: String; var href: String; var phase: String; var progress: String; var done: Int; var total: Int; var overdue: Int }
    struct MeetingLine: Encodable { var title: String; var href: String; var kind: String; var when: String; var location: String }
    struct PointLine: Encodable { var text: String; var owner: String?; var due: String?; var overdue: Bool; var meeting: String; var href: String }
    struct CoverageCount: Encodable { var state: String; var label: String; var count: Int }
    struct StoryLine: Encodable { var title: String; var excerpt: String; var teller: String; var date: String }

    var page: PageMeta
    var ws: WorkspaceHeader
    var facts: [Fact]
    var currentStage: String?
    var stageEvidence: String?
    var steps: [StageStep]
    var circles: [Circle]
    var missing: [Missing]
    var ambitions: [AmbitionLine]
    var nextMeeting: MeetingLine?
    var openPoints: [PointLine]
    var coverage: [CoverageCount]
    var coverageLink: String
    var stories: [StoryLine]
    /// The register of extra care, for its readers only (issue 15).
    var extraCareHref: String?

    static func build(_ ws: CoalitionWorkspace, _ req: Request) async throws -> CoalitionHomePage {
        let db = req.db, c = ws.coalition
        let codes = try await c.municipalityCodes(on: db)
        let names = req.directory.municipalities

        // facts
        var facts = [Fact(label: req.t(codes.count > 1 ? "coalition.kind.region" : "coalition.kind.municipality"),
                          value: codes.map { names[$0]?.name ?? $0 }.sorted().joined(separator: ", "))]
        let tranche = try await CoalitionTranche.of(municipalities: codes, on: db)
        facts.append(Fact(label: req.t("coalition.tranche"), value: tranche.map { req.t("coalition.tranche.\($0.rawValue)") } ?? req.t("coalition.tranche.none")))
        if let s = c.startedOn { facts.append(Fact(label: req.t("coalition.started"), value: req.date(s))) }
        if let l = c.contentLead { facts.append(Fact(label: req.t("coalition.lead.content"), value: l)) }
        if let l = c.policyLead { facts.append(Fact(label: req.t("coalition.lead.policy"), value: l)) }

        // stage
        let milestones = try await StageMilestone.query(on: db).filter(\.$coalition.$id == ws.id).all()
        let reached = milestones.map { StageTimeline.Reached(stage: $0.stage, on: $0.reachedOn, evidence: $0.evidence) }
        let timeline = StageTimeline.steps(reached)
        let current = timeline.first(where: \.isCurrent)

        // partners
        let partners = try await CoalitionPartner.all(of: ws, on: db).filter { $0.isCurrent(on: ws.today) }
        let circles = PartnerCircle.allCases.map { circle in
            Circle(label: req.t("partner.circle.\(circle.rawValue)"),
                   partners: partners.filter { $0.circle == circle }.map { p in p.organisation.name + (p.role.map { " (\($0))" } ?? "") })
        }
        let gaps = MissingPartners.gaps(partners: partners.map { ($0.organisation.kind, $0.domain) },
                                        parentsVoice: c.parentsVoice, fathersVoice: c.fathersVoice)

        // ambitions
        let ambitions = try await Ambition.query(on: db).filter(\.$coalition.$id == ws.id).with(\.$activities).sort(\.$position).all()
        let ambitionLines = ambitions.map { a in
            let p = AmbitionProgress(a.activities.map { ($0.status, $0.endsOn) }, today: ws.today)
            return AmbitionLine(title: a.title, href: "\(ws.base)/ambities/\(a.id!.slug)", phase: req.t("ambition.phase.\(a.phase.rawValue)"),
                                progress: String(format: req.t("ambition.progress"), p.done, p.total), done: p.done, total: p.total, overdue: p.overdue)
        }

        // meetings and open action points
        let now = Date()
        let next = try await CoalitionMeeting.query(on: db).filter(\.$coalition.$id == ws.id).filter(\.$endsAt >= now).sort(\.$startsAt).first()
        let open = try await CoalitionActionPoint.query(on: db).filter(\.$coalition.$id == ws.id).filter(\.$doneOn == nil)
            .with(\.$meeting).with(\.$owner) { $0.with(\.$organisation) }.all()
            .sorted { ($0.dueOn ?? .distantFuture, $0.meeting.startsAt) < ($1.dueOn ?? .distantFuture, $1.meeting.startsAt) }

        // coverage of the offering, as the coverage page computes it
        let local = Set(codes)
        let services = req.directory.services.filter { s in s.reachesEveryMunicipality || s.areas.contains { local.contains($0.municipalityCode) } }
        let matrix = Coverage.matrix(services: services, localCodes: local, pathways: try await Pathway.agreedCoverage(of: [ws.id], on: db))

        // stories
        let stories = try await CoalitionStory.query(on: db).filter(\.$coalition.$id == ws.id).sort(\.$toldOn, .descending).range(..<3).all()

        return CoalitionHomePage(
            page: try await req.pageMeta(title: c.name, forms: ws.canEdit),
            ws: WorkspaceHeader(ws, .home, req),
            facts: facts,
            currentStage: current.map { req.t("stage.\($0.stage.rawValue)") },
            stageEvidence: current?.reached.map { req.date($0.on) + ": " + $0.evidence },
            steps: timeline.map { StageStep(label: req.t("stage.\($0.stage.rawValue)"), reached: $0.reached != nil, current: $0.isCurrent,
                                            date: $0.reached.map { req.date($0.on) }) },
            circles: circles,
            missing: gaps.map { Missing(text: req.t($0.key)) },
            ambitions: ambitionLines,
            nextMeeting: next.map { m in
                MeetingLine(title: m.title, href: "\(ws.base)/overleggen/\(m.id!.slug)", kind: req.t("meeting.kind.\(m.kind.rawValue)"),
                            when: MeetingTime.dutch(m.startsAt), location: m.location)
            },
            openPoints: open.map { p in
                PointLine(text: p.text, owner: p.owner?.organisation.name, due: p.dueOn.map(req.date),
                          overdue: p.dueOn.map { $0 < ws.today } ?? false, meeting: p.meeting.title,
                          href: "\(ws.base)/overleggen/\(p.$meeting.id.slug)")
            },
            coverage: Coverage.State.allCases.map { CoverageCount(state: $0.rawValue, label: req.t("coverage.state.\($0.rawValue)"), count: matrix.count($0)) },
            coverageLink: "/dekking?coalitie=\(c.slug)",
            stories: stories.map { s in
                StoryLine(title: s.title, excerpt: StoryExcerpt.make(s.body), teller: req.t("story.teller.\(s.teller.rawValue)"),
                          date: req.date(s.toldOn))
            },
            extraCareHref: try await ExtraCareDeciders.readsRegister(req.requireUser(), coalition: ws.id, on: db) ? ExtraCarePaths.register(c.slug) : nil)
    }
}

/// The first words of a story, cut at a word boundary.
enum StoryExcerpt {
    static func make(_ text: String, limit: Int = 180) -> String {
        guard text.count > limit else { return text }
        let cut = text.prefix(limit)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]).trimmingCharacters(in: .punctuationCharacters.union(.whitespaces)) + " …"
    }
}
