using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Infrastructure.Security;
using Portal.Infrastructure.Time;

namespace Portal.Features.Establishment.Chart;

/// <summary>
/// The structure chart: every post on a date, beneath the post it is accountable to, with its
/// holder, vacancy and statutory roles. Signed-in staff and councillors read it.
/// </summary>
public sealed class ChartService(IDbContextFactory<PortalDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<ChartView> ChartAsync(DateOnly? on, CancellationToken ct)
    {
        await currentUser.DemandAsync(Policies.SignedIn);
        var date = on ?? clock.Today();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var snapshot = await StructureSnapshot.ReadAsync(db, date, ct);
        return new ChartView(date, snapshot.Roots().Select(snapshot.Node).ToList(), snapshot.Posts.Count);
    }
}
