import Foundation

/// The demo offering, built from the source documents (Zeist, Borsele, Apeldoorn).
/// Organisation and service names are real programmes; every person is fictitious.
enum DemoCatalog {
    struct Org {
        var key: String
        var name: String
        var kind: OrganisationKind
        var municipality: String
        var description: String
        var street: String
        var postalCode: String
        var city: String
    }

    struct Offer {
        var org: String
        var name: String
        var description: String
        var parents: String
        var phases: [String]
        var themes: [String]
        var groups: [String]
        var evidence: String = "niet-beoordeeld"
        var access: AccessRoute = .selfReferral
        var capacity: Capacity = .available
        var waitWeeks: Int? = nil
        var areas: [String]
        var languages: [String] = ["nl"]
        var schedule: String? = nil
        var contact: (name: String, title: String)? = nil
        var howToApply: String
        var fees: String = "Gratis"
        var minAge: Double? = nil
        var maxAge: Double? = nil
        var online = false
    }

    static let zeist = "GM0355", borsele = "GM0654", apeldoorn = "GM0200"

    static let organisations: [Org] = [
        Org(key: "vp-zeist", name: "Verloskundige Praktijk Zeist", kind: .verloskunde, municipality: zeist,
            description: "Verloskundigenpraktijk voor zwangerschap, bevalling en kraamtijd in Zeist.", street: "Slotlaan 10", postalCode: "3701 GB", city: "Zeist"),
        Org(key: "ggdru", name: "GGD regio Utrecht", kind: .ggd, municipality: "GM0344",
            description: "Publieke gezondheid en jeugdgezondheidszorg in de regio Utrecht.", street: "Zeisterweg 1", postalCode: "3702 AA", city: "Zeist"),
        Org(key: "jgz-zeist", name: "Jeugdgezondheidszorg Zeist", kind: .jgz, municipality: zeist,
            description: "Consultatiebureau en jeugdverpleegkundigen voor kinderen van 0 tot 4 jaar in Zeist.", street: "Wilhelminalaan 2", postalCode: "3701 BH", city: "Zeist"),
        Org(key: "cjg-zeist", name: "Centrum voor Jeugd en Gezin Zeist", kind: .cjg, municipality: zeist,
            description: "Vragen over opgroeien en opvoeden; toegang tot jeugdhulp in Zeist.", street: "Markt 5", postalCode: "3701 JZ", city: "Zeist"),
        Org(key: "gemeente-zeist", name: "Gemeente Zeist", kind: .gemeente, municipality: zeist,
            description: "Gemeente Zeist, sociaal domein.", street: "Het Rond 1", postalCode: "3701 HS", city: "Zeist"),
        Org(key: "meanderomnium", name: "MeanderOmnium", kind: .welzijn, municipality: zeist,
            description: "Welzijnsorganisatie in Zeist: ontmoeting, ondersteuning en vrijwilligerswerk.", street: "Laan van Vollenhove 3", postalCode: "3706 AA", city: "Zeist"),
        Org(key: "samen-oplopen", name: "Samen Oplopen", kind: .informeel, municipality: zeist,
            description: "Vrijwilligers die een gezin 1000 dagen vergezellen.", street: "Utrechtseweg 20", postalCode: "3704 HB", city: "Zeist"),
        Org(key: "raedelijn", name: "Raedelijn", kind: .overig, municipality: "GM0344",
            description: "Procesbegeleiding en advies voor samenwerking in het sociaal domein in de regio Utrecht.", street: "Mariaplaats 3", postalCode: "3511 LH", city: "Utrecht"),
        Org(key: "schuldhulp-zeist", name: "Schuldhulpverlening Zeist", kind: .schuldhulp, municipality: zeist,
            description: "Gemeentelijke schuldhulpverlening en budgetadvies.", street: "Het Rond 1", postalCode: "3701 HS", city: "Zeist"),
        Org(key: "voedselbank-zeist", name: "Voedselbank Zeist", kind: .informeel, municipality: zeist,
            description: "Voedselpakketten voor huishoudens die rond moeten komen van te weinig.", street: "Handelsweg 8", postalCode: "3707 NH", city: "Zeist"),
        Org(key: "fiom", name: "Fiom", kind: .overig, municipality: "GM0363",
            description: "Landelijke organisatie voor ongewenste zwangerschap en afstammingsvragen.", street: "Postbus 1", postalCode: "5201 AA", city: "Amsterdam"),
        Org(key: "cjg-borsele", name: "CJG Borsele", kind: .cjg, municipality: borsele,
            description: "Centrum voor Jeugd en Gezin van de gemeente Borsele.", street: "Oranjeplein 1", postalCode: "4451 AL", city: "Heinkenszand"),
        Org(key: "gemeente-borsele", name: "Gemeente Borsele", kind: .gemeente, municipality: borsele,
            description: "Gemeente Borsele, sociaal domein.", street: "Stenevate 10", postalCode: "4451 HZ", city: "Heinkenszand"),
        Org(key: "pop-emergis", name: "POP-poli Emergis/ADRZ", kind: .ziekenhuis, municipality: "GM0664",
            description: "Psychiatrie-obstetrie-pediatrie polikliniek van Emergis en het Admiraal De Ruyter Ziekenhuis.", street: "'s-Heer Hendrikskinderendijk 1", postalCode: "4462 RA", city: "Goes"),
        Org(key: "ggd-zeeland", name: "GGD Zeeland", kind: .ggd, municipality: "GM0664",
            description: "Publieke gezondheid en jeugdgezondheidszorg in Zeeland.", street: "Westwal 37", postalCode: "4461 CM", city: "Goes"),
        Org(key: "pop-gelre", name: "POP-poli Gelre Apeldoorn", kind: .ziekenhuis, municipality: apeldoorn,
            description: "Zorg voor zwangeren met psychische of sociale problemen, met gynaecoloog, psychiater en kinderarts samen.", street: "Albert Schweitzerlaan 31", postalCode: "7334 DZ", city: "Apeldoorn"),
        Org(key: "cjg-apeldoorn", name: "CJG Apeldoorn", kind: .cjg, municipality: apeldoorn,
            description: "Centrum voor Jeugd en Gezin Apeldoorn, met jeugdgezondheidszorg.", street: "Deventerstraat 46", postalCode: "7321 CD", city: "Apeldoorn"),
        Org(key: "kraamzorg-apeldoorn", name: "Kraamzorg Veluwe", kind: .kraamzorg, municipality: apeldoorn,
            description: "Kraamzorg aan huis in Apeldoorn en omgeving.", street: "Laan van Malkenschoten 2", postalCode: "7333 NP", city: "Apeldoorn"),
        Org(key: "kansrijk", name: "Kansrijk platformbeheer", kind: .overig, municipality: zeist,
            description: "Beheer van het Kansrijk-platform (demo).", street: "Slotlaan 1", postalCode: "3701 GA", city: "Zeist"),
    ]

    static let offers: [Offer] = [
        Offer(org: "vp-zeist", name: "Centering Pregnancy", description: "Groepszorg tijdens de zwangerschap: acht tot tien zwangeren krijgen hun controles samen, met ruimte voor vragen, voorlichting en onderling contact.",
              parents: "Je krijgt je zwangerschapscontroles samen met andere zwangere vrouwen. Je leert van elkaar en maakt nieuwe contacten.",
              phases: ["zwangerschap-t1", "zwangerschap-t2", "zwangerschap-t3"], themes: ["medisch", "eenzaamheid", "leefstijl"], groups: ["alle-ouders", "kwetsbare-zwangeren"],
              evidence: "goed-onderbouwd", access: .selfReferral, areas: [zeist], schedule: "Tien bijeenkomsten van twee uur, op dinsdagavond",
              contact: ("Sanne Voorbeeld", "Verloskundige, coördinator Centering"), howToApply: "Aanmelden bij de eigen verloskundige vóór week 16."),
        Offer(org: "ggdru", name: "VoorZorg", description: "Intensieve huisbezoeken door een gespecialiseerde jeugdverpleegkundige aan jonge, kwetsbare vrouwen die hun eerste kind verwachten, van de zwangerschap tot het kind twee jaar is.",
              parents: "Een vaste verpleegkundige komt bij je thuis. Zij helpt je tijdens je zwangerschap en daarna, tot je kindje twee jaar is.",
              phases: ["zwangerschap-t1", "zwangerschap-t2", "zwangerschap-t3", "kraamtijd", "0-1", "1-2"], themes: ["opvoeding", "jonge-ouders", "leefstijl", "relatie"], groups: ["jonge-ouders", "eerste-kind", "kwetsbare-zwangeren"],
              evidence: "sterke-aanwijzingen", access: .professional, capacity: .limited, areas: [zeist, "GM0344", "GM0310", "GM0353"], languages: ["nl", "en"],
              contact: ("Joost Demo", "Jeugdverpleegkundige VoorZorg"), howToApply: "Verwijzing door verloskundige, huisarts of JGZ vóór de 28e week van de zwangerschap.", minAge: 0, maxAge: 25),
        Offer(org: "jgz-zeist", name: "Stevig Ouderschap", description: "Extra huisbezoeken door de jeugdverpleegkundige aan ouders met een verhoogd risico op opvoedproblemen, in het eerste levensjaar.",
              parents: "Een verpleegkundige van het consultatiebureau komt een paar keer extra bij je thuis. Je praat over hoe het gaat met jou en je baby.",
              phases: ["0-1", "1-2"], themes: ["opvoeding", "psychische-gezondheid", "relatie"], groups: ["kwetsbare-zwangeren", "eerste-kind"],
              evidence: "eerste-aanwijzingen", access: .professional, areas: [zeist],
              contact: ("Fatima Proef", "Jeugdverpleegkundige"), howToApply: "De jeugdverpleegkundige bespreekt het aanbod tijdens het eerste huisbezoek; professionals melden aan via het consultatiebureau."),
        Offer(org: "meanderomnium", name: "Moedergroep Zeist", description: "Wekelijkse ontmoetingsgroep voor moeders met een baby of peuter: koffie, een thema en contact met andere moeders.",
              parents: "Elke week kun je met je kindje koffie drinken met andere moeders. Er is altijd iemand om vragen aan te stellen.",
              phases: ["0-1", "1-2"], themes: ["eenzaamheid", "opvoeding"], groups: ["moeders", "nieuwkomers"], areas: [zeist], languages: ["nl", "ar", "tr"],
              schedule: "Woensdag 9.30 tot 11.30 uur", howToApply: "Gewoon binnenlopen; aanmelden hoeft niet."),
        Offer(org: "meanderomnium", name: "Online moedergroep", description: "Besloten online groep met een vaste begeleider voor moeders in de eerste 1000 dagen, ook voor wie niet de deur uit kan.",
              parents: "Praat online met andere moeders. Een begeleider kijkt mee en helpt als je vragen hebt.",
              phases: ["zwangerschap-t3", "kraamtijd", "0-1"], themes: ["eenzaamheid", "psychische-gezondheid"], groups: ["moeders"], areas: [zeist, "GM0344", "GM0310"],
              howToApply: "Aanmelden via de website van MeanderOmnium; je krijgt binnen een week een uitnodiging.", online: true),
        Offer(org: "cjg-zeist", name: "Start Kansrijk", description: "Voorlichtingsbijeenkomsten voor aanstaande ouders over de eerste 1000 dagen, gezond zwanger zijn, financiën rond de geboorte en de hulp die er in Zeist is.",
              parents: "Een bijeenkomst voor aanstaande ouders. Je hoort wat je kunt regelen voor de geboorte en waar je terecht kunt met vragen.",
              phases: ["zwangerschap-t2", "zwangerschap-t3"], themes: ["taal", "financien", "opvoeding"], groups: ["alle-ouders"], areas: [zeist],
              schedule: "Eens per maand op donderdagavond", howToApply: "Aanmelden bij het CJG per e-mail of telefoon."),
        Offer(org: "cjg-zeist", name: "Vadergroep", description: "Groep voor (aanstaande) vaders, ook vaders uit het asielzoekerscentrum, over vaderschap, stress en de band met je kind.",
              parents: "Een groep voor vaders. Je praat met andere vaders over hoe het is om vader te worden.",
              phases: ["zwangerschap-t3", "0-1", "1-2"], themes: ["opvoeding", "relatie", "asiel"], groups: ["vaders", "nieuwkomers"], areas: [zeist], languages: ["nl", "en", "ar", "ti"],
              schedule: "Om de week op zaterdagochtend", howToApply: "Aanmelden via het CJG of de eigen verloskundige."),
        Offer(org: "samen-oplopen", name: "Vrijwilliger voor 1000 dagen", description: "Een getrainde vrijwilliger loopt vanaf de zwangerschap 1000 dagen mee met een gezin: praktische hulp, samen naar de weggeefwinkel, hulp bij toeslagen en een luisterend oor.",
              parents: "Een vrijwilliger helpt je vanaf je zwangerschap tot je kind twee jaar is. Ze denkt mee en gaat met je mee als dat nodig is.",
              phases: ["zwangerschap-t1", "zwangerschap-t2", "zwangerschap-t3", "kraamtijd", "0-1", "1-2"], themes: ["eenzaamheid", "financien", "taal"], groups: ["kwetsbare-zwangeren", "nieuwkomers"],
              evidence: "niet-beoordeeld", access: .professional, capacity: .waitingList, waitWeeks: 6, areas: [zeist], languages: ["nl", "en"],
              contact: ("Nina Testpersoon", "Coördinator vrijwilligers"), howToApply: "Een professional meldt het gezin aan bij de coördinator, met toestemming van de ouder."),
        Offer(org: "vp-zeist", name: "MDO Kansrijke Start Zeist", description: "Multidisciplinair overleg van verloskundige, JGZ, CJG en GGD over kwetsbare zwangeren en jonge gezinnen: samen afspreken wie wat doet.",
              parents: "Professionals overleggen samen, met jouw toestemming, hoe ze jou het beste kunnen helpen.",
              phases: ["zwangerschap-t1", "zwangerschap-t2", "zwangerschap-t3", "kraamtijd", "0-1"], themes: ["psychische-gezondheid", "huiselijk-geweld", "financien", "verslaving"], groups: ["professionals"],
              access: .professional, areas: [zeist], schedule: "Elke zes weken op maandagmiddag",
              contact: ("Sanne Voorbeeld", "Voorzitter MDO"), howToApply: "Casus inbrengen via de voorzitter van het MDO, met toestemming van de cliënt."),
        Offer(org: "meanderomnium", name: "Weggeefwinkel", description: "Gratis babyspullen, kleding en kinderwagens voor gezinnen met een krappe beurs.",
              parents: "Hier kun je gratis babyspullen en kleding halen.",
              phases: ["zwangerschap-t3", "kraamtijd", "0-1", "1-2"], themes: ["financien"], groups: ["alle-ouders"], areas: [zeist], schedule: "Dinsdag en vrijdag 10.00 tot 15.00 uur",
              howToApply: "Langskomen; soms vragen we om een verwijsbrief van een professional."),
        Offer(org: "schuldhulp-zeist", name: "Schuldhulpverlening", description: "Hulp bij schulden en geldzorgen: budgetcoaching, een schuldregeling en hulp bij het aanvragen van toeslagen. Voorrang voor zwangeren en jonge gezinnen.",
              parents: "Heb je schulden of geldzorgen? Wij helpen je om overzicht te krijgen en afspraken te maken.",
              phases: ["kinderwens", "zwangerschap-t1", "zwangerschap-t2", "zwangerschap-t3", "0-1", "1-2"], themes: ["financien"], groups: ["alle-ouders"],
              access: .municipality, capacity: .limited, waitWeeks: 2, areas: [zeist], languages: ["nl", "en"],
              contact: ("Pieter Fictief", "Schuldhulpverlener"), howToApply: "Zelf aanmelden bij de gemeente of via een professional; binnen drie werkdagen een eerste gesprek."),
        Offer(org: "voedselbank-zeist", name: "Voedselbank", description: "Wekelijks een voedselpakket voor gezinnen onder de bestaansgrens, met extra babyvoeding voor gezinnen met kleine kinderen.",
              parents: "Krijg je niet genoeg eten op tafel? De voedselbank geeft je elke week een pakket.",
              phases: ["zwangerschap-t2", "zwangerschap-t3", "0-1", "1-2"], themes: ["financien"], groups: ["alle-ouders"], access: .professional, areas: [zeist],
              schedule: "Uitgifte op vrijdag", howToApply: "Aanmelden via een hulpverlener die de toelatingscriteria met je doorloopt."),
        Offer(org: "ggdru", name: "Nu Niet Zwanger", description: "Gesprekken over kinderwens en anticonceptie met mensen in een kwetsbare situatie, vrijwillig en zonder dwang; ondersteuning bij het regelen van anticonceptie.",
              parents: "Wil je (nu) geen kind? Of wel? Je praat met iemand over wat jij wilt, en krijgt hulp bij anticonceptie als je dat wilt.",
              phases: ["kinderwens"], themes: ["anticonceptie", "lvb", "verslaving"], groups: ["kwetsbare-zwangeren", "lvb"], evidence: "goed-onderbouwd",
              access: .professional, areas: [zeist, "GM0344", "GM0310", "GM0353"], contact: ("Lotte Verzonnen", "Aandachtsfunctionaris NNZ"),
              howToApply: "Professionals bespreken NNZ met de cliënt en melden aan bij de aandachtsfunctionaris van de GGD."),
        Offer(org: "jgz-zeist", name: "Prenataal huisbezoek", description: "Een jeugdverpleegkundige komt tijdens de zwangerschap op huisbezoek om kennis te maken en te bespreken wat het gezin nodig heeft.",
              parents: "Een verpleegkundige van het consultatiebureau komt al tijdens je zwangerschap bij je thuis om kennis te maken.",
              phases: ["zwangerschap-t2", "zwangerschap-t3"], themes: ["opvoeding", "medisch"], groups: ["alle-ouders", "kwetsbare-zwangeren"], access: .professional, areas: [zeist],
              howToApply: "Verloskundige meldt aan met toestemming van de zwangere; ouders kunnen ook zelf bellen."),
        Offer(org: "pop-emergis", name: "POP-poli", description: "Polikliniek psychiatrie, obstetrie en pediatrie voor zwangeren met psychische problemen of middelengebruik, met gynaecoloog, psychiater en kinderarts samen.",
              parents: "Voel je je somber of angstig, of gebruik je medicijnen of middelen? Op de POP-poli helpen een gynaecoloog, een psychiater en een kinderarts je samen.",
              phases: ["kinderwens", "zwangerschap-t1", "zwangerschap-t2", "zwangerschap-t3", "kraamtijd"], themes: ["psychische-gezondheid", "verslaving", "medisch"], groups: ["kwetsbare-zwangeren"],
              evidence: "niet-beoordeeld", access: .medical, capacity: .waitingList, waitWeeks: 4, areas: [borsele, "GM0664", "GM0687"],
              contact: ("Marloes Demo", "Verpleegkundig specialist POP"), howToApply: "Verwijzing door huisarts, verloskundige of gynaecoloog."),
        Offer(org: "cjg-borsele", name: "Route Kansrijke Start Borsele", description: "Overzicht en coördinatie van het aanbod voor aanstaande ouders in Borsele, met één aanspreekpunt bij het CJG.",
              parents: "Eén plek voor al je vragen als je zwanger bent of een baby hebt in Borsele.",
              phases: ["zwangerschap-t1", "zwangerschap-t2", "zwangerschap-t3", "kraamtijd", "0-1"], themes: ["opvoeding", "financien", "psychische-gezondheid"], groups: ["alle-ouders"],
              areas: [borsele], howToApply: "Bel of mail het CJG Borsele."),
        Offer(org: "ggd-zeeland", name: "Centering Parenting", description: "Groepsgewijze jeugdgezondheidszorg in het eerste levensjaar: consulten samen met andere ouders en baby's van dezelfde leeftijd.",
              parents: "Je gaat met je baby naar het consultatiebureau samen met andere ouders. Je leert van elkaar.",
              phases: ["0-1"], themes: ["opvoeding", "eenzaamheid"], groups: ["alle-ouders"], evidence: "eerste-aanwijzingen", areas: [borsele, "GM0664"],
              howToApply: "Aanmelden bij het consultatiebureau na de geboorte."),
        Offer(org: "pop-gelre", name: "POP-poli Gelre", description: "Spin in het web van de coalitie Apeldoorn: zorg voor zwangeren met psychische, psychosociale of verslavingsproblematiek, en korte lijnen naar CJG en kraamzorg.",
              parents: "Heb je psychische klachten of zorgen tijdens je zwangerschap? De POP-poli helpt je, samen met het consultatiebureau en de kraamzorg.",
              phases: ["zwangerschap-t1", "zwangerschap-t2", "zwangerschap-t3", "kraamtijd"], themes: ["psychische-gezondheid", "verslaving", "medisch"], groups: ["kwetsbare-zwangeren"],
              access: .medical, capacity: .limited, areas: [apeldoorn, "GM0232", "GM0243"], howToApply: "Verwijzing door verloskundige of huisarts."),
        Offer(org: "kraamzorg-apeldoorn", name: "Verlengde kraamzorg (escalatieladder)", description: "De kraamverzorgende blijft langer bij gezinnen die meer nodig hebben; de financiering wordt achteraf geregeld volgens de escalatieladder van de coalitie.",
              parents: "Heb je na de bevalling meer hulp nodig? Dan kan de kraamverzorgende langer blijven.",
              phases: ["kraamtijd"], themes: ["medisch", "opvoeding"], groups: ["kwetsbare-zwangeren"], access: .professional, areas: [apeldoorn],
              howToApply: "Kraamverzorgende of verloskundige overlegt met de coördinator van de escalatieladder."),
        Offer(org: "cjg-apeldoorn", name: "Home-Start", description: "Een ervaren vrijwilliger (zelf ouder) komt wekelijks bij gezinnen met jonge kinderen voor steun, vriendschap en praktische hulp.",
              parents: "Een andere ouder komt elke week bij je langs om je te helpen en mee te denken.",
              phases: ["0-1", "1-2"], themes: ["eenzaamheid", "opvoeding"], groups: ["alle-ouders"], evidence: "goede-aanwijzingen", capacity: .waitingList, waitWeeks: 8,
              areas: [apeldoorn], howToApply: "Zelf aanmelden of via het consultatiebureau."),
        Offer(org: "fiom", name: "Keuzehulp ongewenste zwangerschap", description: "Landelijke telefonische en online hulp bij twijfel over een zwangerschap.",
              parents: "Twijfel je over je zwangerschap? Je kunt bellen of chatten met iemand die naar je luistert.",
              phases: ["zwangerschap-t1"], themes: ["anticonceptie", "psychische-gezondheid"], groups: ["alle-ouders"], areas: [], languages: ["nl", "en"],
              howToApply: "Bellen of chatten, anoniem als je wilt.", online: true),
    ]
}
