/// The UI's words: Dutch (B1 where parents read) and English. Keys are grouped by page.
enum Strings {
    static func text(_ key: String, _ language: UILanguage) -> String {
        guard let pair = table[key] else { return key }
        return language == .en ? pair.1 : pair.0
    }

    static let table: [String: (String, String)] = [
        // roles
        "role.professional": ("Professional", "Professional"),
        "role.coordinator": ("Coördinator", "Coordinator"),
        "role.policy": ("Beleidsadviseur", "Policy advisor"),
        "role.admin": ("Beheerder", "Administrator"),
        // errors
        "error.csrf": ("Het formulier was verlopen of kwam niet van deze site. Ga terug, laad de pagina opnieuw en probeer het nog een keer.", "The form expired or did not come from this site. Go back, reload the page and try again."),
        "error.notfound": ("Deze pagina bestaat niet (meer). Misschien is het adres veranderd of verkeerd overgenomen.", "This page does not exist (any more). The address may have changed or been copied wrongly."),
        "error.forbidden": ("U mag deze pagina niet zien of dit niet wijzigen met uw account.", "Your account may not see this page or change this."),
        "error.signin": ("Log in om deze pagina te zien.", "Log in to see this page."),
        "error.badrequest": ("Het verzoek klopt niet. Controleer wat u hebt ingevuld.", "The request is not valid. Check what you entered."),
        "error.method": ("Deze actie kan hier niet.", "This action is not possible here."),
        "error.toolarge": ("Wat u stuurde is te groot.", "What you sent is too large."),
        "error.internal": ("Er ging iets mis aan onze kant. Probeer het later opnieuw; de fout is vastgelegd.", "Something went wrong on our side. Try again later; the error was logged."),
        "error.heading.404": ("Pagina niet gevonden", "Page not found"),
        "error.heading.401": ("Inloggen nodig", "Log-in required"),
        "error.heading.403": ("Geen toegang", "No access"),
        "error.heading.400": ("Dit klopt niet helemaal", "Something is not right"),
        "error.heading.500": ("Er ging iets mis", "Something went wrong"),
    ]
}
