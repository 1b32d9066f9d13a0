using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.Reports;
using Portal.Features.Plans.Actions;
using Portal.Features.Plans.Plans;
using Portal.Features.Reports.Decisions;
using Portal.Features.Reports.ForwardPlan;
using Portal.Features.Reports.Reading;
using Portal.Features.Establishment.Establishment;
using Portal.Features.Thread.Coverage;
using Portal.Infrastructure.Export;
using Portal.Infrastructure.Security;
using Portal.Resources;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Imports;

/// <summary>The Excel downloads, read back with MiniExcel, on a real SQLite file with the demo council.</summary>
public sealed class ExcelExportTests : IAsyncLifetime
{
    private ServiceHarness _portal = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _portal = await ServiceHarness.StartAsync();

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task WritesActionsWithTypedCellsAndMilestonesOnASheetOfTheirOwnAndNoFormulaCanRun()
    {
        await using var director = await _portal.SignedInAsAsync(DemoUsers.Director);
        var planId = await PlanIdAsync();
        var plan = (await director.Get<PlanService>().GetPlanAsync(planId, null, Ct))!;
        var choices = await director.Get<PlanService>().GetChoicesAsync(planId, Ct);
        await director.Get<ActionService>().CreateActionAsync(planId, new ActionDetailsEdit(
            plan.Priorities[0].Id, "=HYPERLINK(\"http://evil.example\",\"Click\")", null, choices.People[0].Id, choices.Units[0].Id,
            new DateOnly(2026, 12, 1), new DateOnly(2027, 3, 1), 0), Ct);

        var workbook = ExcelExport.Write(await director.Get<PlanExportService>().ActionsAsync(planId, null, Ct), key => key);

        Assert.Equal(["Actions", "Milestones"], Spreadsheets.SheetNames(workbook));
        var actions = Spreadsheets.Sheet(workbook, "Actions");
        var csvLines = System.Text.Encoding.UTF8.GetString((await director.Get<PlanExportService>().ExportActionsAsync(planId, null, Ct)).Content)
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(csvLines.Length - 1, actions.Count);
        var injected = actions.Single(a => ((string)a["Title"]!).Contains("HYPERLINK", StringComparison.Ordinal));
        Assert.StartsWith("'=HYPERLINK(", (string)injected["Title"]!, StringComparison.Ordinal);
        Assert.Equal(new DateTime(2026, 12, 1), Assert.IsType<DateTime>(injected["Start"]));
        Assert.Equal(new DateTime(2027, 3, 1), Assert.IsType<DateTime>(injected["Due"]));
        Assert.Equal(0d, Assert.IsType<double>(injected["PercentComplete"]));
        Assert.IsType<double>(injected["Id"]);
        Assert.DoesNotContain("<f>", Spreadsheets.Entry(workbook, "xl/worksheets/sheet1.xml"), StringComparison.Ordinal);
        var milestones = Spreadsheets.Sheet(workbook, "Milestones");
        Assert.NotEmpty(milestones);
        Assert.All(milestones, m => Assert.IsType<DateTime>(m["Due"]));
        Assert.All(milestones, m => Assert.Contains((double)m["ActionId"]!, actions.Select(a => (double)a["Id"]!)));
    }

    [Fact]
    public async Task WritesIndicatorFiguresAsNumbersAndRisksWithTheirScores()
    {
        await using var member = await _portal.SignedInAsAsync(DemoUsers.Member);
        var planId = await PlanIdAsync();

        var indicators = Spreadsheets.Sheet(ExcelExport.Write(await member.Get<PlanExportService>().IndicatorValuesAsync(planId, null, Ct), key => key), "Indicators");
        var risks = Spreadsheets.Sheet(ExcelExport.Write(await member.Get<PlanExportService>().RisksAsync(planId, null, Ct), key => key), "Risks");

        Assert.Equal(7 * 4, indicators.Count);
        Assert.Contains(indicators, i => (string)i["Code"]! == "CEX01" && i["Target"] is double && i["PeriodEnd"] is DateTime);
        var plan = (await member.Get<PlanService>().GetPlanAsync(planId, null, Ct))!;
        Assert.Equal(plan.Risks.Select(r => r.Title), risks.Select(r => (string)r["Title"]!));
        Assert.All(risks, r => Assert.Equal((double)r["ResidualLikelihood"]! * (double)r["ResidualImpact"]!, (double)r["ResidualScore"]!));
        Assert.All(risks, r => Assert.IsType<DateTime>(r["ReviewDate"]));
    }

    [Fact]
    public async Task WritesTheEstablishmentsCostsAsPoundsTheSameFiguresAsTheCsv()
    {
        await using var officer = await _portal.SignedInAsAsync(DemoUsers.Officer);

        var workbook = ExcelExport.Write(await officer.Get<EstablishmentService>().WorkbookAsync(null, Ct), key => key);

        var council = Spreadsheets.Sheet(workbook, "Establishment").Single(r => (string)r["Unit"]! == "Council");
        Assert.Equal(714_999d, Assert.IsType<double>(council["Cost at minimum"]));
        Assert.Equal(9d, council["FTE"]);
        Assert.Contains("£", Spreadsheets.Entry(workbook, "xl/styles.xml"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HeadsTheColumnsInTheReadersLanguage()
    {
        await using var officer = await _portal.SignedInAsAsync(DemoUsers.Officer);
        var text = officer.Get<IStringLocalizer<Text>>();
        var workbook = await officer.Get<EstablishmentService>().WorkbookAsync(null, Ct);
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("sv-SE");
            var swedish = ExcelExport.File(workbook, text);
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-GB");
            var english = ExcelExport.File(workbook, text);

            Assert.Equal("establishment-" + DateOnly.FromDateTime(_portal.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".xlsx", english.FileName);
            Assert.Contains("Årsarbetare", Spreadsheets.Sheet(swedish.Content, "Establishment")[0].Keys);
            Assert.Contains("Cost at minimum", Spreadsheets.Sheet(english.Content, "Establishment")[0].Keys);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public async Task LeavesAnExemptDecisionsWordingOutOfThePublicsWorkbookAsTheRegisterDoes()
    {
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        var staffing = await db.Reports.Where(r => r.Reference == "HR 14/09").Select(r => r.Id).SingleAsync(Ct);
        await using var secretary = await _portal.SignedInAsAsync(DemoUsers.Secretary);
        await using var anonymous = _portal.Anonymous();
        var recommendation = (await secretary.Get<ReportReadingService>().GetAsync(staffing, Ct))!.Recommendations.Single();
        await secretary.Get<DecisionService>().RecordAsync(
            staffing, recommendation.Id, new DecisionEdit(0, new DateOnly(2009, 8, 25), DecisionOutcome.Approved, "Redeploy Ms Example to Resources.", null, null, null), Ct);
        var query = new DecisionQuery("employment-panel");

        var open = Spreadsheets.Sheet(ExcelExport.Write(DecisionExport.Of(await anonymous.Get<DecisionService>().RegisterAsync(query, Ct), query), key => key), "Decisions");
        var entitled = Spreadsheets.Sheet(ExcelExport.Write(DecisionExport.Of(await secretary.Get<DecisionService>().RegisterAsync(query, Ct), query), key => key), "Decisions");

        var publicRow = open.Single(r => (string)r["Report"]! == "HR 14/09");
        Assert.StartsWith("Exempt under paragraph", (string)publicRow["Wording"]!, StringComparison.Ordinal);
        Assert.DoesNotContain(open, r => r.Values.OfType<string>().Any(v => v.Contains("Ms Example", StringComparison.Ordinal)));
        Assert.Equal("Redeploy Ms Example to Resources.", entitled.Single(r => (string)r["Report"]! == "HR 14/09")["Wording"]);
        Assert.IsType<DateTime>(publicRow["DecidedOn"]);
    }

    [Fact]
    public async Task MasksPrivateObjectivesInTheCoverageWorkbookAsTheCsvDoes()
    {
        await _portal.AddPersonWithSignInAsync("officer.finance@york.example", "Fay Nance", Roles.Officer, "Finance");
        await using var outsider = await _portal.SignedInAsAsync("officer.finance@york.example");
        await using var manager = await _portal.SignedInAsAsync(DemoUsers.Officer);

        var masked = ExcelExport.Write(await outsider.Get<ThreadCoverageService>().CoverageWorkbookAsync(Ct), key => key);
        var readable = ExcelExport.Write(await manager.Get<ThreadCoverageService>().CoverageWorkbookAsync(Ct), key => key);

        Assert.Equal(["Broken threads", "Orphans", "Directorate shares"], Spreadsheets.SheetNames(masked));
        Assert.Contains(Spreadsheets.Sheet(masked, "Orphans"), r => (string)r["Item"]! == "(private)");
        Assert.DoesNotContain(Spreadsheets.Sheet(masked, "Orphans"), r => (string)r["Item"]! == "Complete the data analysis course");
        Assert.Contains(Spreadsheets.Sheet(readable, "Orphans"), r => (string)r["Item"]! == "Complete the data analysis course");
        Assert.Contains(Spreadsheets.Sheet(masked, "Directorate shares"), r => (string)r["Directorate"]! == "Chief Executive's Directorate" && (double)r["Staff"]! == 7);
    }

    [Fact]
    public async Task WritesTheForwardPlanWithItsDatesAsDates()
    {
        await using var anonymous = _portal.Anonymous();
        var view = await anonymous.Get<ForwardPlanService>().ForwardPlanAsync(Ct);

        var rows = Spreadsheets.Sheet(ExcelExport.Write(ForwardPlanExport.Of(view), key => key), "Forward Plan");

        Assert.Equal(view.Entries.Select(e => e.Title), rows.Select(r => (string)r["Title"]!));
        Assert.All(rows, r => Assert.IsType<DateTime>(r["DecisionDue"]));
    }

    private async Task<int> PlanIdAsync()
    {
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        return await db.Plans.Select(p => p.Id).SingleAsync(Ct);
    }
}
