import Vapor

extension Application {
    /// The in-memory copies of database state, each reloaded when another instance changed its
    /// topic (ADR 0040). Everything built from the directory snapshot (search result fragments,
    /// the HSDS catalog and list items) is keyed on the snapshot and follows it; the area reference
    /// (`AreaReference`) and the maps are read from files, not the database, and need nothing.
    /// They read the primary, never a replica: a copy older than the version it is marked with
    /// would not be loaded again.
    func registerClusterReloads() {
        let changes = clusterChanges
        changes.onChange(.directory) { app in try await app.directory.reload(on: app.db) }
        changes.onChange(.receiving) { app in try await app.referralReceiving.reload(on: app.db) }
        // dashboards, maps and reports compute again from the new counts; rendered pages are dropped
        changes.onChange(.monitoring) { app in app.monitoringSnapshot.invalidate() }
        // municipalities and merges: the monitor's area dimension and the directory's place names
        changes.onChange(.areas) { app in
            app.monitoringSnapshot.invalidate()
            try await app.directory.reload(on: app.db)
        }
    }
}
