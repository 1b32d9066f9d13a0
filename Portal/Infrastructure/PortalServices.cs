using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using Portal.Data;
using Portal.Data.Seeding;
using Portal.Features.Imports;
using Portal.Features.Documents;
using Portal.Features.Meetings;
using Portal.Features.Meetings.Agenda;
using Portal.Features.Meetings.Bodies;
using Portal.Features.Meetings.Calendar;
using Portal.Features.Meetings.Feeds;
using Portal.Features.Meetings.Minutes;
using Portal.Features.Notifications;
using Portal.Features.Organisation;
using Portal.Features.Plans;
using Portal.Features.Plans.Actions;
using Portal.Features.Plans.Dashboard;
using Portal.Features.Plans.Indicators;
using Portal.Features.Plans.Plans;
using Portal.Features.Plans.Risks;
using Portal.Features.Setup;
using Portal.Features.Thread;
using Portal.Infrastructure.Health;
using Portal.Infrastructure.Hosting;
using Portal.Infrastructure.LiveUpdates;
using Portal.Infrastructure.Localization;
using Portal.Infrastructure.Markdown;
using Portal.Infrastructure.Security;
using Portal.Infrastructure.Time;

namespace Portal.Infrastructure;

/// <summary>
/// The portal's services below the web layer: database, identity stores, policies, the
/// cross-cutting mechanisms and the features' services. Program.cs adds the web layer on top;
/// the service tests call this same method, so they test the wiring the app runs with.
/// </summary>
public static class PortalServices
{
    public static IServiceCollection AddPortalCore(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        services.Configure<PortalOptions>(configuration.GetSection(PortalOptions.Section));
        services.AddLocalization();
        services.AddTransient<MudLocalizer, PortalMudLocalizer>();
        services.AddSingleton(_ => new CouncilClock(TimeProvider.System));
        services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<CouncilClock>());

        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddPortalDatabase(configuration, connectionString); // SQLite by default, or PostgreSQL (Portal:Database:Provider)
        // Identity's stores and the health check take a context from the scope; everything else uses the factory.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext());

        services.AddIdentityCore<PortalUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
                options.Password.RequiredLength = 12;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddSignInManager<PortalSignInManager>()
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();
        // An invitation or a reset link an administrator hands over stays good for a week (or until used).
        services.AddPortalDataProtection(configuration);
        services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = TimeSpan.FromDays(7));
        services.AddAuthorizationBuilder().AddPortalPolicies();
        services.Configure<RateLimitOptions>(configuration.GetSection(RateLimitOptions.Section));
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<KnownDevices>();
        services.AddSingleton<EndedSessions>();

        services.AddSingleton<ChangeFeed>();
        services.AddPortalChangeRelay(configuration); // across instances on PostgreSQL (LISTEN/NOTIFY)
        services.AddPortalJobLock(configuration); // each scheduled round once across instances on PostgreSQL
        services.AddSingleton<MarkdownRenderer>();
        services.AddSingleton<PublicAddress>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<OrganisationService>();
        services.AddScoped<Portal.Features.Admin.ProviderGroups.ProviderGroupService>();
        services.AddScoped<SetupService>();
        services.AddScoped<PlanAccess>();
        services.AddScoped<PlanService>();
        services.AddScoped<ActionService>();
        services.AddScoped<IndicatorService>();
        services.AddScoped<RiskService>();
        services.AddScoped<RiskAppetiteService>();
        services.AddScoped<DashboardService>();
        services.AddSingleton<DashboardCache>();
        services.AddSingleton<DashboardPictureMarkup>();
        services.AddSingleton<DirectorateMap>();
        services.AddScoped<PlanExportService>();
        services.AddScoped<Portal.Features.Thread.Tracing.ThreadTracingService>();
        services.AddScoped<Portal.Features.Thread.Editing.ThreadEditingService>();
        services.AddScoped<Portal.Features.Thread.Appraisals.AppraisalService>();
        services.AddScoped<Portal.Features.Thread.Coverage.ThreadCoverageService>();
        services.AddScoped<Portal.Features.Thread.Map.ThreadMapService>();
        services.AddSingleton<ThreadCache>();
        services.AddScoped<MeetingAccess>();
        services.AddScoped<Portal.Features.Establishment.Chart.ChartService>();
        services.AddScoped<Portal.Features.Establishment.Posts.PostService>();
        services.AddScoped<Portal.Features.Establishment.Posts.PostAdminService>();
        services.AddScoped<Portal.Features.Establishment.Grades.GradeService>();
        services.AddScoped<Portal.Features.Establishment.Roles.StatutoryRoleService>();
        services.AddScoped<Portal.Features.Establishment.Establishment.EstablishmentService>();
        services.AddScoped<BodyService>();
        services.AddScoped<Portal.Features.Meetings.Bodies.AttendanceService>();
        services.AddScoped<MeetingWriter>();
        services.AddScoped<MeetingService>();
        services.AddScoped<ScheduleService>();
        services.AddScoped<AgendaService>();
        services.AddScoped<MinutesService>();
        services.AddScoped<CalendarFeedService>();
        services.AddSingleton<CalendarFeedCache>();
        services.AddHostedService<MeetingScheduler>();
        services.AddScoped<Portal.Features.Reports.ReportWrites>();
        services.AddScoped<Portal.Features.Reports.Drafting.ReportDraftingService>();
        services.AddScoped<Portal.Features.Reports.Drafting.ReportAnnexService>();
        services.AddScoped<Portal.Features.Reports.Workflow.ReportWorkflowService>();
        services.AddScoped<Portal.Features.Reports.Workflow.ExemptReleaseService>();
        services.AddScoped<Portal.Features.Reports.Reading.ReportReadingService>();
        services.AddScoped<Portal.Features.Reports.Reading.ReaderToolsService>();
        services.AddScoped<Portal.Features.Reports.Decisions.DecisionService>();
        services.AddScoped<Portal.Features.Reports.ForwardPlan.ForwardPlanService>();
        services.AddScoped<Portal.Features.Search.SearchService>();
        services.AddSingleton<Portal.Features.Search.ISearchEngine>(sp => sp.GetRequiredService<IDatabaseEngine>().Provider == DatabaseProvider.PostgreSQL
            ? new Portal.Features.Search.PostgresSearchEngine()
            : new Portal.Features.Search.SqliteSearchEngine());
        services.AddDecisionMaking(); // votes, officer and executive member decisions, call-in, key decision notices
        services.AddScoped<Portal.Features.Accessibility.AccessibilityStatementService>();
        services.AddSingleton(new Backups.DatabaseLocation(connectionString));
        services.Configure<Backups.BackupOptions>(configuration.GetSection(Backups.BackupOptions.Section));
        services.AddScoped<Backups.BackupService>();
        services.AddScoped<Portal.Features.Admin.Audit.AuditService>();
        services.AddScoped<Portal.Features.Admin.Users.UserListService>();
        services.AddScoped<Portal.Features.Admin.Users.UserAccountService>();
        services.AddScoped<Portal.Features.Admin.Users.UserAccessService>();
        services.AddHostedService<Backups.BackupScheduler>();
        services.AddPortalHealthChecks();
        services.AddPortalNotifications(configuration);
        Portal.Features.Members.MembersServices.AddMembers(services, configuration);
        services.AddImportsAndExcel();
        Portal.Features.OpenData.OpenDataServices.AddPortalOpenData(services, configuration);
        services.AddPortalDocuments();
        return services;
    }
}
