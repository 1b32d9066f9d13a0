using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Infrastructure.LiveUpdates;
using Portal.Infrastructure.Security;

namespace Portal.Features.Plans.Risks;

/// <summary>
/// The council's risk appetite, the score every plan's risks are reported against: read by
/// anyone signed in, set by administrators.
/// </summary>
public sealed class RiskAppetiteService(IDbContextFactory<PortalDbContext> dbFactory, ICurrentUser currentUser, ChangeFeed changes)
{
    public async Task<(int Appetite, int Version)> GetRiskAppetiteAsync(CancellationToken ct)
    {
        await currentUser.DemandAsync(Policies.SignedIn);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settings = await db.PlanSettings.AsNoTracking().SingleAsync(ct);
        return (settings.RiskAppetite, settings.Version);
    }

    /// <summary>Sets the council's risk appetite. Administrators only.</summary>
    public async Task<int> SetRiskAppetiteAsync(int appetite, int version, CancellationToken ct)
    {
        await currentUser.DemandAsync(Policies.Administer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settings = await db.PlanSettings.SingleAsync(ct);
        await db.ExpectVersionAsync(settings, version, ct);
        settings.SetRiskAppetite(appetite);
        await db.SaveChangesAsync(ct);
        changes.Publish(new PlanChanged(0, PlanItemKind.Settings, settings.Id));
        return settings.Version;
    }
}
