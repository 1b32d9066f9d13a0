using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Portal.Domain.Common;
using Portal.Domain.Establishment;
using Portal.Domain.Meetings;
using Portal.Domain.Organisation;
using Portal.Domain.Plans;
using Portal.Domain.Reports;
using Portal.Domain.Thread;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Concurrency;
using Portal.Infrastructure.Security;

namespace Portal.Data;

/// <summary>
/// The portal's one database: plans, meetings, reports, identity and audit in one SQLite file.
/// Saving does three things besides writing: raises each changed item's version (refusing a
/// stale one), and writes an audit entry for every change in the same transaction.
/// On PostgreSQL (<c>Portal:Database:Provider</c>) the same model runs as
/// <see cref="PostgreSQL.PostgresPortalDbContext"/>, which only gives it its own migrations.
/// </summary>
public class PortalDbContext(DbContextOptions options, ICurrentUser currentUser, TimeProvider clock)
    : IdentityDbContext<PortalUser>(options), IDataProtectionKeyContext
{
    public DbSet<OrganisationUnit> OrganisationUnits => Set<OrganisationUnit>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Installation> Installations => Set<Installation>();

    public DbSet<DirectoratePlan> Plans => Set<DirectoratePlan>();

    public DbSet<Priority> Priorities => Set<Priority>();

    public DbSet<KeyAction> Actions => Set<KeyAction>();

    public DbSet<Milestone> Milestones => Set<Milestone>();

    public DbSet<ProgressUpdate> ProgressUpdates => Set<ProgressUpdate>();

    public DbSet<PerformanceIndicator> Indicators => Set<PerformanceIndicator>();

    public DbSet<IndicatorValue> IndicatorValues => Set<IndicatorValue>();

    public DbSet<Risk> Risks => Set<Risk>();

    public DbSet<PlanSettings> PlanSettings => Set<PlanSettings>();

    public DbSet<ThreadItem> ThreadItems => Set<ThreadItem>();

    public DbSet<ThreadLink> ThreadLinks => Set<ThreadLink>();

    public DbSet<Appraisal> Appraisals => Set<Appraisal>();

    public DbSet<AppraisalObjective> AppraisalObjectives => Set<AppraisalObjective>();

    public DbSet<AppraisalReview> AppraisalReviews => Set<AppraisalReview>();

    public DbSet<Body> Bodies => Set<Body>();

    public DbSet<BodyMember> BodyMembers => Set<BodyMember>();

    public DbSet<Cadence> Cadences => Set<Cadence>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();

    public DbSet<Declaration> Declarations => Set<Declaration>();

    public DbSet<Attendance> Attendance => Set<Attendance>();

    public DbSet<AgreedAction> AgreedActions => Set<AgreedAction>();

    public DbSet<MeetingSettings> MeetingSettings => Set<MeetingSettings>();

    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();

    public DbSet<Grade> Grades => Set<Grade>();

    public DbSet<Post> Posts => Set<Post>();

    public DbSet<PersonSpecCriterion> PersonSpecCriteria => Set<PersonSpecCriterion>();

    public DbSet<PostReporting> PostReportingLines => Set<PostReporting>();

    public DbSet<PostHolding> PostHoldings => Set<PostHolding>();

    public DbSet<StatutoryDesignation> StatutoryDesignations => Set<StatutoryDesignation>();

    public DbSet<EstablishmentSettings> EstablishmentSettings => Set<EstablishmentSettings>();

    public DbSet<Report> Reports => Set<Report>();

    public DbSet<ReportSection> ReportSections => Set<ReportSection>();

    public DbSet<Recommendation> Recommendations => Set<Recommendation>();

    public DbSet<Annex> Annexes => Set<Annex>();

    public DbSet<AnnexContent> AnnexContents => Set<AnnexContent>();

    public DbSet<Decision> Decisions => Set<Decision>();

    public DbSet<DecisionLink> DecisionLinks => Set<DecisionLink>();

    public DbSet<ForwardPlanEntry> ForwardPlan => Set<ForwardPlanEntry>();

    public DbSet<ReadingNote> ReadingNotes => Set<ReadingNote>();

    public DbSet<ReportQuestion> ReportQuestions => Set<ReportQuestion>();

    public DbSet<Portal.Infrastructure.Security.EndedSession> EndedSessions => Set<Portal.Infrastructure.Security.EndedSession>();

    public DbSet<Portal.Infrastructure.Security.Oidc.ProviderGroupRole> ProviderGroupRoles => Set<Portal.Infrastructure.Security.Oidc.ProviderGroupRole>();

    public DbSet<Portal.Domain.Notifications.Notification> Notifications => Set<Portal.Domain.Notifications.Notification>();

    public DbSet<Portal.Domain.Notifications.NotificationPreference> NotificationPreferences => Set<Portal.Domain.Notifications.NotificationPreference>();

    public DbSet<Portal.Domain.Notifications.DistributionRecipient> DistributionRecipients => Set<Portal.Domain.Notifications.DistributionRecipient>();
    public DbSet<Portal.Domain.Meetings.Vote> Votes => Set<Portal.Domain.Meetings.Vote>();

    public DbSet<OfficerDecision> OfficerDecisions => Set<OfficerDecision>();

    public DbSet<CallInSettings> CallInSettings => Set<CallInSettings>();

    public DbSet<KeyDecisionNotice> KeyDecisionNotices => Set<KeyDecisionNotice>();

    /// <summary>The data-protection key ring (cookies, invitation links), kept here so it survives restarts and travels with backups; never audited.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Portal.Domain.Members.Party> Parties => Set<Portal.Domain.Members.Party>();

    public DbSet<Portal.Domain.Members.Ward> Wards => Set<Portal.Domain.Members.Ward>();

    public DbSet<Portal.Domain.Members.Councillor> Councillors => Set<Portal.Domain.Members.Councillor>();

    public DbSet<Portal.Domain.Members.TermOfOffice> TermsOfOffice => Set<Portal.Domain.Members.TermOfOffice>();

    public DbSet<Portal.Domain.Members.CouncillorPhoto> CouncillorPhotos => Set<Portal.Domain.Members.CouncillorPhoto>();

    public DbSet<Portal.Domain.Members.BodyMakeUp> BodyMakeUps => Set<Portal.Domain.Members.BodyMakeUp>();

    public DbSet<Portal.Domain.Members.RegisteredInterest> RegisteredInterests => Set<Portal.Domain.Members.RegisteredInterest>();

    public DbSet<Portal.Domain.Members.InterestVersion> InterestVersions => Set<Portal.Domain.Members.InterestVersion>();

    /// <summary>
    /// Declares the version of <paramref name="entity"/> the editor started from. A different
    /// current version, or one that changes before the save lands, refuses the save with a
    /// <see cref="ConcurrencyConflictException"/> listing what changed.
    /// </summary>
    public async Task ExpectVersionAsync(Entity entity, int expectedVersion, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (entity.Version != expectedVersion)
        {
            throw await ConflictAsync(entity.GetType().Name, entity.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), expectedVersion, ct);
        }

        Entry(entity).Property(e => e.Version).OriginalValue = expectedVersion;
    }

    /// <summary>
    /// Only for the data-protection key ring, which ASP.NET Core saves synchronously and which is
    /// not audited (a key in the audit trail would be a key anyone reading it could use).
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        ChangeTracker.Entries().All(e => e.Entity is DataProtectionKey || e.State is EntityState.Unchanged or EntityState.Detached)
            ? base.SaveChanges(acceptAllChangesOnSuccess)
            : throw new InvalidOperationException("Use SaveChangesAsync: the audit trail is written asynchronously.");

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseAuditRewrites();
        RaiseVersions();
        var pending = AuditTrail.Capture(ChangeTracker);
        if (pending.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var actor = await currentUser.GetPrincipalAsync();
        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            int written;
            try
            {
                written = await base.SaveChangesAsync(acceptAllChangesOnSuccess: true, cancellationToken);
            }
            catch (DbUpdateConcurrencyException ex) when (ex.Entries is [{ Entity: Entity stale } entry, ..])
            {
                var expected = (int)entry.Property(nameof(Entity.Version)).OriginalValue!;
                if (ownTransaction is not null)
                {
                    await ownTransaction.RollbackAsync(cancellationToken);
                }

                throw await ConflictAsync(stale.GetType().Name, stale.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), expected, cancellationToken);
            }

            AuditEntries.AddRange(AuditTrail.Complete(pending, actor, clock.GetUtcNow().UtcDateTime));
            await base.SaveChangesAsync(acceptAllChangesOnSuccess: true, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return written;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(Entity).IsAssignableFrom(t.ClrType)))
        {
            builder.Entity(type.ClrType).Property(nameof(Entity.Version)).IsConcurrencyToken();
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    private void RefuseAuditRewrites()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Audit entries are append-only.");
        }
    }

    private void RaiseVersions()
    {
        foreach (var entry in ChangeTracker.Entries<Entity>())
        {
            var version = entry.Property(e => e.Version);
            if (entry.State == EntityState.Added)
            {
                version.CurrentValue = 1;
            }
            else if (entry.State == EntityState.Modified)
            {
                version.CurrentValue = version.OriginalValue + 1;
            }
        }
    }

    /// <summary>What others changed on an item after <paramref name="sinceVersion"/>, read from the audit trail.</summary>
    private async Task<ConcurrencyConflictException> ConflictAsync(string entityType, string entityId, int sinceVersion, CancellationToken ct)
    {
        var entries = await AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == entityType && a.EntityId == entityId && a.EntityVersion > sinceVersion)
            .OrderBy(a => a.Id)
            .ToListAsync(ct);
        var changes = entries.SelectMany(AuditChanges.Expand).ToList();
        return new ConcurrencyConflictException(entityType, entityId, changes);
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
