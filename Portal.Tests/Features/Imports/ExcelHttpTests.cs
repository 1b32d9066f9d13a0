using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Export;
using Portal.Tests.Infrastructure;
using Portal.Tests.Security;

namespace Portal.Tests.Features.Imports;

/// <summary>The Excel and template downloads over HTTP against the running demo: each answers a workbook to whom its page answers, and nothing to others.</summary>
public sealed class ExcelHttpTests : HttpTest
{
    [Fact]
    public async Task EachDownloadIsAWorkbookForWhomItsPageIsAndNotForOthers()
    {
        var plan = await App.QueryAsync(db => db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(Ct));
        using var visitor = await PortalHttp.ClientAsync(App.BaseUrl);
        using var officer = await PortalHttp.ClientAsync(App.BaseUrl, DemoUsers.Officer);
        using var director = await PortalHttp.ClientAsync(App.BaseUrl, DemoUsers.Director);
        using var admin = await PortalHttp.ClientAsync(App.BaseUrl, DemoUsers.Administrator);

        foreach (var path in new[] { "/decisions.xlsx?body=employment-panel&year=", "/decisions/forward-plan.xlsx", "/meetings/bodies/emap-cs/meetings.xlsx" })
        {
            await AssertWorkbookAsync(visitor, path);
        }

        foreach (var path in new[] { $"/plans/{plan}/export/actions.xlsx", $"/plans/{plan}/export/indicators.xlsx", $"/plans/{plan}/export/risks.xlsx", "/organisation/establishment.xlsx", "/thread/coverage.xlsx", "/meetings/bodies/emg/meetings.xlsx" })
        {
            await AssertWorkbookAsync(officer, path);
            await AssertNoWorkbookAsync(visitor, path);
        }

        await AssertWorkbookAsync(admin, "/admin/audit.xlsx");
        await AssertNoWorkbookAsync(officer, "/admin/audit.xlsx");
        await AssertWorkbookAsync(director, $"/plans/{plan}/import/template.xlsx");
        await AssertWorkbookAsync(director, $"/plans/{plan}/import/actions.xlsx");
        await AssertNoWorkbookAsync(officer, $"/plans/{plan}/import/actions.xlsx");
        var template = await director.GetStringAsync($"/plans/{plan}/import/template.csv", Ct);
        Assert.Equal("Ref,Priority,Title,Description,Owner,LeadUnit,Start,Due,Milestone,MilestoneDue", template.TrimEnd());
        foreach (var kind in new[] { "indicators", "risks", "planitems" })
        {
            await AssertWorkbookAsync(director, $"/plans/{plan}/import/{kind}/template.xlsx");
            await AssertNoWorkbookAsync(officer, $"/plans/{plan}/import/{kind}/template.xlsx");
        }

        foreach (var path in new[] { "/admin/import/posts/template.xlsx", "/admin/import/people/template.xlsx", "/admin/import/people/current.xlsx" })
        {
            await AssertWorkbookAsync(admin, path);
            await AssertNoWorkbookAsync(director, path);
        }

        Assert.Equal("Name,Email,JobTitle,Unit,LineManager", (await admin.GetStringAsync("/admin/import/people/template.csv", Ct)).TrimEnd());
        Assert.Equal("Code,Priority,Title,Definition,Unit,Polarity,Frequency,Baseline,Tolerance,Owner,Year,Period,Target,Actual,Commentary",
            (await director.GetStringAsync($"/plans/{plan}/import/indicators/template.csv", Ct)).TrimEnd());
    }

    private static async Task AssertWorkbookAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Ct);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
        Assert.Equal(ExcelExport.ContentType, response.Content.Headers.ContentType?.MediaType);
        var workbook = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.NotEmpty(Spreadsheets.SheetNames(workbook));
    }

    private static async Task AssertNoWorkbookAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Ct);
        Assert.NotEqual(ExcelExport.ContentType, response.Content.Headers.ContentType?.MediaType);
    }
}
