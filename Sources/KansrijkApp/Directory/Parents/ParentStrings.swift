/// The parents' texts in the "u" form (`ParentAddress`); the Strings tables hold their "jij" form.
/// A test checks that every key here exists there and that no "u" text still says je or jij.
enum ParentStrings {
    static let formal: [String: String] = [
        "parentscreening.title": "Vragenlijst: hoe gaat het met u?",
        "parentscreening.lead": "Fijn dat u deze vragen invult. Daarna praat u erover met uw verloskundige of verpleegkundige.",
        "parentscreening.why": "De vragen gaan over u, uw gezin en uw zwangerschap. Zo weten we waar u hulp bij wilt.",
        "parentscreening.skip": "Wilt u een vraag niet beantwoorden? Sla hem dan over. Dat is goed.",
        "parentscreening.private": "Alleen uw eigen hulpverlener ziet uw antwoorden. U kunt de vragenlijst één keer versturen.",
        "parentscreening.note": "Wilt u nog iets vertellen of vragen?",
        "parentscreening.note.hint": "Dit mag u leeg laten.",
        "parentscreening.help": "Voelt u zich niet veilig? Bel Veilig Thuis: 0800-2000 (gratis, dag en nacht). Bij direct gevaar: bel 112.",
        "parentscreening.closed.used": "U hebt de vragenlijst al ingevuld en verstuurd. Dank u wel! U hoeft niets meer te doen.",
        "parentscreening.closed.unknown": "Deze link klopt niet. Kijk of u de hele link hebt overgenomen.",
        "parentscreening.closed.ask": "Vraag uw verloskundige of verpleegkundige om een nieuwe link, of vul de vragen samen in bij uw volgende afspraak.",
        "parentscreening.done.title": "Dank u wel!",
        "parentscreening.done.text": "Uw antwoorden zijn verstuurd.",
        "parentscreening.done.next": "Bij uw volgende afspraak praat u erover met uw verloskundige of verpleegkundige. Samen kijkt u wat u nodig hebt.",
        "parents.heading": "Wat is er voor u?",
        "parents.lead": "Bent u zwanger, wilt u een kind, of hebt u een baby of peuter? Kijk hier welke hulp er is waar u woont.",
        "parents.where": "Waar woont u?",
        "parents.where.choose": "Kies uw gemeente",
        "parents.situation": "Wat past bij u?",
        "parents.topic": "Waar gaat uw vraag over?",
        "parents.none": "We vonden niets dat precies past. Kies minder dingen, of vraag uw verloskundige of het consultatiebureau.",
        "parents.error.municipality": "Die gemeente kennen we niet. Kies uw gemeente uit de lijst.",
        "parents.help.text": "Bent u niet veilig thuis? Bel Veilig Thuis: 0800-2000 (gratis, dag en nacht). Bij spoed: bel 112.",
        "parents.how": "Hoe komt u erbij?",
        "parents.how.referral": "Vraag uw verloskundige, huisarts of het consultatiebureau. Zij kunnen u aanmelden.",
    ]
}
