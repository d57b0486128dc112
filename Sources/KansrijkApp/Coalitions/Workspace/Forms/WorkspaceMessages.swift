import Foundation

/// Validation messages of the coalition workspace, Dutch first, English second.
struct WorkspaceMessages {
    var english: Bool
    var base: FieldMessages { FieldMessages(english: english) }

    var required: String { base.required }
    var choice: String { base.choice }
    func tooLong(_ n: Int) -> String { base.tooLong(n) }

    var date: String { english ? "Enter a real date (year-month-day, e.g. 2025-03-14)." : "Vul een bestaande datum in (jaar-maand-dag, bijvoorbeeld 2025-03-14)." }
    var future: String { english ? "This date is in the future." : "Deze datum ligt in de toekomst." }
    var stageFuture: String { english ? "This date is in the future. Enter the day the coalition reached this stage." : "Deze datum ligt in de toekomst. Vul de dag in waarop de coalitie deze fase bereikte." }
    func stageTwice(_ day: String) -> String { english ? "This stage was already recorded on \(day). Delete that entry first if the date is wrong." : "Deze fase is al vastgelegd op \(day). Verwijder die eerst als de datum niet klopt." }
    var leftBeforeJoined: String { english ? "The day the partner left is before the day it joined. Check both dates." : "De datum van vertrek ligt vóór de datum van aansluiten. Controleer beide datums." }
    var endBeforeStart: String { english ? "The end date is before the start date. Check both dates." : "De einddatum ligt vóór de begindatum. Controleer beide datums." }
    var time: String { english ? "Enter a time as hh:mm, e.g. 15:30." : "Vul een tijd in als uu:mm, bijvoorbeeld 15:30." }
    var endTimeBeforeStart: String { english ? "The meeting must end after it starts." : "Het overleg moet later eindigen dan het begint." }
    func duplicatePartner(_ name: String) -> String { english ? "\(name) is already a partner of this coalition. Edit that partner instead of adding it again." : "\(name) is al partner van deze coalitie. Pas die partner aan in plaats van hem opnieuw toe te voegen." }
    var organisationOrNew: String { english ? "Choose an organisation, or fill in the name of a new one." : "Kies een organisatie, of vul de naam van een nieuwe organisatie in." }
    var organisationAndNew: String { english ? "Choose an existing organisation or fill in a new one, not both." : "Kies een bestaande organisatie óf vul een nieuwe in, niet allebei." }
    var organisationExists: String { english ? "This organisation already exists. Choose it from the list above." : "Deze organisatie bestaat al. Kies haar in de lijst hierboven." }
    var slug: String { english ? "Use lower-case letters, digits and hyphens only, e.g. kansrijke-start-zeist." : "Gebruik alleen kleine letters, cijfers en streepjes, bijvoorbeeld kansrijke-start-zeist." }
    var slugTaken: String { english ? "This short name is already in use." : "Deze korte naam is al in gebruik." }
    var municipality: String { english ? "Name at least one municipality." : "Noem minstens één gemeente." }
    func indicators(_ parts: [String]) -> String {
        english ? "Not a valid code: \(parts.joined(separator: ", ")). Use lower-case letters, digits and _ (e.g. big2, zorg_na_week_10)."
            : "Geen geldige code: \(parts.joined(separator: ", ")). Gebruik kleine letters, cijfers en _ (bijvoorbeeld big2, zorg_na_week_10)."
    }
    var dueBeforeMeeting: String { english ? "The deadline is before the meeting itself." : "De deadline ligt vóór het overleg zelf." }
    var doneBeforeRaised: String { english ? "An action point cannot be done before the meeting that agreed it." : "Een actiepunt kan niet af zijn vóór het overleg waarin het is afgesproken." }
    var fileEmpty: String { english ? "The file is empty." : "Het bestand is leeg." }
    func fileTooLarge(_ bytes: Int) -> String {
        let mb = String(format: "%.1f", Double(bytes) / 1_048_576)
        let max = UploadCheck.maxBytes / 1_048_576
        return english ? "The file is \(mb) MB; a document may be at most \(max) MB. Make it smaller (for example as a PDF) and try again."
            : "Het bestand is \(mb.replacingOccurrences(of: ".", with: ",")) MB; een document mag hooguit \(max) MB zijn. Maak het kleiner (bijvoorbeeld als pdf) en probeer het opnieuw."
    }
    var fileType: String { english ? "This file is not a PDF, ODT, DOCX, PNG or JPEG. We look at what is inside the file, not at its name." : "Dit bestand is geen pdf, odt, docx, png of jpeg. We kijken naar wat er in het bestand staat, niet naar de naam." }
    var consent: String { english ? "Tick that the teller gave consent. Without consent the story is not stored." : "Vink aan dat de verteller toestemming gaf. Zonder toestemming slaan we het verhaal niet op." }
    func names(_ words: [String]) -> String {
        let list = words.map { "‘\($0)’" }.joined(separator: ", ")
        return english ? "These words look like a name: \(list). Remove the names, or tick below that they are not names."
            : "Deze woorden lijken op een naam: \(list). Haal de namen weg, of vink hieronder aan dat het geen namen zijn."
    }
}

/// Reading posted fields the same way in every workspace form.
enum FormInput {
    /// Trimmed text, nil when empty.
    static func text(_ v: String?) -> String? {
        guard let t = v?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
        return t
    }

    /// Non-empty trimmed lines, joined with a line break.
    static func lines(_ v: String?) -> String {
        (v ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: "\n")
    }

    static func uuid(_ v: String?) -> UUID? { text(v).flatMap(UUID.init(uuidString:)) }

    /// A day field: nil when empty (an error when `required`), an error when malformed.
    static func day(_ raw: String?, _ key: String, required: Bool, _ errors: inout FieldErrors, _ m: WorkspaceMessages) -> Date? {
        guard let t = text(raw) else {
            if required { errors[key] = m.required }
            return nil
        }
        guard let d = CalendarDay.parse(t) else { errors[key] = m.date; return nil }
        return d
    }

    /// Text within a length limit; nil and an error when required and empty.
    static func limited(_ raw: String?, _ key: String, max: Int, required: Bool, _ errors: inout FieldErrors, _ m: WorkspaceMessages) -> String? {
        guard let t = text(raw) else {
            if required { errors[key] = m.required }
            return nil
        }
        if t.count > max { errors[key] = m.tooLong(max); return nil }
        return t
    }

    /// A checkbox: present with any value means ticked.
    static func ticked(_ v: String?) -> Bool { text(v) != nil }
}
