import Fluent
import Foundation

/// The kinds of meeting a coalition holds (Zeist: kerncoalitie 4-5x a year, managers twice,
/// a yearly netwerkcafé, themed sessions with invited experts; Borsele: workgroups and a
/// half-yearly meeting of all partners).
enum CoalitionMeetingKind: String, Codable, CaseIterable, Sendable {
    case core = "kerncoalitie"
    case managers = "managers"
    case networkCafe = "netwerkcafe"
    case theme = "thema"
    case workgroup = "werkgroep"
    case allPartners = "alle-partners"

    /// Meetings whose action points carry over to each other. A themed session is a kerncoalitie
    /// meeting with guests, so it shares the kerncoalitie's list.
    var series: CoalitionMeetingKind { self == .theme ? .core : self }

    /// How often a year the seeds say this kind meets; nil when there is no norm.
    var perYear: ClosedRange<Int>? {
        switch self {
        case .core: 4...5
        case .managers: 2...2
        case .networkCafe: 1...1
        case .allPartners: 2...2
        case .theme, .workgroup: nil
        }
    }
}

final class CoalitionMeeting: Model, @unchecked Sendable {
    static let schema = "coalition_meetings"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    @Field(key: "kind") var kind: CoalitionMeetingKind
    @Field(key: "title") var title: String
    @Field(key: "starts_at") var startsAt: Date
    @Field(key: "ends_at") var endsAt: Date
    @Field(key: "location") var location: String
    /// Agenda items, one per line.
    @Field(key: "agenda") var agenda: String
    /// Invited experts and guests, one per line.
    @Field(key: "guests") var guests: String
    /// Decisions taken, one per line.
    @Field(key: "decisions") var decisions: String

    // relationships
    @Parent(key: "coalition_id") var coalition: Coalition

    init() {}

    init(id: UUID? = nil, coalitionID: UUID, kind: CoalitionMeetingKind, title: String, startsAt: Date, endsAt: Date,
         location: String = "", agenda: String = "", guests: String = "", decisions: String = "") {
        self.id = id
        self.$coalition.id = coalitionID
        self.kind = kind
        self.title = title
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.location = location
        self.agenda = agenda
        self.guests = guests
        self.decisions = decisions
    }
}

/// A partner that took part in a meeting.
final class CoalitionMeetingAttendance: Model, @unchecked Sendable {
    static let schema = "coalition_meeting_attendances"

    @ID(key: .id) var id: UUID?
    @Parent(key: "meeting_id") var meeting: CoalitionMeeting
    @Parent(key: "partner_id") var partner: CoalitionPartner

    init() {}

    init(meetingID: UUID, partnerID: UUID) {
        self.$meeting.id = meetingID
        self.$partner.id = partnerID
    }
}

/// An action point raised at a meeting; it stays on the agenda of the following meetings of
/// the same series until it is done (see `ActionPointCarryOver`).
final class CoalitionActionPoint: Model, @unchecked Sendable {
    static let schema = "coalition_action_points"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    @Field(key: "text") var text: String
    /// Calendar days (see `CalendarDay`).
    @OptionalField(key: "due_on") var dueOn: Date?
    @OptionalField(key: "done_on") var doneOn: Date?

    // relationships
    @Parent(key: "coalition_id") var coalition: Coalition
    @Parent(key: "meeting_id") var meeting: CoalitionMeeting
    @OptionalParent(key: "owner_id") var owner: CoalitionPartner?

    init() {}

    init(id: UUID? = nil, coalitionID: UUID, meetingID: UUID, text: String, ownerID: UUID? = nil,
         dueOn: Date? = nil, doneOn: Date? = nil) {
        self.id = id
        self.$coalition.id = coalitionID
        self.$meeting.id = meetingID
        self.text = text
        self.$owner.id = ownerID
        self.dueOn = dueOn
        self.doneOn = doneOn
    }
}
