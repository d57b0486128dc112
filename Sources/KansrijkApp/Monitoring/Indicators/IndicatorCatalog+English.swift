import Foundation

extension IndicatorCatalog {
    /// English names and descriptions of the shipped set, by code; seeded by `UpdateIndicatorsAddEnglish`.
    static let english: [String: (name: String, description: String)] = [
        "big2": ("Big2 (preterm birth and/or low birth weight)",
                 "The share of children born at 24 weeks or later who were born too early (before 37 weeks) and/or too small (weight below the 10th percentile for gestational age)."),
        "vroeggeboorte": ("Preterm birth", "The share of children born at 24 weeks or later who were born before 37 weeks."),
        "laag_gewicht": ("Low birth weight for gestational age",
                         "The share of children born at 24 weeks or later with a weight below the 10th percentile of the Hoftiezer curves."),
        "zorg_na_week_10": ("Antenatal care starting after week 10",
                            "The share of pregnancies of 24 weeks or more with a known first check-up where that check-up was after day 70. Pregnancies without a known first check-up do not count and are counted separately."),
        "geen_kraamzorg": ("No maternity care", "The share of mothers of live-born children without a claim for maternity care (kraamzorg)."),
        "preconceptieconsult": ("Preconception consultation", "The share of all mothers who had a preconception consultation before the pregnancy."),
        "problematische_schulden": ("Problematic debts of parents",
                                    "The share of parents of children born at 24 weeks or later in debt restructuring (Wsnp) or registered as defaulters with their health insurer."),
        "psychische_problemen": ("Psychological problems of parents",
                                 "The share of the same parents with costs for mental health care and/or medication for anxiety or depression."),
        "meervoudig_kwetsbaar": ("Born into multiple vulnerability",
                                 "The share of live-born children whose mother is predicted to be multiply vulnerable by the CBS model."),
        "uithuisplaatsing": ("Out-of-home placement of young children",
                             "Children under 2 with a child protection measure with placement, per 1000 children under 2."),
        "coalitie_aanwezig": ("Local coalition in place", "The share of municipalities with a local or regional Kansrijke Start coalition."),
        "gezamenlijk_plan": ("Joint action plan", "The share of municipalities with a joint action plan."),
        "nnz_beschikbaar": ("Nu Niet Zwanger available", "The share of municipalities where Nu Niet Zwanger (Not Pregnant Now) has started."),
        "prenataal_huisbezoek": ("Antenatal home visit offered",
                                 "The share of municipalities that answered the questionnaire where youth health care (JGZ) offers an antenatal home visit."),
        "screenings_kwetsbaar": ("Screenings with a vulnerable outcome", "The share of screenings with the outcome vulnerable or very vulnerable."),
        "verwijzingen_afgerond": ("Referrals completed", "The share of referrals that were completed."),
        "verwijzingen_afgewezen": ("Referrals declined", "The share of referrals that were declined."),
        "dagen_tot_eerste_contact": ("Days to first contact", "Average number of days from referral to first contact, over referrals with a first contact."),
        "mdo_casussen": ("Cases in the MDO", "Number of cases discussed in the multidisciplinary meeting (MDO)."),
        "vrijwilligers_koppelingen": ("Matches with a volunteer", "Number of families matched with a volunteer who walks alongside for 1000 days."),
        "nnz_gesprekken": ("Nu Niet Zwanger conversations", "Number of conversations held about the wish for children and contraception."),
    ]
}
