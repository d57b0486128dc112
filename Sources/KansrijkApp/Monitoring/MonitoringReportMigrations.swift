import Fluent

/// The tables of the monitor's import pages, local indicators and progress report, in order.
enum MonitoringReportMigrations {
    static let all: [any Migration] = [CreateMonitoringImportJobs(), CreateLocalIndicatorOwners(), CreateReportDrafts()]
}
