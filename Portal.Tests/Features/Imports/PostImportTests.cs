using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Features.Establishment;
using Portal.Features.Imports;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.LiveUpdates;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Features.Imports.ImportTestKit;

namespace Portal.Tests.Features.Imports;

/// <summary>Importing posts with their grade, reporting line and holder, on a real SQLite file with the real migrations.</summary>
public sealed class PostImportTests : IAsyncLifetime
{
    private const string Header = "Number,Title,Unit,Grade,Fte,EstablishedOn,AccountableTo,Holder,Acting,HeldFrom";
    private const string Grade = "JNC for Chief Officers: Assistant Director";
    private ServiceHarness _portal = default!;

    public async ValueTask InitializeAsync() => _portal = await ServiceHarness.StartAsync();

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task SavesEveryPostWithItsReportingLineAndHolderAuditedAndToldToTheEstablishment()
    {
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        var published = new List<EstablishmentChanged>();
        using var subscription = admin.Get<ChangeFeed>().Subscribe<EstablishmentChanged>(published.Add);
        var file = Spreadsheets.Csv(
            Header,
            $"HR-102,HR Adviser,Human Resources,{Grade},0.5,2026-04-01,HR-101,,,",
            $"HR-101,HR Business Partner,Human Resources,{Grade},1,2026-04-01,AD-003,priya.shah@york.example,yes,2026-05-01");

        var preview = await admin.Get<ImportService>().PreviewAsync(ImportKind.Posts, null, file, Ct);
        var saved = await admin.Get<ImportService>().SaveAsync(ImportKind.Posts, null, file, Ct);

        Assert.True(preview.CanSave, string.Join("\n", preview.Rows.SelectMany(r => r.Problems.Select(p => $"{r.Line}: {p.Message}"))));
        Assert.Equal(2, saved);
        var posts = await _portal.QueryAsync(db => db.Posts.ToDictionaryAsync(p => p.Number, Ct));
        var partner = posts["HR-101"];
        Assert.Equal(0.5m, posts["HR-102"].Fte);
        Assert.Equal(new DateOnly(2026, 4, 1), partner.EstablishedOn);
        var lines = await _portal.QueryAsync(db => db.PostReportingLines.Where(l => l.PostId == partner.Id || l.PostId == posts["HR-102"].Id).ToListAsync(Ct));
        Assert.Equal(posts["AD-003"].Id, lines.Single(l => l.PostId == partner.Id).AccountableToId);
        Assert.Equal(partner.Id, lines.Single(l => l.PostId == posts["HR-102"].Id).AccountableToId);
        var holding = await _portal.QueryAsync(db => db.PostHoldings.SingleAsync(h => h.PostId == partner.Id, Ct));
        Assert.True(holding.IsActing);
        Assert.Equal(new DateOnly(2026, 5, 1), holding.From);
        Assert.False(await _portal.QueryAsync(db => db.PostHoldings.AnyAsync(h => h.PostId == posts["HR-102"].Id, Ct)));
        var id = partner.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await _portal.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == "Post" && e.EntityId == id && e.Action == AuditAction.Added, Ct)));
        Assert.NotEmpty(published);
    }

    [Fact]
    public async Task ReportsEachBadRowWithItsRowNumberAndSavesNothing()
    {
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        var file = Spreadsheets.Csv(
            Header,
            $"HR-101,HR Business Partner,Human Resources,{Grade},1,2026-04-01,AD-003,,,",
            $"CE-001,Another chief,Human Resources,{Grade},1,2026-04-01,,,,",
            $"HR-101,Twin,Human Resources,{Grade},1,2026-04-01,,,,",
            $"HR-103,Adviser,Department of Nowhere,{Grade},1,2026-04-01,,,,",
            $"HR-104,Adviser,Human Resources,Grade Z,1,2026-04-01,,,,",
            $"HR-105,Adviser,Human Resources,{Grade},1,2026-13-01,,,,",
            $"HR-106,Adviser,Human Resources,{Grade},1,2026-04-01,XX-999,,,",
            $"LP-1,Loop one,Human Resources,{Grade},1,2026-04-01,LP-2,,,",
            $"LP-2,Loop two,Human Resources,{Grade},1,2026-04-01,LP-1,,,",
            $"HR-107,Adviser,Human Resources,{Grade},1.5,2026-04-01,,,,",
            $"HR-108,Adviser,Human Resources,{Grade},1,2026-04-01,,tom.fielding@york.example,no,2026-01-01");
        var posts = await _portal.CountAsync(db => db.Posts);
        var lines = await _portal.CountAsync(db => db.PostReportingLines);

        var preview = await admin.Get<ImportService>().PreviewAsync(ImportKind.Posts, null, file, Ct);

        Assert.Empty(preview.Codes(2));
        Assert.Empty(preview.Codes(3)); // a number already there changes that post (see PostUpdateImportTests)
        Assert.Equal(RowChange.Changes, preview.Rows.Single(r => r.Line == 3).Change);
        Assert.Equal(["Import.DuplicateCode"], preview.Codes(4));
        Assert.Equal(["Import.UnknownUnit"], preview.Codes(5));
        Assert.Equal(["Import.UnknownGrade"], preview.Codes(6));
        Assert.Equal(["Import.BadDate"], preview.Codes(7));
        Assert.Equal(["Import.UnknownPost"], preview.Codes(8));
        Assert.Equal(["Import.PostLoop"], preview.Codes(9));
        Assert.Equal(["Import.PostLoop"], preview.Codes(10));
        Assert.Equal(["Post.FteOutOfRange"], preview.Codes(11));
        Assert.Equal(["Post.NotEstablished"], preview.Codes(12));
        Assert.Equal("The posts would be accountable to each other in a loop: LP-1 → LP-2 → LP-1.", preview.Rows.Single(r => r.Line == 9).Problems[0].Message);
        var refusal = await Assert.ThrowsAsync<DomainRuleException>(() => admin.Get<ImportService>().SaveAsync(ImportKind.Posts, null, file, Ct));
        Assert.Equal("Import.HasProblems", refusal.Code);
        Assert.Equal(posts, await _portal.CountAsync(db => db.Posts));
        Assert.Equal(lines, await _portal.CountAsync(db => db.PostReportingLines));
    }
}
