using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Portal.Tests.Browser.Oidc;

/// <summary>An account at the test provider: who the provider says someone is.</summary>
public sealed record ProviderAccount(string Subject, string Email, bool EmailVerified, params string[] Groups);

/// <summary>
/// A real OpenID Connect provider on loopback for the browser tests: an OpenIddict server in a
/// Kestrel host at a port the system chooses, with the authorisation-code flow and PKCE required,
/// an end-session endpoint, and a one-field sign-in form where the browser types which of the
/// test's accounts signs in. It issues signed identity tokens with sub, email, email_verified
/// and groups claims. Its stores are OpenIddict's Entity Framework ones on an in-memory SQLite
/// database that lives as long as the provider.
/// </summary>
public sealed class TestProvider : IAsyncLifetime
{
    public const string ClientId = "portal";
    public const string ClientSecret = "portal-test-secret-0123456789";

    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly ConcurrentDictionary<string, ProviderAccount> _accounts = new(StringComparer.OrdinalIgnoreCase);
    private WebApplication? _app;

    /// <summary>The provider's issuer address, ending in a slash.</summary>
    public string Authority { get; private set; } = string.Empty;

    /// <summary>Makes <paramref name="account"/> the one that signs in when its email is typed at the provider (replacing any with that email).</summary>
    public void Add(ProviderAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        _accounts[account.Email] = account;
    }

    public async ValueTask InitializeAsync()
    {
        await _connection.OpenAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddDbContext<ProviderDb>(options =>
        {
            options.UseSqlite(_connection);
            options.UseOpenIddict();
        });
        builder.Services.AddOpenIddict()
            .AddCore(options => options.UseEntityFrameworkCore().UseDbContext<ProviderDb>())
            .AddServer(options =>
            {
                options.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/endsession");
                options.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                options.RegisterScopes(Scopes.OpenId, Scopes.Email, Scopes.Profile);
                options.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                options.DisableAccessTokenEncryption();
                options.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .DisableTransportSecurityRequirement();
            });
        builder.Services.AddAuthentication();

        _app = builder.Build();
        _app.UseAuthentication();
        _app.MapMethods("/connect/authorize", [HttpMethods.Get], Authorize);
        _app.MapMethods("/connect/endsession", [HttpMethods.Get, HttpMethods.Post], () =>
            Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]));
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ProviderDb>().Database.EnsureCreatedAsync();
        }

        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Authority = address.TrimEnd('/') + "/";
    }

    /// <summary>Registers the portal at <paramref name="portalBaseUrl"/> as a confidential client with its redirect and post-sign-out addresses.</summary>
    public async Task RegisterPortalAsync(string portalBaseUrl)
    {
        await using var scope = _app!.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = ClientId,
            ClientSecret = ClientSecret,
            ClientType = ClientTypes.Confidential,
            ApplicationType = ApplicationTypes.Web,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "Portal",
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Email,
                Permissions.Scopes.Profile,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        descriptor.RedirectUris.Add(new Uri(portalBaseUrl + "/signin-oidc"));
        descriptor.PostLogoutRedirectUris.Add(new Uri(portalBaseUrl + "/signout-callback-oidc"));
        if (await manager.FindByClientIdAsync(ClientId) is { } existing)
        {
            await manager.DeleteAsync(existing);
        }

        await manager.CreateAsync(descriptor);
    }

    /// <summary>
    /// The authorisation endpoint: without an account, a form asking for one (the request's own
    /// parameters carried along); with one the test added, a signed-in identity for OpenIddict to
    /// turn into a code. An email the test did not add is simply asked for again.
    /// </summary>
    private IResult Authorize(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var typed = context.Request.Query["account"].ToString();
        if (!_accounts.TryGetValue(typed, out var account))
        {
            return Results.Content(SignInForm(context.Request.Query), "text/html; charset=utf-8");
        }

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, account.Subject)
            .SetClaim(Claims.Email, account.Email)
            .SetClaim(Claims.EmailVerified, account.EmailVerified)
            .SetClaim(Claims.Name, account.Email)
            .SetClaims("groups", [.. account.Groups]);
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static string SignInForm(IQueryCollection query)
    {
        var hidden = string.Concat(query.Where(p => p.Key != "account")
            .Select(p => $"<input type=\"hidden\" name=\"{WebUtility.HtmlEncode(p.Key)}\" value=\"{WebUtility.HtmlEncode(p.Value.ToString())}\">"));
        return $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Test Council ID</title></head>
            <body><main><h1>Test Council ID</h1>
            <form method="get" action="/connect/authorize">{{hidden}}
            <label for="account">Email address</label> <input id="account" name="account" type="email">
            <button type="submit">Continue</button></form></main></body></html>
            """;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await _connection.DisposeAsync();
    }
}

/// <summary>The test provider's own stores: OpenIddict's applications, authorisations, scopes and tokens.</summary>
internal sealed class ProviderDb(DbContextOptions<ProviderDb> options) : DbContext(options);
