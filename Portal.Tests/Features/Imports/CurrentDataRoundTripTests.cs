using Microsoft.EntityFrameworkCore;
using Portal.Features.Imports;
using Portal.Features.Plans.Plans;
using Portal.Infrastructure.Export;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Features.Imports.ImportTestKit;

namespace Portal.Tests.Features.Imports;

/// <summary>
/// The "current data" download of the indicators, risks and posts is the import's own template with the data in
/// it, so it goes back in: a plan's indicators and risks into a fresh plan, the same data out again; the
/// establishment's posts into the establishment itself, every row unchanged in the preview, the same data after.
/// </summary>
public sealed class CurrentDataRoundTripTests : IAsyncLifetime
{
    private ServiceHarness _portal = default!;

    public async ValueTask InitializeAsync() => _portal = await ServiceHarness.StartAsync();

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    [Theory]
    [InlineData(ImportKind.Indicators, "xlsx")]
    [InlineData(ImportKind.Indicators, "csv")]
    [InlineData(ImportKind.Risks, "xlsx")]
    [InlineData(ImportKind.Risks, "csv")]
    public async Task CarriesAPlansItemsToAFreshPlanThroughTheDownload(ImportKind kind, string format)
    {
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        var imports = admin.Get<ImportService>();
        var source = await _portal.PlanIdAsync();
        var exported = await imports.TemplateAsync(kind, source, withRows: true, Ct);
        var file = format == "xlsx" ? ExcelExport.Write(exported, key => key) : CsvExport.File(exported).Content;
        var fresh = await FreshPlanLikeAsync(admin, source);

        var preview = await imports.PreviewAsync(kind, fresh, file, Ct);
        Assert.True(preview.CanSave, string.Join("\n", preview.Rows.SelectMany(r => r.Problems.Select(p => $"{r.Line}: {p.Message}"))));
        await imports.SaveAsync(kind, fresh, file, Ct);

        Assert.True(exported.Tables[0].Rows.Count >= 3, $"The demo plan has only {exported.Tables[0].Rows.Count} rows of {kind}.");
        Assert.Equal(Flatten(exported), Flatten(await imports.TemplateAsync(kind, fresh, withRows: true, Ct)));
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("csv")]
    public async Task CarriesThePostsThroughTheDownloadAndBackUnchanged(string format)
    {
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        var imports = admin.Get<ImportService>();
        var exported = await imports.TemplateAsync(ImportKind.Posts, null, withRows: true, Ct);
        var file = format == "xlsx" ? ExcelExport.Write(exported, key => key) : CsvExport.File(exported).Content;
        var audited = await _portal.CountAsync(db => db.AuditEntries);

        var preview = await imports.PreviewAsync(ImportKind.Posts, null, file, Ct);
        Assert.True(preview.CanSave, string.Join("\n", preview.Rows.SelectMany(r => r.Problems.Select(p => $"{r.Line}: {p.Message}"))));
        Assert.All(preview.Rows, r => Assert.True(r.Change == RowChange.Unchanged, $"Row {r.Line} would change: {string.Join(" | ", r.Values)}"));
        Assert.Equal(0, await imports.SaveAsync(ImportKind.Posts, null, file, Ct));

        Assert.True(exported.Tables[0].Rows.Count >= 9, $"The demo has only {exported.Tables[0].Rows.Count} posts.");
        Assert.Equal(Flatten(exported), Flatten(await imports.TemplateAsync(ImportKind.Posts, null, withRows: true, Ct)));
        Assert.Equal(audited, await _portal.CountAsync(db => db.AuditEntries));
    }

    private static string[] Flatten(ExportWorkbook workbook) =>
        [.. workbook.Tables[0].Rows.Select(r => string.Join(" | ", r.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))))];

    private async Task<int> FreshPlanLikeAsync(ServiceHarness.Session admin, int source)
    {
        var plans = admin.Get<PlanService>();
        var original = (await plans.GetPlanAsync(source, null, Ct))!;
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        var directorate = await db.Plans.Where(p => p.Id == source).Select(p => p.DirectorateId).SingleAsync(Ct);
        var fresh = await plans.CreatePlanAsync(new NewPlan(directorate, "Carried plan", null, original.Year.Year, original.Year.Year + 2), Ct);
        foreach (var priority in original.Priorities.OrderBy(p => p.Number))
        {
            await plans.AddPriorityAsync(fresh, priority.Title, null, Ct);
        }

        return fresh;
    }
}
