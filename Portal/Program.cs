using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.SignalR;
using MudBlazor.Services;
using Portal.Components;
using Portal.Components.Account;
using Portal.Components.Layout;
using Portal.Data;
using Portal.Features.Admin;
using Portal.Features.Establishment;
using Portal.Features.GoldenThread;
using Portal.Features.Meetings;
using Portal.Features.Reports;
using Portal.Features.Plans;
using Portal.Infrastructure;
using Portal.Infrastructure.Backups;
using Portal.Infrastructure.Health;
using Portal.Infrastructure.Localization;
using Portal.Infrastructure.Security;

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

var builder = WebApplication.CreateBuilder(args);
var services = builder.Services;
var portalOptions = builder.Configuration.GetSection(PortalOptions.Section).Get<PortalOptions>() ?? new PortalOptions();

services.AddPortalCore(builder.Configuration, SqliteSetup.ConnectionString(builder.Configuration, builder.Environment.ContentRootPath));
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
services.AddMudServices();
services.AddSingleton<ThemeStylesheet>();

services.AddCascadingAuthenticationState();
services.AddScoped<IdentityRedirectManager>();
services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
services.AddAuthentication(options =>
    {
        options.DefaultScheme = IdentityConstants.ApplicationScheme;
        options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
    })
    .AddIdentityCookies();
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

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
    app.UseHsts();
    app.UseHttpsRedirection();
}

app.UseSecurityHeaders();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseRequestLocalization(options =>
{
    options.SetDefaultCulture(portalOptions.EffectiveDefaultCulture)
        .AddSupportedCultures([.. Cultures.Supported])
        .AddSupportedUICultures([.. Cultures.Supported]);
    options.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
});
app.UseAntiforgery();

app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapAccountEndpoints();
app.MapCultureSwitch();
app.MapThemeStylesheets();
app.MapPlanExports();
app.MapThreadExports();
app.MapMeetingFeeds();
app.MapEstablishmentExports();
app.MapReportFiles();
app.MapAdminExports();
app.MapPortalHealthChecks();

await using (var scope = app.Services.CreateAsyncScope())
{
    var installation = await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
    app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app, installation));
}

await app.RunAsync();

/// <summary>The entry point, visible to the browser tests' <c>WebApplicationFactory</c>.</summary>
public partial class Program;
