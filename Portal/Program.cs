using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.SignalR;
using MudBlazor.Services;
using Portal.Components;
using Portal.Components.Account;
using Portal.Components.Layout;
using Portal.Data;
using Portal.Features.Documents;
using Portal.Features.Admin;
using Portal.Features.Establishment;
using Portal.Features.Imports;
using Portal.Features.Meetings;
using Portal.Features.Meetings.Feeds;
using Portal.Features.Notifications.Preferences;
using Portal.Features.OpenData;
using Portal.Features.Plans;
using Portal.Features.Reports;
using Portal.Features.Setup;
using Portal.Features.Thread;
using Portal.Features.TwoFactor;
using Portal.Infrastructure;
using Portal.Infrastructure.Backups;
using Portal.Infrastructure.Health;
using Portal.Infrastructure.Hosting;
using Portal.Infrastructure.Localization;
using Portal.Infrastructure.Security;
using Portal.Infrastructure.Security.Oidc;

if (RestoreCommand.IsRestore(args))
{
    // Restoring a backup is done with the portal stopped: no web host, just the file.
    var configuration = new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .AddCommandLine(RestoreCommand.ConfigurationArguments(args))
        .Build();
    Environment.ExitCode = RestoreCommand.Run(args, configuration, Directory.GetCurrentDirectory(), Console.Out, TimeProvider.System);
    return;
}

if (Portal.Data.PostgreSQL.MigrateToCommand.IsMigrateTo(args))
{
    // Moving a council from SQLite to PostgreSQL is done with the portal stopped: no web host.
    var configuration = new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .AddCommandLine(Portal.Data.PostgreSQL.MigrateToCommand.ConfigurationArguments(args))
        .Build();
    Environment.ExitCode = await Portal.Data.PostgreSQL.MigrateToCommand.RunAsync(args, configuration, Directory.GetCurrentDirectory(), Console.Out, CancellationToken.None);
    return;
}

if (CheckCommand.IsCheck(args))
{
    // The configuration exactly as the portal would start with it, checked and printed; no web host runs.
    var checking = WebApplication.CreateBuilder(CheckCommand.ConfigurationArguments(args));
    Environment.ExitCode = await CheckCommand.RunAsync(checking.Configuration, checking.Environment, Console.Out, CancellationToken.None);
    return;
}

var builder = WebApplication.CreateBuilder(args);
var services = builder.Services;
var portalOptions = builder.Configuration.GetSection(PortalOptions.Section).Get<PortalOptions>() ?? new PortalOptions();
var connectionString = PortalDatabase.ConnectionString(builder.Configuration, builder.Environment.ContentRootPath);

// One portal at a time on a file, and never while a restore is moving it: the lock is held until the process ends.
// (On PostgreSQL several instances share the database: there is no file to lock.)
var databaseFile = PortalDatabase.Provider(builder.Configuration) == DatabaseProvider.Sqlite ? DatabaseBackup.DatabaseFile(connectionString) : ":memory:";
using var databaseLock = databaseFile == ":memory:" ? null : DatabaseLock.TryTake(databaseFile);
if (databaseLock is null && databaseFile != ":memory:")
{
    Console.Error.WriteLine($"The portal did not start: {Path.GetFullPath(databaseFile)} is in use by another portal or a restore (it holds {DatabaseLock.PathFor(databaseFile)}). Stop that one first.");
    Environment.ExitCode = 2;
    return;
}

if (!string.IsNullOrWhiteSpace(portalOptions.PublicUrl) && !PublicAddress.TryRead(portalOptions.PublicUrl, out _))
{
    Console.Error.WriteLine($"The portal did not start: Portal:PublicUrl must be the whole address people reach the portal at, such as https://portal.council.gov.uk/, not \"{portalOptions.PublicUrl}\".");
    Environment.ExitCode = 2;
    return;
}

if (PortalHosting.StartProblem(builder.Configuration) is string hostingProblem)
{
    Console.Error.WriteLine($"The portal did not start: {hostingProblem}");
    Environment.ExitCode = 2;
    return;
}

services.AddPortalCore(builder.Configuration, connectionString);
services.AddPortalTwoFactor(builder.Configuration);
services.AddPortalHosting(builder.Configuration, builder.Environment);
services.AddSingleton<CircuitLimiter>();
services.AddRazorComponents().AddInteractiveServerComponents()
    .AddHubOptions(options =>
    {
        options.AddFilter<CircuitLimiter>();

        // A pasted text of up to about a megabyte reaches the service, which answers with a clear
        // message beside the field; at SignalR's default 32 KB it would drop the page's connection.
        // (A change event carries the text twice: as the value and as the field's.)
        options.MaximumReceiveMessageSize = 4 * 1024 * 1024;
    });

// Blazor's circuit options (DisconnectedCircuitMaxRetained, DisconnectedCircuitRetentionPeriod, ...)
// from Portal:Circuits when set; unset, Blazor's defaults, which README's benchmark section sizes.
services.Configure<Microsoft.AspNetCore.Components.Server.CircuitOptions>(builder.Configuration.GetSection("Portal:Circuits"));
services.AddMudServices();
services.AddSingleton<ThemeStylesheet>();
services.AddScoped<Portal.Components.Shared.DisplayPreferences>();
services.AddScoped<Portal.Components.Layout.ShownPath>();

services.AddCascadingAuthenticationState();
services.AddScoped<IdentityRedirectManager>();
services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
services.AddAuthentication(options =>
    {
        options.DefaultScheme = IdentityConstants.ApplicationScheme;
        options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
    })
    .AddIdentityCookies();
services.AddPortalOidc(builder.Configuration);
services.ConfigureApplicationCookie(options =>
{
    options.LoginPath = "/account/login";
    options.LogoutPath = "/account/logout";
    options.AccessDeniedPath = "/account/access-denied";
    options.Cookie.Name = "portal.auth";
    options.Cookie.HttpOnly = true;
    options.Cookie.SameSite = SameSiteMode.Lax;
});
services.AddPortalSessionLimits(portalOptions);
services.AddPortalRateLimits(builder.Configuration);

var app = builder.Build();
app.UsePortalProxies();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
    app.UseHsts();
    app.UseHttpsRedirection();
}

// Named here so they run after the forwarded headers and the HTTPS redirection (left out, the
// host would put them before everything, and a sign-in redirect would name the proxy's address).
app.UseAuthentication();
app.UseAuthorization();

app.UseSecurityHeaders();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseRequestLocalization(options =>
{
    options.SetDefaultCulture(portalOptions.EffectiveDefaultCulture)
        .AddSupportedCultures([.. Cultures.Supported])
        .AddSupportedUICultures([.. Cultures.Supported]);
    options.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
});
app.UsePortalRateLimits();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapAccountEndpoints();
app.MapProviderSignIn();
app.MapCultureSwitch();
app.MapThemeStylesheets();
app.MapPlanExports();
app.MapThreadExports();
app.MapMeetingFeeds();
app.MapEstablishmentExports();
app.MapReportFiles();
app.MapDocuments();
app.MapAdminExports();
app.MapImportTemplates();
app.MapUnsubscribe();
Portal.Features.Members.MemberEndpoints.MapCouncillorPhotos(app);
app.MapPortalHealthChecks();
app.MapOpenData();

await using (var scope = app.Services.CreateAsyncScope())
{
    try
    {
        var installation = await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        var setupOpen = installation.Kind == InstallationKind.Council
            && await scope.ServiceProvider.GetRequiredService<SetupService>().IsOpenAsync(CancellationToken.None);
        app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app, installation, setupOpen));
    }
    catch (DatabaseRefusedException refused)
    {
        // A damaged or foreign file: one line saying which and what to do, not a stack trace.
        Console.Error.WriteLine(refused.Message);
        Environment.ExitCode = 1;
        return;
    }
}

await app.RunAsync();

/// <summary>The entry point, visible to the browser tests' <c>WebApplicationFactory</c>.</summary>
public partial class Program;
