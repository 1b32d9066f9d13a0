using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Establishment;
using Portal.Infrastructure.LiveUpdates;
using Portal.Infrastructure.Security;

namespace Portal.Features.Establishment.Grades;

/// <summary>
/// Grades and on-costs: add a pay grade with its band, and read and change the on-cost percentage
/// the establishment's costs add. Administrators only; each change is announced on the change feed.
/// </summary>
public sealed class GradeService(IDbContextFactory<PortalDbContext> dbFactory, ICurrentUser currentUser, ChangeFeed changes)
{
    public async Task<int> CreateGradeAsync(string name, decimal? minimum, decimal? maximum, CancellationToken ct)
    {
        await currentUser.DemandAsync(Policies.Administer);
        var grade = Grade.Create(
            name,
            minimum ?? throw new DomainRuleException("Grade.MinimumOutOfRange", "Enter the band's minimum salary, more than £0.", nameof(Grade.BandMinimum)),
            maximum ?? throw new DomainRuleException("Grade.MaximumOutOfRange", "Enter a band maximum below £1,000,000.", nameof(Grade.BandMaximum)));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Grades.Add(grade);
        await db.SaveChangesAsync(ct);
        changes.Publish(new EstablishmentChanged(0));
        return grade.Id;
    }

    /// <summary>The on-cost percentage and the version of the settings it is kept in, for the form that changes it.</summary>
    public async Task<(decimal Percent, int Version)> GetOnCostAsync(CancellationToken ct)
    {
        await currentUser.DemandAsync(Policies.Administer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settings = await db.EstablishmentSettings.AsNoTracking().SingleAsync(ct);
        return (settings.OnCostPercent, settings.Version);
    }

    public async Task<int> SetOnCostAsync(decimal percent, int version, CancellationToken ct)
    {
        await currentUser.DemandAsync(Policies.Administer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settings = await db.EstablishmentSettings.SingleAsync(ct);
        await db.ExpectVersionAsync(settings, version, ct);
        settings.Change(percent);
        await db.SaveChangesAsync(ct);
        changes.Publish(new EstablishmentChanged(0));
        return settings.Version;
    }
}
