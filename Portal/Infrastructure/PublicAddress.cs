using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Portal.Data;

namespace Portal.Infrastructure;

/// <summary>
/// The address people reach the portal at, for every link that leaves the page it is made on:
/// calendar feeds, webcal links, the personal feed's address and the set-password link an
/// administrator hands over. It is <c>Portal:PublicUrl</c>, never the request's Host header,
/// which anyone can set: a feed fetched with a forged Host would otherwise carry links to the
/// forger's site into people's calendars. Without the setting it is the first address the
/// server listens on (https first; a wildcard such as 0.0.0.0 read as localhost), which is
/// right for one machine and a start-up line says to set it for any other.
/// </summary>
public sealed class PublicAddress(IOptions<PortalOptions> options, IServiceProvider services)
{
    private Uri? _listening;

    /// <summary>Whether <c>Portal:PublicUrl</c> gives the address (otherwise the server's own is used).</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.PublicUrl);

    /// <summary>The base address, ending in a slash.</summary>
    public Uri BaseUri => TryRead(options.Value.PublicUrl, out var configured) ? configured : Listening();

    /// <summary>The address of <paramref name="path"/> (relative to the portal's root).</summary>
    public Uri Link(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new Uri(BaseUri, path.TrimStart('/'));
    }

    /// <summary>The webcal:// address of a feed at <paramref name="path"/>, which opens a calendar app to subscribe.</summary>
    public string Webcal(string path)
    {
        var link = Link(path);
        return "webcal://" + link.Authority + link.PathAndQuery;
    }

    /// <summary>An absolute http or https address with no query or fragment, made to end in a slash.</summary>
    public static bool TryRead(string? value, out Uri address)
    {
        address = default!;
        if (string.IsNullOrWhiteSpace(value)
            || !Uri.TryCreate(value.Trim(), UriKind.Absolute, out var parsed)
            || parsed.Scheme is not ("http" or "https")
            || !string.IsNullOrEmpty(parsed.Query) || !string.IsNullOrEmpty(parsed.Fragment) || !string.IsNullOrEmpty(parsed.UserInfo))
        {
            return false;
        }

        address = parsed.AbsolutePath.EndsWith('/') ? parsed : new Uri(parsed.GetLeftPart(UriPartial.Path) + "/");
        return true;
    }

    private Uri Listening()
    {
        if (_listening is not null)
        {
            return _listening;
        }

        var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var first = addresses.OrderBy(a => a.StartsWith("https:", StringComparison.OrdinalIgnoreCase) ? 0 : 1).FirstOrDefault();
        if (first is null)
        {
            // Not listening yet (or no server at all, as in the service tests): not kept, so a later call finds the real one.
            return new Uri("http://localhost/");
        }

        var builder = new UriBuilder(first.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (builder.Host is "0.0.0.0" or "[::]" or "::")
        {
            builder.Host = "localhost";
        }

        builder.Path = builder.Path.EndsWith('/') ? builder.Path : builder.Path + "/";
        return _listening = builder.Uri;
    }
}
