using System.Globalization;
using System.Security.Claims;
using Portal.Infrastructure.Security;

namespace Portal.Features.Thread;

/// <summary>What every thread service asks of the caller: the thread as they may see it, and which person they are.</summary>
internal static class ThreadViewer
{
    public static async Task<ThreadSnapshot> SnapshotAsync(this ThreadCache cache, ClaimsPrincipal viewer, CancellationToken ct) => new(await cache.GetAsync(ct), viewer);

    public static int? PersonId(ClaimsPrincipal principal) =>
        int.TryParse(principal.FindFirstValue(PortalClaims.PersonId), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : null;
}
