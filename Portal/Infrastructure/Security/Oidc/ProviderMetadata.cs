using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Portal.Infrastructure.Security.Oidc;

/// <summary>
/// The provider's published metadata, read through the OpenID Connect handler's own cache: whether
/// the provider can be reached at all (before sending anyone there), and whether it has an
/// end-session endpoint to offer at sign-out. A failure is one log line, never an exception.
/// </summary>
public sealed class ProviderMetadata(IOptions<PortalAuthenticationOptions> settings, IOptionsMonitor<OpenIdConnectOptions> handlerOptions, ILogger<ProviderMetadata> logger)
{
    public bool Enabled => settings.Value.ProviderEnabled;

    public bool PasswordsAllowed => settings.Value.PasswordsAllowed;

    public string DisplayName => settings.Value.Oidc.DisplayName;

    /// <summary>The provider's metadata, or null (with a log line saying why) when it cannot be read.</summary>
    public async Task<OpenIdConnectConfiguration?> ReadAsync(CancellationToken ct)
    {
        if (!Enabled)
        {
            return null;
        }

        var manager = handlerOptions.Get(OidcSetup.Scheme).ConfigurationManager;
        if (manager is null)
        {
            return null;
        }

        try
        {
            return await manager.GetConfigurationAsync(ct);
        }
        catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or IOException or TaskCanceledException)
        {
            logger.LogError("The identity provider at {Authority} could not be read, so provider sign-in is not offered: {Reason}", settings.Value.Oidc.Authority, Reason(ex));
            return null;
        }
    }

    /// <summary>What went wrong, in one line for the operator: the innermost cause (a refused connection, a bad certificate, a 404), never a stack trace.</summary>
    public static string Reason(Exception failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var message = failure.GetBaseException().Message;
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length > 300 ? line[..300] + "…" : line;
    }

    /// <summary>Whether the provider publishes an end-session endpoint the portal can send someone to after signing out.</summary>
    public async Task<bool> HasEndSessionAsync(CancellationToken ct) =>
        !string.IsNullOrEmpty((await ReadAsync(ct))?.EndSessionEndpoint);
}
