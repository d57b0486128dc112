import Fluent
import Foundation

/// Two Zeist pathways and one of Borsele, as the seeds describe the local agreements.
enum DemoPathways {
    static func create(on db: any Database) async throws {
        let zeist = DemoData.coalitionID("zeist")
        let money = Pathway(id: StableID.make("demo:pathway:zeist-financien"), coalitionID: zeist,
                            title: "Zorgpad geldzorgen en schulden", theme: "financien",
                            summary: "Wat we in Zeist doen als een (aanstaande) ouder geldzorgen of schulden heeft: vroeg vragen, snel doorverwijzen, samen volgen.")
        try await money.create(on: db)
        let moneyID = try money.requireID()
        let steps: [PathwayStep] = [
            PathwayStep(pathwayID: moneyID, phase: "zwangerschap-t1", position: 1, kind: .signal, title: "Vraag naar geldzorgen bij de intake",
                        description: "De verloskundige vraagt bij de intake of er zorgen zijn over geld, werk of wonen.",
                        organisationID: DemoData.orgID("vp-zeist"), agreement: "Elke zwangere krijgt deze vraag; het antwoord komt in het dossier."),
            PathwayStep(pathwayID: moneyID, phase: "zwangerschap-t1", position: 2, kind: .referral, title: "Warme overdracht naar schuldhulpverlening",
                        description: "Met toestemming belt de verloskundige met schuldhulpverlening; de ouder krijgt binnen drie werkdagen een gesprek.",
                        organisationID: DemoData.orgID("schuldhulp-zeist"), serviceID: DemoData.serviceID("Schuldhulpverlening"),
                        contactPerson: "Pieter Fictief, 030 000 33 44", agreement: "Zwangeren krijgen voorrang."),
            PathwayStep(pathwayID: moneyID, phase: "zwangerschap-t2", position: 1, kind: .action, title: "Babyspullen en voedsel regelen",
                        description: "Bij acute nood: verwijzing naar voedselbank en weggeefwinkel.",
                        organisationID: DemoData.orgID("meanderomnium"), serviceID: DemoData.serviceID("Weggeefwinkel")),
            PathwayStep(pathwayID: moneyID, phase: "zwangerschap-t2", position: 2, kind: .referral, title: "Vrijwilliger voor 1000 dagen aanbieden",
                        description: "Een vrijwilliger helpt met toeslagen, post en overzicht.",
                        organisationID: DemoData.orgID("samen-oplopen"), serviceID: DemoData.serviceID("Vrijwilliger voor 1000 dagen")),
            PathwayStep(pathwayID: moneyID, phase: "0-1", position: 1, kind: .followUp, title: "JGZ vraagt door bij het eerste huisbezoek",
                        description: "De jeugdverpleegkundige vraagt of de geldzorgen minder zijn en of de hulp loopt.",
                        organisationID: DemoData.orgID("jgz-zeist"), agreement: "Bij stagnatie: inbrengen in het MDO."),
        ]
        try await steps.create(on: db)

        let mind = Pathway(id: StableID.make("demo:pathway:zeist-psyche"), coalitionID: zeist,
                           title: "Zorgpad psychische klachten rond de zwangerschap", theme: "psychische-gezondheid",
                           summary: "Van signaal tot passende hulp bij somberheid, angst of stress, met de POP-poli en het MDO.")
        try await mind.create(on: db)
        let mindID = try mind.requireID()
        try await [
            PathwayStep(pathwayID: mindID, phase: "zwangerschap-t1", position: 1, kind: .signal, title: "Signaleren met de ouder",
                        description: "Verloskundige en ouder bespreken samen stemming, stress en steun uit de omgeving.", organisationID: DemoData.orgID("vp-zeist")),
            PathwayStep(pathwayID: mindID, phase: "zwangerschap-t1", position: 2, kind: .agreement, title: "Bespreken in het MDO",
                        description: "Bij twijfel over de juiste hulp brengt de verloskundige de casus (met toestemming) in het MDO.",
                        serviceID: DemoData.serviceID("MDO Kansrijke Start Zeist"), agreement: "Binnen zes weken besproken."),
            PathwayStep(pathwayID: mindID, phase: "kraamtijd", position: 1, kind: .followUp, title: "Overdracht aan JGZ",
                        description: "De kraamzorg en verloskundige dragen over aan de JGZ; de jeugdverpleegkundige plant Stevig Ouderschap.",
                        organisationID: DemoData.orgID("jgz-zeist"), serviceID: DemoData.serviceID("Stevig Ouderschap")),
        ].create(on: db)

        let borsele = Pathway(id: StableID.make("demo:pathway:borsele-psyche"), coalitionID: DemoData.coalitionID("borsele"),
                              title: "Route psychische hulp Borsele", theme: "psychische-gezondheid",
                              summary: "Vroegsignalering en tijdige inzet van passende ondersteuning, met de POP-poli Emergis/ADRZ.")
        try await borsele.create(on: db)
        try await PathwayStep(pathwayID: try borsele.requireID(), phase: "zwangerschap-t1", position: 1, kind: .referral,
                              title: "Verwijzen naar de POP-poli", description: "De verloskundige verwijst bij psychische klachten naar de POP-poli.",
                              organisationID: DemoData.orgID("pop-emergis"), serviceID: DemoData.serviceID("POP-poli")).create(on: db)
    }
}
