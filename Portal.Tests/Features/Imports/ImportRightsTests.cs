using System.Text;
using Portal.Domain.Common;
using Portal.Features.Imports;
using Portal.Features.Imports.Files;
using Portal.Infrastructure.Security;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Features.Imports.ImportTestKit;

namespace Portal.Tests.Features.Imports;

/// <summary>Who may import each kind, checked in the service; and the row limit, the same for every kind.</summary>
public sealed class ImportRightsTests : IAsyncLifetime
{
    private ServiceHarness _portal = default!;

    public async ValueTask InitializeAsync() => _portal = await ServiceHarness.StartAsync();

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    public static TheoryData<ImportKind> Kinds => [.. Enum.GetValues<ImportKind>()];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task RefusesAFileOfMoreThanTenThousandRowsAndSavesNothing(ImportKind kind)
    {
        var header = string.Join(',', ImportService.ColumnsOf(kind));
        var filler = string.Join(',', ImportService.ColumnsOf(kind).Select((_, i) => "x" + i));
        var file = Spreadsheets.Csv([header, .. Enumerable.Repeat(filler, SpreadsheetFile.MaxRows + 1)]);
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        var planId = kind.OfPlan() ? await _portal.PlanIdAsync() : (int?)null;
        var audited = await _portal.CountAsync(db => db.AuditEntries);

        var preview = await Assert.ThrowsAsync<DomainRuleException>(() => admin.Get<ImportService>().PreviewAsync(kind, planId, file, Ct));
        var save = await Assert.ThrowsAsync<DomainRuleException>(() => admin.Get<ImportService>().SaveAsync(kind, planId, file, Ct));

        Assert.Equal("Import.TooManyRows", preview.Code);
        Assert.Equal("Import.TooManyRows", save.Code);
        Assert.Equal(audited, await _portal.CountAsync(db => db.AuditEntries));
    }

    [Theory]
    [InlineData(ImportKind.Posts)]
    [InlineData(ImportKind.People)]
    public async Task OnlyAdministratorsImportPostsAndPeople(ImportKind kind)
    {
        var file = Encoding.UTF8.GetBytes(string.Join(',', ImportService.ColumnsOf(kind)) + "\r\n");
        await using var director = await _portal.SignedInAsAsync(DemoUsers.Director);
        await using var officer = await _portal.SignedInAsAsync(DemoUsers.Officer);
        await using var anonymous = _portal.Anonymous();
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);

        await Assert.ThrowsAsync<AccessDeniedException>(() => director.Get<ImportService>().PreviewAsync(kind, null, file, Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => director.Get<ImportService>().SaveAsync(kind, null, file, Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => officer.Get<ImportService>().TemplateAsync(kind, null, withRows: true, Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => anonymous.Get<ImportService>().TargetAsync(kind, null, Ct));
        var template = await admin.Get<ImportService>().TemplateAsync(kind, null, withRows: false, Ct);
        Assert.Equal(ImportService.ColumnsOf(kind), template.Tables[0].Columns.Select(c => c.Key));
        Assert.Equal("Import.Empty", (await Assert.ThrowsAsync<DomainRuleException>(() => admin.Get<ImportService>().PreviewAsync(kind, null, file, Ct))).Code);
    }

    [Theory]
    [InlineData(ImportKind.Indicators)]
    [InlineData(ImportKind.Risks)]
    [InlineData(ImportKind.PlanItems)]
    public async Task APlansEditorsImportItsIndicatorsAndRisksAndNoOneElse(ImportKind kind)
    {
        var file = Encoding.UTF8.GetBytes(string.Join(',', ImportService.ColumnsOf(kind)) + "\r\n");
        var own = await _portal.PlanIdAsync();
        var other = await _portal.OtherDirectoratesPlanAsync();
        await using var director = await _portal.SignedInAsAsync(DemoUsers.Director);
        await using var officer = await _portal.SignedInAsAsync(DemoUsers.Officer);
        await using var member = await _portal.SignedInAsAsync(DemoUsers.Member);
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);

        await Assert.ThrowsAsync<AccessDeniedException>(() => director.Get<ImportService>().PreviewAsync(kind, other, file, Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => director.Get<ImportService>().SaveAsync(kind, other, file, Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => officer.Get<ImportService>().PreviewAsync(kind, own, file, Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => member.Get<ImportService>().SaveAsync(kind, own, file, Ct));
        Assert.Equal("Import.Empty", (await Assert.ThrowsAsync<DomainRuleException>(() => director.Get<ImportService>().PreviewAsync(kind, own, file, Ct))).Code);
        Assert.Equal("Import.Empty", (await Assert.ThrowsAsync<DomainRuleException>(() => admin.Get<ImportService>().PreviewAsync(kind, other, file, Ct))).Code);
    }
}
