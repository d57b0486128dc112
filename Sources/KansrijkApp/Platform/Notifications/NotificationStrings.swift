/// UI texts of the notification choices and the "Nieuw voor u" notices (Dutch, English).
enum NotificationStrings {
    static let table: [String: (String, String)] = [
        "notifications.title": ("Meldingen per e-mail", "Notifications by e-mail"),
        "notifications.lead": ("Kies per soort bericht hoe u het krijgt: meteen, in één overzicht per dag (na 7.00 uur), of niet per e-mail. Een e-mail noemt nooit gegevens van een cliënt; u leest die na het inloggen. In Kansrijk zelf ziet u alles onder \u{201C}Nieuw voor u\u{201D}.", "Choose per kind of message how you get it: at once, in one summary a day (after 7 am), or not by e-mail. An e-mail never names client data; you read that after logging in. In Kansrijk itself you see everything under \u{201C}New for you\u{201D}."),
        "notifications.back": ("Terug naar uw account", "Back to your account"),
        "notifications.save": ("Keuzes opslaan", "Save choices"),
        "notifications.saved": ("Uw keuzes zijn opgeslagen.", "Your choices were saved."),
        "notifications.invalid": ("Kies bij elke soort bericht één van de drie mogelijkheden.", "Choose one of the three options for each kind of message."),
        "notifications.delivery.direct": ("Meteen per e-mail", "By e-mail at once"),
        "notifications.delivery.dagelijks": ("In het dagelijkse overzicht", "In the daily summary"),
        "notifications.delivery.geen": ("Niet per e-mail", "Not by e-mail"),
        "notifications.kind.referral_incoming": ("Nieuwe verwijzing voor uw organisatie", "New referral for your organisation"),
        "notifications.kind.referral_status": ("Nieuwe status van een verwijzing die u stuurde", "New status of a referral you sent"),
        "notifications.kind.escalation": ("Verwijzing te laat (termijnbewaking)", "Referral overdue (deadline watch)"),
        "notifications.kind.screening_completed": ("Ouder heeft de vragenlijst ingevuld", "Parent filled in the questionnaire"),
        "notifications.kind.mdo_agenda": ("Agenda van het MDO, de dag ervoor", "MDO agenda, the day before"),
        "notifications.kind.contact_reminder": ("Herinnering: leg vast of een verwijzing buiten Kansrijk aankwam", "Reminder: record whether a referral outside Kansrijk arrived"),
        "notifications.link": ("Meldingen per e-mail", "Notifications by e-mail"),
        // "Nieuw voor u" on /zorg
        "care.notification.incoming": ("{code}: nieuwe verwijzing naar {service}", "{code}: new referral to {service}"),
        "care.notification.status": ("{code}: uw verwijzing naar {service} is nu {status}", "{code}: your referral to {service} is now {status}"),
        "care.notification.contact-reminder": ("{code}: leg vast of er contact was met {service}", "{code}: record whether there was contact with {service}"),
        "care.notification.read": ("Gelezen", "Mark read"),
        "care.notification.read.all": ("Alles gelezen", "Mark all read"),
        "care.notification.read.done": ("De melding is als gelezen gemarkeerd.", "The notification was marked read."),
        "care.notification.read.alldone": ("Alle meldingen zijn als gelezen gemarkeerd.", "All notifications were marked read."),
        "care.notification.settings": ("Kies welke meldingen u per e-mail krijgt", "Choose which notifications you get by e-mail"),
    ]
}
