import Foundation

extension HSDSCSVReader {
    /// Nests child rows under their parents, as the JSON form does. A child whose parent is not
    /// in the package is rejected; a child of something we do not keep is counted as left out.
    mutating func assemble() {
        bundle.taxonomies = records(.taxonomies, as: HSDSTaxonomy.self).map(\.record)
        bundle.terms = records(.taxonomyTerms, as: HSDSTaxonomyTerm.self).map(\.record)

        var locations = records(.locations, as: HSDSLocation.self).map(\.record)
        let locationIndex = Dictionary(locations.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        for (row, address) in records(.addresses, as: HSDSAddress.self) {
            guard let i = address.locationID.flatMap({ locationIndex[$0] }) else { rejectMissing(.addresses, row, .locations, "locatie", address.locationID); continue }
            locations[i].addresses = (locations[i].addresses ?? []) + [address]
        }
        for (row, item) in records(.accessibility, as: HSDSAccessibility.self) {
            guard let i = item.locationID.flatMap({ locationIndex[$0] }) else { rejectMissing(.accessibility, row, .locations, "locatie", item.locationID); continue }
            locations[i].accessibility = (locations[i].accessibility ?? []) + [item]
        }

        var organizations = records(.organizations, as: HSDSOrganization.self).map(\.record)
        let organizationIndex = Dictionary(organizations.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var services = records(.services, as: HSDSService.self).map(\.record)
        let serviceIndex = Dictionary(services.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })

        func serviceOf(_ table: HSDSTable, _ row: CSVTable.Row, _ id: String?) -> Int? {
            guard let id else { return nil }
            guard let i = serviceIndex[id] else { rejectMissing(table, row, .services, "service", id); return nil }
            return i
        }

        for (row, area) in records(.serviceAreas, as: HSDSServiceArea.self) {
            guard let i = serviceOf(.serviceAreas, row, area.serviceID) else { if area.serviceID == nil { reject(.serviceAreas, row, "service_id ontbreekt") }; continue }
            services[i].serviceAreas = (services[i].serviceAreas ?? []) + [area]
        }
        for (row, language) in records(.languages, as: HSDSLanguage.self) {
            guard language.serviceID != nil else { bundle.omit("languages.csv (van locatie of telefoon)"); continue }
            guard let i = serviceOf(.languages, row, language.serviceID) else { continue }
            services[i].languages = (services[i].languages ?? []) + [language]
        }
        for (row, schedule) in records(.schedules, as: HSDSSchedule.self) {
            guard schedule.serviceID != nil else { bundle.omit("schedules.csv (van locatie)"); continue }
            guard let i = serviceOf(.schedules, row, schedule.serviceID) else { continue }
            services[i].schedules = (services[i].schedules ?? []) + [schedule]
        }
        for (row, link) in records(.serviceAtLocations, as: HSDSServiceAtLocation.self) {
            guard let i = serviceOf(.serviceAtLocations, row, link.serviceID) else { if link.serviceID == nil { reject(.serviceAtLocations, row, "service_id ontbreekt") }; continue }
            services[i].serviceAtLocations = (services[i].serviceAtLocations ?? []) + [link]
        }

        var contacts = records(.contacts, as: HSDSContact.self)
        let contactIndex = Dictionary(contacts.enumerated().map { ($1.record.id, $0) }, uniquingKeysWith: { a, _ in a })
        for (row, phone) in records(.phones, as: HSDSPhone.self) {
            if let contactID = phone.contactID {
                guard let i = contactIndex[contactID] else { rejectMissing(.phones, row, .contacts, "contact", contactID); continue }
                contacts[i].record.phones = (contacts[i].record.phones ?? []) + [phone]
            } else if phone.serviceID != nil {
                guard let i = serviceOf(.phones, row, phone.serviceID) else { continue }
                services[i].phones = (services[i].phones ?? []) + [phone]
            } else if let organizationID = phone.organizationID {
                guard let i = organizationIndex[organizationID] else { rejectMissing(.phones, row, .organizations, "organisatie", organizationID); continue }
                organizations[i].phones = (organizations[i].phones ?? []) + [phone]
            } else {
                bundle.omit("phones.csv (van locatie)")
            }
        }
        for (row, contact) in contacts {
            guard contact.serviceID != nil else { bundle.omit("contacts.csv (van organisatie of locatie)"); continue }
            guard let i = serviceOf(.contacts, row, contact.serviceID) else { continue }
            services[i].contacts = (services[i].contacts ?? []) + [contact]
        }

        for (row, attribute) in records(.attributes, as: HSDSAttribute.self) {
            guard let linkID = attribute.linkID else { reject(.attributes, row, "link_id ontbreekt"); continue }
            // link_entity is required in the package; when it is missing, the id tells
            let entity = attribute.linkEntity ?? (serviceIndex[linkID] != nil ? "service" : organizationIndex[linkID] != nil ? "organization" : nil)
            switch entity {
            case "service":
                guard let i = serviceOf(.attributes, row, linkID) else { continue }
                services[i].attributes = (services[i].attributes ?? []) + [attribute]
            case "organization":
                guard let i = organizationIndex[linkID] else { rejectMissing(.attributes, row, .organizations, "organisatie", linkID); continue }
                organizations[i].attributes = (organizations[i].attributes ?? []) + [attribute]
            case nil:
                reject(.attributes, row, "link_entity ontbreekt en link_id \(linkID) is geen service of organisatie uit het pakket")
            case let other?:
                bundle.omit("attributes.csv (van \(other))")
            }
        }

        bundle.organizations = organizations
        bundle.services = services
        bundle.locations = locations
    }
}
