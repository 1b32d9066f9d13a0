using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Features.Imports;
using Portal.Features.Imports.Files;
using Portal.Features.Plans;
using Portal.Features.Plans.Plans;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Export;
using Portal.Infrastructure.LiveUpdates;
using Portal.Infrastructure.Security;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Imports;

/// <summary>Importing key actions on a real SQLite file with the real migrations and the demo council's plan.</summary>
public sealed class ImportServiceTests : IAsyncLifetime
{
    private const string Header = "Ref,Priority,Title,Description,Owner,LeadUnit,Start,Due,Milestone,MilestoneDue";
    private const string ExistingAction = "Publish the refreshed corporate strategy";
    private ServiceHarness _portal = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _portal = await ServiceHarness.StartAsync();

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    public static TheoryData<string, string> BadFiles => new()
    {
        { "empty", "Import.Empty" },
        { "header only", "Import.Empty" },
        { "pdf", "Import.WrongType" },
        { "zip that is not a workbook", "Import.WrongType" },
        { "legacy xls", "Import.WrongType" },
        { "over 10 MB", "Import.TooLarge" },
        { "csv formula", "Import.Formula" },
        { "too many rows", "Import.TooManyRows" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task RefusesABadFileWithAClearMessageAndSavesNothing(string file, string code)
    {
        var content = file switch
        {
            "empty" => [],
            "header only" => Spreadsheets.Csv(Header),
            "pdf" => [.. Encoding.ASCII.GetBytes("%PDF-1.7\n"), 0x00, 0xE2, 0xE3, 0xCF, 0xD3],
            "zip that is not a workbook" => Spreadsheets.Zip("word/document.xml", "<document/>"),
            "legacy xls" => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00, 0x00],
            "over 10 MB" => Encoding.ASCII.GetBytes(new string('a', SpreadsheetFile.MaxBytes + 1)),
            "csv formula" => Spreadsheets.Csv(Header, "A1,1,=HYPERLINK(\"http://evil.example\"),,x,y,2026-05-01,2026-06-01,,"),
            "too many rows" => Spreadsheets.Csv([Header, .. Enumerable.Range(1, SpreadsheetFile.MaxRows + 1).Select(i => $"A{i},1,Action {i},,x,y,2026-05-01,2026-06-01,,")]),
            _ => throw new ArgumentOutOfRangeException(nameof(file)),
        };

        var error = await RefusedAsync(content);

        Assert.Equal(code, error.Code);
    }

    [Fact]
    public async Task NamesTheMissingAndTheUnknownColumns()
    {
        var error = await RefusedAsync(Spreadsheets.Csv("Ref,Priority,Title,Owner,Colour,LeadUnit,Start,Due,Milestone,MilestoneDue", "A1,1,x,y,red,z,2026-05-01,2026-06-01,,"));

        Assert.Equal("Import.WrongHeaders", error.Code);
        Assert.Equal(["Description", "Colour"], error.Arguments);
        Assert.Contains("Missing: Description. Not known: Colour.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesAWorkbookCellHoldingAFormula()
    {
        var workbook = ExcelExport.Write(await TemplateAsync(withRows: true), key => key);
        var withFormula = Spreadsheets.WithSheet(workbook, xml => System.Text.RegularExpressions.Regex.Replace(
            xml, "<(\\w+:)?c r=\"C2\"", m => $"<{m.Groups[1].Value}c r=\"Z2\"><{m.Groups[1].Value}f>1+1</{m.Groups[1].Value}f></{m.Groups[1].Value}c>{m.Value}", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(5)));
        Assert.Contains("f>1+1</", Spreadsheets.Entry(withFormula, "xl/worksheets/sheet1.xml"), StringComparison.Ordinal);

        Assert.Equal("Import.Formula", (await RefusedAsync(withFormula)).Code);
        Assert.Equal(2, (await RefusedAsync(withFormula)).Arguments[0]);
    }

    [Fact]
    public async Task RefusesAZipBombBeforeUnpackingPastTheLimit()
    {
        var bomb = Spreadsheets.Bomb(megabytes: 110);

        Assert.True(bomb.Length < SpreadsheetFile.MaxBytes);
        Assert.Equal("Import.Unpacks", (await RefusedAsync(bomb)).Code);
    }

    [Fact]
    public async Task RefusesAZipBombWhoseEntriesUnderstateTheirSizeAsADamagedFile()
    {
        // The declared sizes pass the first check; .NET stops each entry at its declared size, so the sheet arrives cut short.
        var lying = Spreadsheets.Lying(Spreadsheets.Bomb(megabytes: 110));

        Assert.Equal("Import.WrongType", (await RefusedAsync(lying)).Code);
    }

    [Fact]
    public async Task PreviewsEachRowAsItWillBeSavedWithItsProblemsBesideItAndSavesNothing()
    {
        await using var director = await _portal.SignedInAsAsync(DemoUsers.Director);
        var planId = await PlanIdAsync();
        var (person, unit) = await OwnerAndUnitAsync(director, planId);
        var before = await ActionCountAsync();
        var file = Spreadsheets.Csv(
            Header,
            $"A1,1,Open a new customer centre,Plain text,{person},{unit},2026-05-01,2026-12-31,Lease signed,2026-07-31",
            $"A2,1,Train the contact team,,{person},Department of Nowhere,2026-05-01,2026-12-31,,",
            $"A3,1,Move the archive,,{person},{unit},31/02/2026,2026-12-31,,",
            $"A4,1,{ExistingAction},,{person},{unit},2026-05-01,2026-12-31,,",
            $"A5,1,Open a new customer centre,,{person},{unit},2026-05-01,2026-12-31,,",
            $"A6,99,Plant trees,,{person},{unit},2026-05-01,2026-12-31,,",
            $"A7,1,Hire apprentices,,nobody@nowhere.example,{unit},2026-05-01,2026-12-31,,",
            $"A8,1,Close the old depot,,{person},{unit},2026-12-31,2026-05-01,,",
            "A1,,,,,,,,Fit-out finished,2027-02-01",
            "A1,,Another title,,,,,,,");

        var preview = await director.Get<ImportService>().PreviewAsync(planId, file, Ct);

        string[] Codes(int line) => [.. preview.Rows.Single(r => r.Line == line).Problems.Select(p => p.Code)];
        Assert.Empty(Codes(2));
        Assert.Equal(["Import.UnknownUnit"], Codes(3));
        Assert.Equal(["Import.BadDate"], Codes(4));
        Assert.Equal(["Import.DuplicateAction"], Codes(5));
        Assert.Equal(["Import.DuplicateInFile"], Codes(6));
        Assert.Equal(["Import.UnknownPriority"], Codes(7));
        Assert.Equal(["Import.UnknownPerson"], Codes(8));
        Assert.Equal(["Action.DueBeforeStart"], Codes(9));
        Assert.Equal(["Milestone.AfterActionDue"], Codes(10));
        Assert.Equal(["Import.DuplicateRef"], Codes(11));
        var first = preview.Rows.Single(r => r.Line == 2).Values;
        Assert.Equal(person, first[4]);
        Assert.StartsWith("1. ", first[1], StringComparison.Ordinal);
        Assert.Equal("2026-05-01", first[6]);
        Assert.False(preview.CanSave);
        var refusal = await Assert.ThrowsAsync<DomainRuleException>(() => director.Get<ImportService>().SaveAsync(planId, file, Ct));
        Assert.Equal("Import.HasProblems", refusal.Code);
        Assert.Equal(before, await ActionCountAsync());
    }

    [Fact]
    public async Task SavesEveryRowInOneGoAuditedAndToldToThePlansPages()
    {
        await using var director = await _portal.SignedInAsAsync(DemoUsers.Director);
        var planId = await PlanIdAsync();
        var (person, unit) = await OwnerAndUnitAsync(director, planId);
        var published = new List<PlanChanged>();
        using var subscription = director.Get<ChangeFeed>().Subscribe<PlanChanged>(published.Add);
        var file = Spreadsheets.Csv(
            Header,
            $"A1,1,Open a new customer centre,,{person},{unit},2026-05-01,2026-12-31,Lease signed,2026-07-31",
            "A1,,,,,,,,Doors open,2026-12-01",
            $",2,Publish the tenants' charter,,{person},{unit},2026-06-01,2026-09-30,,");

        var preview = await director.Get<ImportService>().PreviewAsync(planId, file, Ct);
        var saved = await director.Get<ImportService>().SaveAsync(planId, file, Ct);

        Assert.True(preview.CanSave);
        Assert.Equal(2, saved);
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        var centre = await db.Actions.Include(a => a.Milestones).SingleAsync(a => a.Title == "Open a new customer centre", Ct);
        Assert.Equal(["Lease signed", "Doors open"], centre.Milestones.OrderBy(m => m.DueDate).Select(m => m.Title));
        Assert.Equal(new DateOnly(2026, 12, 31), centre.DueDate);
        var centreId = centre.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == "KeyAction" && e.EntityId == centreId && e.Action == AuditAction.Added, Ct));
        Assert.Contains(published, p => p.PlanId == planId && p.Kind == PlanItemKind.Action);
        var again = await Assert.ThrowsAsync<DomainRuleException>(() => director.Get<ImportService>().SaveAsync(planId, file, Ct));
        Assert.Equal("Import.HasProblems", again.Code);
    }

    [Fact]
    public async Task OnlyThePlansEditorsMayImport()
    {
        var planId = await PlanIdAsync();
        var file = Spreadsheets.Csv(Header, "A1,1,x,,y,z,2026-05-01,2026-06-01,,");
        await using var officer = await _portal.SignedInAsAsync(DemoUsers.Officer);
        await using var member = await _portal.SignedInAsAsync(DemoUsers.Member);
        await using var anonymous = _portal.Anonymous();
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);

        await Assert.ThrowsAsync<AccessDeniedException>(() => officer.Get<ImportService>().PreviewAsync(planId, file, Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => member.Get<ImportService>().SaveAsync(planId, file, Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => anonymous.Get<ImportService>().TemplateAsync(planId, withRows: true, Ct));
        Assert.NotNull(await admin.Get<ImportService>().PreviewAsync(planId, file, Ct));
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("csv")]
    public async Task CarriesAPlansActionsToAFreshPlanThroughAFile(string format)
    {
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        var source = await PlanIdAsync();
        var exported = await TemplateAsync(withRows: true);
        var file = format == "xlsx" ? ExcelExport.Write(exported, key => key) : CsvExport.File(exported).Content;
        var fresh = await FreshPlanLikeAsync(admin, source);

        var preview = await admin.Get<ImportService>().PreviewAsync(fresh, file, Ct);
        Assert.True(preview.CanSave, string.Join("\n", preview.Rows.SelectMany(r => r.Problems.Select(p => $"{r.Line}: {p.Message}"))));
        await admin.Get<ImportService>().SaveAsync(fresh, file, Ct);

        var imported = await admin.Get<ImportService>().TemplateAsync(fresh, withRows: true, Ct);
        Assert.True(exported.Tables[0].Rows.Count > 5);
        Assert.Equal(Flatten(exported), Flatten(imported));
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

    private async Task<ExportWorkbook> TemplateAsync(bool withRows)
    {
        await using var director = await _portal.SignedInAsAsync(DemoUsers.Director);
        return await director.Get<ImportService>().TemplateAsync(await PlanIdAsync(), withRows, Ct);
    }

    private async Task<DomainRuleException> RefusedAsync(byte[] content)
    {
        await using var director = await _portal.SignedInAsAsync(DemoUsers.Director);
        var planId = await PlanIdAsync();
        var before = await ActionCountAsync();
        var preview = await Assert.ThrowsAsync<DomainRuleException>(() => director.Get<ImportService>().PreviewAsync(planId, content, Ct));
        var save = await Assert.ThrowsAsync<DomainRuleException>(() => director.Get<ImportService>().SaveAsync(planId, content, Ct));
        Assert.Equal(preview.Code, save.Code);
        Assert.Equal(before, await ActionCountAsync());
        return preview;
    }

    private static async Task<(string Person, string Unit)> OwnerAndUnitAsync(ServiceHarness.Session director, int planId)
    {
        var choices = await director.Get<PlanService>().GetChoicesAsync(planId, Ct);
        return (choices.People[0].Name, choices.Units[0].Name);
    }

    private async Task<int> ActionCountAsync()
    {
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        return await db.Actions.CountAsync(Ct);
    }

    private async Task<int> PlanIdAsync()
    {
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        return await db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(Ct);
    }
}
