import Foundation
import Vapor

/// A story with its tags and the teller's consent. A text that looks like it holds a name is
/// sent back with a warning until the names are removed or the user confirms there are none.
struct CoalitionStoryForm: Content, Sendable {
    var title: String?
    var body: String?
    var teller: String?
    var phase: String?
    var theme: String?
    var partner: String?
    var toldOn: String?
    var consent: String?
    var consentOn: String?
    var consentForm: String?
    var namesChecked: String?
    /// Ticked by the author when the story may appear on public dashboards (off by default).
    var `public`: String?

    enum CodingKeys: String, CodingKey {
        case title, body, teller, phase, theme, partner, consent, `public`
        case toldOn = "told_on", consentOn = "consent_on", consentForm = "consent_form", namesChecked = "names_checked"
    }

    struct Valid {
        var title: String; var body: String; var teller: StoryTeller; var phase: String?; var theme: String?
        var partnerID: UUID?; var toldOn: Date; var consentOn: Date; var consentForm: ConsentForm; var isPublic: Bool
    }

    /// The result also carries the name findings, so the page can explain them.
    func validate(partners: Set<UUID>, today: Date, english: Bool) -> (Result<Valid, FieldErrors>, [NameWarnings.Finding]) {
        let m = WorkspaceMessages(english: english)
        var errors = FieldErrors()
        let title = FormInput.limited(self.title, "title", max: 150, required: true, &errors, m)
        let body = FormInput.limited(self.body, "body", max: 3000, required: true, &errors, m)
        let findings = NameWarnings.check([title ?? "", body ?? ""].joined(separator: "\n"))
        if errors["body"] == nil, !findings.isEmpty, !FormInput.ticked(namesChecked) {
            errors["body"] = m.names(findings.map(\.words))
        }
        let teller = StoryTeller(rawValue: FormInput.text(self.teller) ?? "")
        if teller == nil { errors["teller"] = m.choice }
        let phase = FormInput.text(self.phase)
        if let phase, Term.find(.fase, phase) == nil { errors["phase"] = m.choice }
        let theme = FormInput.text(self.theme)
        if let theme, Term.find(.thema, theme) == nil { errors["theme"] = m.choice }
        var partnerID: UUID?
        if FormInput.text(partner) != nil {
            partnerID = FormInput.uuid(partner)
            if partnerID == nil || !partners.contains(partnerID!) { errors["partner"] = m.choice }
        }
        let told = FormInput.day(toldOn, "told_on", required: true, &errors, m)
        if let told, told > today { errors["told_on"] = m.future }
        if !FormInput.ticked(consent) { errors["consent"] = m.consent }
        let consentOn = FormInput.day(self.consentOn, "consent_on", required: true, &errors, m)
        if let consentOn, consentOn > today { errors["consent_on"] = m.future }
        let form = ConsentForm(rawValue: FormInput.text(consentForm) ?? "")
        if form == nil { errors["consent_form"] = m.choice }
        guard errors.isEmpty, let title, let body, let teller, let told, let consentOn, let form else { return (.failure(errors), findings) }
        return (.success(Valid(title: title, body: body, teller: teller, phase: phase, theme: theme, partnerID: partnerID,
                               toldOn: told, consentOn: consentOn, consentForm: form, isPublic: FormInput.ticked(`public`))), findings)
    }
}

extension CoalitionStoryForm {
    /// The form as it shows a stored story: consent and the name check were settled when it was added.
    init(_ story: CoalitionStory) {
        title = story.title; body = story.body; teller = story.teller.rawValue; phase = story.phase; theme = story.theme
        partner = story.$partner.id?.slug; toldOn = CalendarDay.iso(story.toldOn); consent = "ja"
        consentOn = CalendarDay.iso(story.consentOn); consentForm = story.consentForm.rawValue; namesChecked = "ja"
        `public` = story.isPublic ? "ja" : nil
    }
}
