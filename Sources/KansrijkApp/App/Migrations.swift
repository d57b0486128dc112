import Fluent
import Vapor

/// Every migration, in the order it runs. Append only.
enum KansrijkMigrations {
    static func register(on app: Application) {
        let data = app.settings.rootDirectory + "Resources/Data/"
        app.migrations.add(CreateAreas())
        app.migrations.add(SeedAreas2025(dataDirectory: data))
        app.migrations.add(CreateOrganisations())
        app.migrations.add(CreateUsers())
        app.migrations.add(CreateCoalitions())
        app.migrations.add(SessionRecord.migration)
        app.migrations.add(CreateDirectory())
        app.migrations.add(SeedVocabulary())
        app.migrations.add(CreatePathways())
        app.migrations.add(CreateMunicipalityParticipations(), CreatePracticeExamples(), SeedPracticeExamples())
        app.migrations.add(UpdateCoalitionsAddWorkspace(), CreateCoalitionStages(), CreateCoalitionPartners(), CreateCoalitionAmbitions(), CreateCoalitionMeetings(), CreateCoalitionAgreements(), CreateCoalitionStories())
        app.migrations.add(CreateMunicipalityMerges(), SeedMunicipalityMerges(), CreateIndicators(), SeedIndicators(), CreateMonitoringCounts())
        app.migrations.add(UpdateCoalitionsRemoveTranche())
        app.migrations.add(CreateCareClients(), CreateClientInvolvements(), CreateConsents(), CreateBreakGlassAccess(), CreateAuditEvents(), CreateReferrals(), CreateCareNotifications(), CreateEscalationSteps(), CreateCareIndexes())
        app.migrations.add(CareScreeningMDOMigrations.all)
        app.migrations.add(MonitoringReportMigrations.all)
        app.migrations.add(UpdateCoalitionStoriesAddIsPublic(), UpdateIndicatorsAddEnglish())
        app.migrations.add(CreateCareAccessIndexes())
        app.migrations.add(CreateWorklistOrderIndexes(), CreateCareCoveringIndexes(), CreateListingCoveringIndexes())
        app.migrations.add(CreateAuditOutbox(), MoveAuditLogToOwnFile())
        app.migrations.add(CreateOrganisationNamesIndex())
        app.migrations.add(UpdateBreakGlassAddReview(), UpdateUsersAddSecondFactor())
        app.migrations.add(CreateMailOutbox(), UpdateAccountsForOnboarding())
        app.migrations.add(CreateNotificationTables(), UpdateCareNotificationsAddEvent())
        app.migrations.add(CreateInvitations(), CreatePasswordResets())
        app.migrations.add(UpdatePathwaysPublishExisting())
        app.migrations.add(CreateServiceReferralRoutes(), UpdateReferralsAddChannel())
        app.migrations.add(CreatePrenatalHomeVisits(), CreateExtraCare(), CreateExtraCareIndexes())
        app.migrations.add(UpdateClientRecordFor1000Days())
        app.migrations.add(CreateCoalitionParentAddresses())
        app.migrations.add(CreateDirectoryReviewFlags(), CreateServiceAreaTexts())
        app.migrations.add(CreateHSDSOriginals())
        app.migrations.add(CreateClusterVersions())
        app.migrations.add(CreateSharedState())
        app.migrations.add(CreateBackgroundRuns(), UpdateMonitoringImportJobsForWorkers())
        app.migrations.add(CreateClientLookupIndexes())
    }
}
