using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using MudBlazor.Services;
using Portal.Components;
using Portal.Components.Account;
using Portal.Data;
using Portal.Data.Seeding;
using Portal.Features.Organisation;
using Portal.Features.Setup;
using Portal.Infrastructure;
using Portal.Infrastructure.Health;
using Portal.Infrastructure.LiveUpdates;
using Portal.Infrastructure.Localization;
using Portal.Infrastructure.Markdown;
using Portal.Infrastructure.Security;

var builder = WebApplication.CreateBuilder(args);
var services = builder.Services;

services.Configure<PortalOptions>(builder.Configuration.GetSection(PortalOptions.Section));
var portalOptions = builder.Configuration.GetSection(PortalOptions.Section).Get<PortalOptions>() ?? new PortalOptions();
var connectionString = SqliteSetup.ConnectionString(builder.Configuration, builder.Environment.ContentRootPath);

services.AddRazorComponents().AddInteractiveServerComponents();
services.AddMudServices();
services.AddTransient<MudLocalizer, PortalMudLocalizer>();
services.AddLocalization();
services.AddSingleton(TimeProvider.System);

services.AddScoped<CurrentUser>();
services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());
services.AddDbContextFactory<PortalDbContext, PortalDbContextFactory>(
    options => options.UsePortalSqlite(connectionString), ServiceLifetime.Scoped);
services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext());

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
    .AddSignInManager()
    .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>()
    .AddDefaultTokenProviders();
services.AddAuthorizationBuilder().AddPortalPolicies();

services.AddSingleton<ChangeFeed>();
services.AddSingleton<MarkdownRenderer>();
services.AddScoped<DemoSeeder>();
services.AddScoped<DatabaseInitializer>();
services.AddScoped<OrganisationService>();
services.AddScoped<SetupService>();
services.AddPortalHealthChecks();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
    app.UseHsts();
    app.UseHttpsRedirection();
}

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
app.MapPortalHealthChecks();

await using (var scope = app.Services.CreateAsyncScope())
{
    var installation = await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
    app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app, installation));
}

await app.RunAsync();

/// <summary>The entry point, visible to the browser tests' <c>WebApplicationFactory</c>.</summary>
public partial class Program;
