using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Reports;
using Portal.Features.Reports.Documents;
using Portal.Infrastructure.LiveUpdates;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Documents;

/// <summary>The PDF pack's cache on the seeded demo: one pack per audience, dropped by any change to one of its reports.</summary>
public sealed class PackPdfCacheTests : IAsyncLifetime
{
    private ServiceHarness _portal = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _portal = await ServiceHarness.StartAsync();

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task APackIsKeptPerAudienceAndAReportChangeDropsIt()
    {
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        var august = await db.Meetings.Where(m => m.Date == new DateOnly(2009, 8, 25)).Select(m => m.Id).SingleAsync(Ct);
        var staffing = await db.Reports.Where(r => r.Reference == "HR 14/09").Select(r => r.Id).SingleAsync(Ct);
        var cache = _portal.Root.GetRequiredService<PackPdfCache>();
        await using var visitor = _portal.Anonymous();
        await using var member = await _portal.SignedInAsAsync(DemoUsers.Member);
        await using var officer = await _portal.SignedInAsAsync(DemoUsers.Officer);

        var first = (await visitor.Get<PackPdfService>().PackPdfAsync(august, Ct))!;
        var again = (await visitor.Get<PackPdfService>().PackPdfAsync(august, Ct))!;
        Assert.Same(first.Bytes, again.Bytes);
        // An officer off the body sees what the public sees, so gets the same pack; the member gets their own.
        Assert.Same(first.Bytes, (await officer.Get<PackPdfService>().PackPdfAsync(august, Ct))!.Bytes);
        var members = (await member.Get<PackPdfService>().PackPdfAsync(august, Ct))!;
        Assert.NotSame(first.Bytes, members.Bytes);
        Assert.Equal(2, cache.Count);

        // The annex service tells of a change with the report alone; that drops both packs that hold it.
        _portal.Root.GetRequiredService<ChangeFeed>().Publish(new ReportChanged(staffing, null));
        Assert.Equal(0, cache.Count);
        Assert.NotSame(first.Bytes, (await visitor.Get<PackPdfService>().PackPdfAsync(august, Ct))!.Bytes);
        Assert.Null(await visitor.Get<PackPdfService>().PackPdfAsync(int.MaxValue, Ct));
    }
}
