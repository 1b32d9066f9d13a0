using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Plans;
using Portal.Features.Imports;
using Portal.Features.Plans;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.LiveUpdates;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Features.Imports.ImportTestKit;

namespace Portal.Tests.Features.Imports;

/// <summary>Importing a plan's indicators with their targets and past figures, on a real SQLite file with the real migrations.</summary>
public sealed class IndicatorImportTests : IAsyncLifetime
{
    private const string Header = "Code,Priority,Title,Definition,Unit,Polarity,Frequency,Baseline,Tolerance,Owner,Year,Period,Target,Actual,Commentary";
    private ServiceHarness _portal = default!;

    public async ValueTask InitializeAsync() => _portal = await ServiceHarness.StartAsync();

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task SavesEveryIndicatorWithItsPeriodsInOneGoAuditedAndToldToThePlansPages()
    {
        await using var director = await _portal.SignedInAsAsync(DemoUsers.Director);
        var planId = await _portal.PlanIdAsync();
        var year = await YearAsync();
        var published = new List<PlanChanged>();
        using var subscription = director.Get<ChangeFeed>().Subscribe<PlanChanged>(published.Add);
        var file = Spreadsheets.Csv(
            Header,
            $"IMP-1,1,Calls answered within a minute,Calls answered in 60 seconds as a share of all calls.,Percent,HigherIsBetter,Quarterly,80,5,{DemoUsers.Director},{year - 1},1,85,82,Short-staffed",
            $"IMP-1,,,,,,,,,,{year - 1},2,85,88.5,",
            $"IMP-1,,,,,,,,,,{year},1,90,,",
            $"IMP-2,2,Days to pay an invoice,,Days,LowerIsBetter,Monthly,,2,{DemoUsers.Officer},,,,,");

        var preview = await director.Get<ImportService>().PreviewAsync(ImportKind.Indicators, planId, file, Ct);
        var saved = await director.Get<ImportService>().SaveAsync(ImportKind.Indicators, planId, file, Ct);

        Assert.True(preview.CanSave, string.Join("\n", preview.Rows.SelectMany(r => r.Problems.Select(p => $"{r.Line}: {p.Message}"))));
        Assert.Equal(2, saved);
        var calls = await _portal.QueryAsync(db => db.Indicators.Include(i => i.Values).SingleAsync(i => i.PlanId == planId && i.Code == "IMP-1", Ct));
        Assert.Equal(MeasureUnit.Percent, calls.Unit);
        Assert.Equal(80m, calls.Baseline);
        Assert.Equal([(year - 1, 1, 85m, 82m), (year - 1, 2, 85m, 88.5m), (year, 1, 90m, (decimal?)null)],
            calls.Values.OrderBy(v => v.Year).ThenBy(v => v.Period).Select(v => (v.Year, v.Period, v.Target!.Value, v.Actual)));
        var past = calls.Values.Single(v => v.Year == year - 1 && v.Period == 1);
        Assert.Equal(DataState.Draft, past.State);
        Assert.Equal("Short-staffed", past.Commentary);
        Assert.Equal(await _portal.QueryAsync(db => db.People.Where(p => p.Email == DemoUsers.Director).Select(p => (int?)p.Id).SingleAsync(Ct)), past.EnteredById);
        var invoices = await _portal.QueryAsync(db => db.Indicators.SingleAsync(i => i.PlanId == planId && i.Code == "IMP-2", Ct));
        Assert.Equal(Frequency.Monthly, invoices.Frequency);
        var id = calls.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await _portal.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == "PerformanceIndicator" && e.EntityId == id && e.Action == AuditAction.Added, Ct)));
        Assert.Contains(published, p => p.PlanId == planId && p.Kind == PlanItemKind.Indicator);
    }

    [Fact]
    public async Task ReportsEachBadRowWithItsRowNumberAndSavesNothing()
    {
        await using var director = await _portal.SignedInAsAsync(DemoUsers.Director);
        var planId = await _portal.PlanIdAsync();
        var year = await YearAsync();
        var existing = await _portal.QueryAsync(db => db.Indicators.Where(i => i.PlanId == planId).Select(i => i.Code).FirstAsync(Ct));
        var owner = DemoUsers.Director;
        var file = Spreadsheets.Csv(
            Header,
            $"IMP-1,1,Calls answered,,Percent,HigherIsBetter,Quarterly,,,{owner},{year},1,90,,",
            $"{existing},1,Another,,Number,,,,,{owner},,,,,",
            $"IMP-1,1,Something else,,,,,,,,,,,,",
            $"IMP-3,1,Share of something,,Percent,,,,,{owner},{year},1,120,,",
            $"IMP-4,1,Distance,,Furlongs,,,,,{owner},,,,,",
            $"IMP-5,9,Trees planted,,Number,,,,,{owner},,,,,",
            $"IMP-6,1,Trees felled,,Number,,,,,nobody@nowhere.example,,,,,",
            $"IMP-7,1,Visits,,Number,,,lots,,{owner},,,,,",
            $"IMP-1,,,,,,,,,,{year},1,95,,",
            $"IMP-8,1,Quarterly thing,,Number,,Quarterly,,,{owner},{year},5,1,,");
        var before = await _portal.CountAsync(db => db.Indicators);
        var values = await _portal.CountAsync(db => db.IndicatorValues);

        var preview = await director.Get<ImportService>().PreviewAsync(ImportKind.Indicators, planId, file, Ct);

        Assert.Empty(preview.Codes(2));
        Assert.Equal(["Import.CodeTaken"], preview.Codes(3));
        Assert.Equal(["Import.DuplicateCode"], preview.Codes(4));
        Assert.Equal(["Indicator.PercentOutOfRange"], preview.Codes(5));
        Assert.Equal(["Import.BadChoice"], preview.Codes(6));
        Assert.Equal(["Import.UnknownPriority"], preview.Codes(7));
        Assert.Equal(["Import.UnknownPerson"], preview.Codes(8));
        Assert.Equal(["Import.BadDecimal"], preview.Codes(9));
        Assert.Equal(["Import.DuplicatePeriod"], preview.Codes(10));
        Assert.Equal(["Indicator.PeriodUnknown"], preview.Codes(11));
        Assert.Contains("Number, Percent, Pounds, Days", preview.Rows.Single(r => r.Line == 6).Problems[0].Message, StringComparison.Ordinal);
        var refusal = await Assert.ThrowsAsync<DomainRuleException>(() => director.Get<ImportService>().SaveAsync(ImportKind.Indicators, planId, file, Ct));
        Assert.Equal("Import.HasProblems", refusal.Code);
        Assert.Equal(before, await _portal.CountAsync(db => db.Indicators));
        Assert.Equal(values, await _portal.CountAsync(db => db.IndicatorValues));
    }

    private Task<int> YearAsync() => _portal.QueryAsync(db => db.Plans.OrderBy(p => p.Id).Select(p => p.OpenYear).FirstAsync(Ct));
}
