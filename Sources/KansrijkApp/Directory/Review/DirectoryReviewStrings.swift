/// The words of "Te controleren" (issue #16): Dutch first, English second.
enum DirectoryReviewStrings {
    static let table: [String: (String, String)] = [
        "review.title": ("Te controleren", "To review"),
        "review.lead": ("Dit aanbod kwam binnen via een import, maar we weten niet in welke gemeente het hoort. Tot u het plaatst, telt het niet mee in de dekking en staat het bij geen enkele gemeente in de zoekresultaten. Op naam is het wel te vinden.",
                        "This offering came in through an import, but we do not know which municipality it belongs to. Until you place it, it does not count in the coverage and is listed under no municipality in search. It can still be found by name."),
        "review.none": ("Er is niets te controleren.", "There is nothing to review."),
        "review.kind.organisation": ("Organisatie", "Organisation"),
        "review.kind.service": ("Dienst", "Service"),
        "review.kind.location": ("Locatie", "Location"),
        "review.of": ("Van organisatie", "Of the organisation"),
        "review.missing": ("Wat ontbreekt", "What is missing"),
        "review.source": ("Bron:", "Source:"),
        "review.since": ("binnengekomen op", "received on"),
        "review.municipality": ("Gemeente voor {name}", "Municipality for {name}"),
        "review.place": ("Plaatsen", "Place"),
        "review.placed": ("{name} staat nu in gemeente {municipality}.", "{name} is now in the municipality of {municipality}."),
        "review.noMunicipalities": ("U hoort nog bij geen coalitie met gemeenten. Daarom kunt u hier nog niets plaatsen.",
                                    "You are not yet in a coalition with municipalities, so you cannot place anything here yet."),
        "review.error.choose": ("Kies een gemeente.", "Choose a municipality."),
        "review.error.unknown": ("Deze gemeente kennen we niet. Kies een gemeente uit de lijst.", "We do not know this municipality. Choose one from the list."),
        "review.error.notOwn": ("U kunt alleen plaatsen in een gemeente van uw eigen coalitie. Kies een gemeente uit de lijst.",
                                "You can only place in a municipality of your own coalition. Choose one from the list."),
        "review.start": ("Te controleren: aanbod zonder gemeente", "To review: offering without a municipality"),
    ]
}
