namespace Portal.Infrastructure.Security;

/// <summary>Where the portal may send a reader back to after a sign-in or a language switch: an address on this site, with nothing in it that breaks a header.</summary>
public static class LocalUrl
{
    /// <summary>Whether <paramref name="url"/> is a path on this site: it starts with one slash, and holds no control character or backslash trick.</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url)
        && url.Length <= 2048
        && url.StartsWith('/')
        && !url.StartsWith("//", StringComparison.Ordinal)
        && !url.StartsWith("/\\", StringComparison.Ordinal)
        && !url.Any(char.IsControl);
}
