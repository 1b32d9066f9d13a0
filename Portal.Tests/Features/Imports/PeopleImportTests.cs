using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Features.Imports;
using Portal.Features.Organisation;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Export;
using Portal.Infrastructure.LiveUpdates;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Features.Imports.ImportTestKit;

namespace Portal.Tests.Features.Imports;

/// <summary>Importing people with their unit and line manager, on a real SQLite file with the real migrations and the demo council.</summary>
public sealed class PeopleImportTests : IAsyncLifetime
{
    private const string Header = "Name,Email,JobTitle,Unit,LineManager";
    private ServiceHarness _portal = default!;

    public async ValueTask InitializeAsync() => _portal = await ServiceHarness.StartAsync();

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task AddsAndChangesEveryRowInOneGoWithManagersFromTheFileAuditedAndToldToTheUnitsPages()
    {
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        var published = new List<UnitChanged>();
        using var subscription = admin.Get<ChangeFeed>().Subscribe<UnitChanged>(published.Add);
        var file = Spreadsheets.Csv(
            Header,
            "Omar Quinn,omar.quinn@york.example,HR Assistant,Human Resources,nina.west@york.example",
            "Nina West,nina.west@york.example,HR Adviser,HR,tom.fielding@york.example",
            "Priya Shah,priya.shah@york.example,Performance Officer,Human Resources,Nina West");
        var before = await _portal.CountAsync(db => db.People);

        var preview = await admin.Get<ImportService>().PreviewAsync(ImportKind.People, null, file, Ct);
        var saved = await admin.Get<ImportService>().SaveAsync(ImportKind.People, null, file, Ct);

        Assert.True(preview.CanSave, string.Join("\n", preview.Rows.SelectMany(r => r.Problems.Select(p => $"{r.Line}: {p.Message}"))));
        Assert.Equal(["Omar Quinn", "omar.quinn@york.example", "HR Assistant", "Human Resources", "Nina West"], preview.Rows[0].Values);
        Assert.Equal(3, saved);
        Assert.Equal(before + 2, await _portal.CountAsync(db => db.People));
        var people = await _portal.QueryAsync(db => db.People.Include(p => p.Unit).Where(p => p.Email != null && p.Email.EndsWith("@york.example")).ToDictionaryAsync(p => p.Email!, Ct));
        Assert.Equal(people["nina.west@york.example"].Id, people["omar.quinn@york.example"].LineManagerId);
        Assert.Equal(people["tom.fielding@york.example"].Id, people["nina.west@york.example"].LineManagerId);
        Assert.Equal(people["nina.west@york.example"].Id, people["priya.shah@york.example"].LineManagerId);
        Assert.Equal("Human Resources", people["priya.shah@york.example"].Unit!.Name);
        var omar = people["omar.quinn@york.example"].Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await _portal.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == "Person" && e.EntityId == omar && e.Action == AuditAction.Added, Ct)));
        Assert.Contains(published, u => u.UnitId == people["omar.quinn@york.example"].UnitId);
        var again = await admin.Get<ImportService>().PreviewAsync(ImportKind.People, null, file, Ct);
        Assert.True(again.CanSave, "the same file again changes the same people, as nothing in it is new any more");
    }

    [Fact]
    public async Task ReportsEachBadRowWithItsRowNumberAndSavesNothing()
    {
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        var file = Spreadsheets.Csv(
            Header,
            "Nina West,nina.west@york.example,HR Adviser,Human Resources,tom.fielding@york.example",
            "Ola Berg,ola.berg@york.example,Clerk,Department of Nowhere,tom.fielding@york.example",
            "Nina Twin,nina.west@york.example,HR Adviser,Human Resources,",
            "Jo Walker,cllr.walker@york.example,Councillor,Human Resources,",
            "Pat Lee,not-an-address,Clerk,Human Resources,",
            "Ann Able,ann.able@york.example,Clerk,Human Resources,ben.baker@york.example",
            "Ben Baker,ben.baker@york.example,Clerk,Human Resources,ann.able@york.example",
            "Heather Rice,heather.rice@york.example,Director of People and Improvement,People and Improvement,priya.shah@york.example",
            "Cy Dee,cy.dee@york.example,Clerk,Human Resources,nobody@nowhere.example",
            "Di Eve,di.eve@york.example,Clerk,Human Resources,di.eve@york.example");
        var people = await _portal.CountAsync(db => db.People);
        var audited = await _portal.CountAsync(db => db.AuditEntries);

        var preview = await admin.Get<ImportService>().PreviewAsync(ImportKind.People, null, file, Ct);

        Assert.Empty(preview.Codes(2));
        Assert.Equal(["Import.UnknownUnit"], preview.Codes(3));
        Assert.Equal(["Import.DuplicateCode"], preview.Codes(4));
        Assert.Equal(["Import.CodeTaken"], preview.Codes(5));
        Assert.Equal(["Person.EmailInvalid"], preview.Codes(6));
        Assert.Equal(["Import.ManagerLoop"], preview.Codes(7));
        Assert.Equal(["Import.ManagerLoop"], preview.Codes(8));
        Assert.Equal(["Import.ManagerLoop"], preview.Codes(9));
        Assert.Equal(["Import.UnknownPerson"], preview.Codes(10));
        Assert.Equal(["Person.ManagesSelf"], preview.Codes(11));
        var loop = preview.Rows.Single(r => r.Line == 7).Problems[0];
        Assert.Equal("Line management would go round in a loop: Ann Able → Ben Baker → Ann Able.", loop.Message);
        var throughExisting = preview.Rows.Single(r => r.Line == 9).Problems[0];
        Assert.Equal("Line management would go round in a loop: Heather Rice → Priya Shah → Barbara Boyce → Heather Rice.", throughExisting.Message);
        Assert.False(preview.CanSave);
        var refusal = await Assert.ThrowsAsync<DomainRuleException>(() => admin.Get<ImportService>().SaveAsync(ImportKind.People, null, file, Ct));
        Assert.Equal("Import.HasProblems", refusal.Code);
        Assert.Equal(people, await _portal.CountAsync(db => db.People));
        Assert.Equal(audited, await _portal.CountAsync(db => db.AuditEntries));
    }

    [Fact]
    public async Task CarriesEveryoneThroughAFileAndBackUnchanged()
    {
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        var exported = await admin.Get<ImportService>().TemplateAsync(ImportKind.People, null, withRows: true, Ct);
        var file = ExcelExport.Write(exported, key => key);

        var preview = await admin.Get<ImportService>().PreviewAsync(ImportKind.People, null, file, Ct);
        Assert.True(preview.CanSave, string.Join("\n", preview.Rows.SelectMany(r => r.Problems.Select(p => $"{r.Line}: {p.Message}"))));
        await admin.Get<ImportService>().SaveAsync(ImportKind.People, null, file, Ct);
        var after = await admin.Get<ImportService>().TemplateAsync(ImportKind.People, null, withRows: true, Ct);

        Assert.True(exported.Tables[0].Rows.Count > 5);
        Assert.Equal(Flatten(exported), Flatten(after));
    }

    private static string[] Flatten(ExportWorkbook workbook) =>
        [.. workbook.Tables[0].Rows.Select(r => string.Join(" | ", r.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))))];
}
