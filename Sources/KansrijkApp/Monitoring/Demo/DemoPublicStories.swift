import Fluent
import Vapor

/// Marks the demo stories that are fit for public dashboards (review gap 3): no names, nothing
/// about one family's circumstances. "1000 dagen meelopen" tells about a family's post and
/// benefits, so it stays for the coalition only.
enum DemoPublicStories {
    static let marked: [(slug: String, number: Int)] = [("zeist", 1), ("zeist", 2), ("zeist", 4), ("borsele", 1)]

    static func load(on app: Application) async throws {
        let ids = Self.marked.map { DemoCoalitions.storyID($0.slug, $0.number) }
        try await CoalitionStory.query(on: app.db).filter(\.$id ~~ ids).set(\.$isPublic, to: true).update()
    }
}
