/// The search page's words for ranked search, synonyms and the filter button (issue 15).
enum SearchStrings {
    static let table: [String: (String, String)] = [
        "search.unmatched": ("Niet gevonden:", "Not found:"),
        "search.unmatched.hint": ("De resultaten passen bij de andere zoekwoorden.", "The results match your other search words."),
        "search.ranked": ("Bovenaan staat het aanbod dat bij de meeste zoekwoorden past.", "Services matching most of your search words come first."),
        "search.suggest.heading": ("Zoekt u hulp bij dit thema?", "Looking for help with this theme?"),
        "search.suggest.services": ("Al het aanbod voor", "All services for"),
        "search.suggest.pathway": ("Zorgpad", "Care pathway"),
        "search.filters.toggle": ("Filters", "Filters"),
        "search.filters.chosen": ("gekozen", "chosen"),
        "search.municipality.own": ("Dit is de gemeente van uw organisatie. Kies ‘Alle gemeenten’ om overal te zoeken.",
                                    "This is your organisation's municipality. Choose ‘All municipalities’ to search everywhere."),
    ]
}
