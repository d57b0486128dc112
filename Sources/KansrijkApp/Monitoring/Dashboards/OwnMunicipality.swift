import Fluent
import Vapor

/// The municipality the monitor opens on for a signed-in user: the one of their organisation
/// (issue 15: "the monitor opens on 's-Gravenhage instead of the user's own municipality").
/// Visitors and platform administrators, who work for the whole country, get none and keep the
/// national default (the first municipality of the list, nothing highlighted).
enum OwnMunicipality {
    static func code(of user: User?, on db: any Database) async throws -> String? {
        guard let user, user.role != .admin else { return nil }
        return try await Organisation.find(user.$organisation.id, on: db)?.municipalityCode
    }

    /// The signed-in user's municipality, if the monitor knows it as an area.
    static func code(_ req: Request, areas: AreaDimension?) async throws -> String? {
        guard let code = try await code(of: req.auth.get(User.self), on: req.db),
              let areas, areas.index(of: code) != nil else { return nil }
        return code
    }
}
