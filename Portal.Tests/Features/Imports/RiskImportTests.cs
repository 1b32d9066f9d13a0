using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Features.Imports;
using Portal.Features.Plans;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.LiveUpdates;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Features.Imports.ImportTestKit;

namespace Portal.Tests.Features.Imports;

/// <summary>Importing risks into a plan's register, on a real SQLite file with the real migrations.</summary>
public sealed class RiskImportTests : IAsyncLifetime
{
    private const string Header = "Title,Priority,Owner,Cause,Consequence,Controls,InherentLikelihood,InherentImpact,ResidualLikelihood,ResidualImpact,TargetLikelihood,TargetImpact,ReviewDate";
    private ServiceHarness _portal = default!;

    public async ValueTask InitializeAsync() => _portal = await ServiceHarness.StartAsync();

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task SavesEveryRiskWithItsScoresOwnerAndPriorityAuditedAndToldToThePlansPages()
    {
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        var planId = await _portal.PlanIdAsync();
        var published = new List<PlanChanged>();
        using var subscription = admin.Get<ChangeFeed>().Subscribe<PlanChanged>(published.Add);
        var file = Spreadsheets.Csv(
            Header,
            $"Key staff leave,2,{DemoUsers.Director},Pay below the market,Projects stall,Succession plans,4,4,3,3,2,2,2026-09-30",
            $"Data centre outage,,{DemoUsers.Officer},,,,3,5,2,5,1,5,30/11/2026");

        var preview = await admin.Get<ImportService>().PreviewAsync(ImportKind.Risks, planId, file, Ct);
        Assert.True(preview.CanSave, string.Join("\n", preview.Rows.SelectMany(r => r.Problems.Select(p => $"{r.Line}: {p.Message}"))));
        var saved = await admin.Get<ImportService>().SaveAsync(ImportKind.Risks, planId, file, Ct);

        Assert.Equal("2026-11-30", preview.Rows[1].Values[^1]);
        Assert.Equal(2, saved);
        var plan = await _portal.QueryAsync(db => db.Plans.Include(p => p.Priorities).SingleAsync(p => p.Id == planId, Ct));
        var staff = await _portal.QueryAsync(db => db.Risks.SingleAsync(r => r.PlanId == planId && r.Title == "Key staff leave", Ct));
        Assert.Equal(plan.Priorities.Single(p => p.Number == 2).Id, staff.PriorityId);
        Assert.Equal(plan.OpenYear, staff.Year);
        Assert.Equal((16, 9, 4), (staff.Inherent.Score, staff.Residual.Score, staff.Target.Score));
        Assert.Equal(new DateOnly(2026, 9, 30), staff.ReviewDate);
        Assert.Null((await _portal.QueryAsync(db => db.Risks.SingleAsync(r => r.Title == "Data centre outage", Ct))).PriorityId);
        var id = staff.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await _portal.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == "Risk" && e.EntityId == id && e.Action == AuditAction.Added, Ct)));
        Assert.Contains(published, p => p.PlanId == planId && p.Kind == PlanItemKind.Risk);
    }

    [Fact]
    public async Task ReportsEachBadRowWithItsRowNumberAndSavesNothing()
    {
        await using var director = await _portal.SignedInAsAsync(DemoUsers.Director);
        var planId = await _portal.PlanIdAsync();
        var existing = await _portal.QueryAsync(db => db.Risks.Where(r => r.PlanId == planId && r.Year == db.Plans.Single(p => p.Id == planId).OpenYear).Select(r => r.Title).FirstAsync(Ct));
        var owner = DemoUsers.Director;
        var file = Spreadsheets.Csv(
            Header,
            $"Key staff leave,1,{owner},,,,4,4,3,3,2,2,2026-09-30",
            $"Key staff leave,1,{owner},,,,4,4,3,3,2,2,2026-09-30",
            $"{existing},1,{owner},,,,4,4,3,3,2,2,2026-09-30",
            $"Floods,1,{owner},,,,4,4,3,3,2,2,31/02/2026",
            $"Fire,1,{owner},,,,6,4,3,3,2,2,2026-09-30",
            $"Strike,1,{owner},,,,2,2,3,3,2,2,2026-09-30",
            $"Drought,9,{owner},,,,4,4,3,3,2,2,2026-09-30",
            $"Pandemic,1,nobody@nowhere.example,,,,4,4,3,3,2,2,2026-09-30",
            $"Cyber attack,1,{owner},,,,high,4,3,3,2,2,2026-09-30");
        var before = await _portal.CountAsync(db => db.Risks);

        var preview = await director.Get<ImportService>().PreviewAsync(ImportKind.Risks, planId, file, Ct);

        Assert.Empty(preview.Codes(2));
        Assert.Equal(["Import.DuplicateCode"], preview.Codes(3));
        Assert.Equal(["Import.CodeTaken"], preview.Codes(4));
        Assert.Equal(["Import.BadDate"], preview.Codes(5));
        Assert.Equal(["Risk.LikelihoodOutOfRange"], preview.Codes(6));
        Assert.Equal(["Risk.ResidualAboveInherent"], preview.Codes(7));
        Assert.Equal(["Import.UnknownPriority"], preview.Codes(8));
        Assert.Equal(["Import.UnknownPerson"], preview.Codes(9));
        Assert.Equal(["Import.BadNumber"], preview.Codes(10));
        Assert.Equal("Title “Key staff leave” is already used on row 2 of the file.", preview.Rows.Single(r => r.Line == 3).Problems[0].Message);
        var refusal = await Assert.ThrowsAsync<DomainRuleException>(() => director.Get<ImportService>().SaveAsync(ImportKind.Risks, planId, file, Ct));
        Assert.Equal("Import.HasProblems", refusal.Code);
        Assert.Equal(before, await _portal.CountAsync(db => db.Risks));
    }
}
