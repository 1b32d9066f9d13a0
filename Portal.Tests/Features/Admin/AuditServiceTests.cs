using System.Text;
using Portal.Features.Admin;
using Portal.Features.Admin.Audit;
using Portal.Features.Reports;
using Portal.Features.Reports.Reading;
using Portal.Infrastructure.Security;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Admin;

/// <summary>The audit viewer: administrators only, filtered by who, item and date, the same filter as CSV, private values never shown.</summary>
public sealed class AuditServiceTests : IAsyncLifetime
{
    private ServiceHarness _portal = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _portal = await ServiceHarness.StartAsync();

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task AnAdministratorFindsWhoChangedWhatAndNobodyElseCan()
    {
        await using var member = await _portal.SignedInAsAsync(DemoUsers.Member);
        await using var officer = await _portal.SignedInAsAsync(DemoUsers.Officer);
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        var reports = (await member.Get<ReportReadingService>().ListAsync(new ReportQuery(), Ct)).Rows;
        var carlisle = reports.Single(r => r.Reference == "CE 21/09").Id;
        await member.Get<ReaderToolsService>().SaveNoteAsync(carlisle, null, "My private thoughts on the Monitoring Officer", Ct);

        await Assert.ThrowsAsync<AccessDeniedException>(() => officer.Get<AuditService>().SearchAsync(new AuditQuery(), Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => officer.Get<AuditService>().ExportAsync(new AuditQuery(), Ct));

        var walker = await admin.Get<AuditService>().SearchAsync(new AuditQuery(Person: "Walker"), Ct);
        var entry = Assert.Single(walker.Rows);
        Assert.Equal("ReadingNote", entry.EntityType);
        Assert.DoesNotContain("private thoughts", entry.After, StringComparison.Ordinal);
        Assert.Contains("(changed)", entry.After, StringComparison.Ordinal);

        var today = DateOnly.FromDateTime(_portal.Clock.GetUtcNow().UtcDateTime);
        Assert.Single((await admin.Get<AuditService>().SearchAsync(new AuditQuery("Walker", "ReadingNote", today, today), Ct)).Rows);
        Assert.Empty((await admin.Get<AuditService>().SearchAsync(new AuditQuery("Walker", null, today.AddDays(1), null), Ct)).Rows);
        var oneReport = await admin.Get<AuditService>().SearchAsync(new AuditQuery(Item: $"Report {carlisle}"), Ct);
        Assert.All(oneReport.Rows, r => Assert.Equal((nameof(Portal.Domain.Reports.Report), carlisle.ToString(System.Globalization.CultureInfo.InvariantCulture)), (r.EntityType, r.EntityId)));
        Assert.Contains("ReadingNote", walker.ItemTypes);

        var csv = Encoding.UTF8.GetString((await admin.Get<AuditService>().ExportAsync(new AuditQuery(Person: "Walker"), Ct)).Content);
        Assert.Contains("ReadingNote", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("private thoughts", csv, StringComparison.Ordinal);
        Assert.Equal(2, csv.Trim().Split('\n').Length);
    }
}
