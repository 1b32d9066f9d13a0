using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Features.Establishment;
using Portal.Features.Imports;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.LiveUpdates;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Features.Imports.ImportTestKit;

namespace Portal.Tests.Features.Imports;

/// <summary>
/// The post import changes the posts already there, matched by number whatever its case: title, unit, grade,
/// holder and reporting line, each change shown old → new in the preview, saved together and audited.
/// </summary>
public sealed class PostUpdateImportTests : IAsyncLifetime
{
    private const string Header = "Number,Title,Unit,Grade,Fte,EstablishedOn,AccountableTo,Holder,Acting,HeldFrom";
    private const string Grade = "JNC for Chief Officers: Assistant Director";
    private ServiceHarness _portal = default!;

    public async ValueTask InitializeAsync() => _portal = await ServiceHarness.StartAsync();

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task ChangesAPostAlreadyThereShowingEachChangeAndSavesItAudited()
    {
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        var published = new List<EstablishmentChanged>();
        using var subscription = admin.Get<ChangeFeed>().Subscribe<EstablishmentChanged>(published.Add);
        var before = await _portal.QueryAsync(async db =>
        {
            var post = await db.Posts.SingleAsync(p => p.Number == "AD-004", Ct);
            var grade = await db.Grades.Where(g => g.Id == post.GradeId).Select(g => g.Name).SingleAsync(Ct);
            var unit = await db.OrganisationUnits.Where(u => u.Id == post.UnitId).Select(u => u.Name).SingleAsync(Ct);
            return (post, grade, unit);
        });
        var otherGrade = await _portal.QueryAsync(db => db.Grades.Where(g => g.Name != before.grade).OrderBy(g => g.Id).Select(g => g.Name).FirstAsync(Ct));
        var file = Spreadsheets.Csv(
            Header,
            $"ad-004,Assistant Director (Communities),Human Resources,{otherGrade},1,,,priya.shah@york.example,no,",
            $"HR-201,HR Adviser,Human Resources,{Grade},1,2026-04-01,AD-004,,,");
        var posts = await _portal.CountAsync(db => db.Posts);

        var preview = await admin.Get<ImportService>().PreviewAsync(ImportKind.Posts, null, file, Ct);

        Assert.True(preview.CanSave, string.Join("\n", preview.Rows.SelectMany(r => r.Problems.Select(p => $"{r.Line}: {p.Message}"))));
        var changed = preview.Rows.Single(r => r.Line == 2);
        Assert.Equal(RowChange.Changes, changed.Change);
        Assert.Equal("AD-004", changed.Values[0]);
        Assert.Equal($"{before.post.Title} → Assistant Director (Communities)", changed.Values[1]);
        Assert.Equal($"{before.unit} → Human Resources", changed.Values[2]);
        Assert.Equal($"{before.grade} → {otherGrade}", changed.Values[3]);
        Assert.EndsWith("→ Priya Shah", changed.Values[7], StringComparison.Ordinal);
        Assert.Equal(RowChange.Adds, preview.Rows.Single(r => r.Line == 3).Change);
        Assert.Equal("Assistant Director (Community Services)", await _portal.QueryAsync(db => db.Posts.Where(p => p.Number == "AD-004").Select(p => p.Title).SingleAsync(Ct)));

        Assert.Equal(2, await admin.Get<ImportService>().SaveAsync(ImportKind.Posts, null, file, Ct));

        Assert.Equal(posts + 1, await _portal.CountAsync(db => db.Posts));
        var after = await _portal.QueryAsync(db => db.Posts.SingleAsync(p => p.Number == "AD-004", Ct));
        Assert.Equal("Assistant Director (Communities)", after.Title);
        Assert.NotEqual(before.post.GradeId, after.GradeId);
        Assert.NotEqual(before.post.UnitId, after.UnitId);
        var holder = await _portal.QueryAsync(db => db.HoldersOnAsync(DateOnly.FromDateTime(DateTime.UtcNow), Ct));
        var priya = await _portal.QueryAsync(db => db.People.Where(p => p.Email == "priya.shah@york.example").Select(p => p.Id).SingleAsync(Ct));
        Assert.Equal(priya, holder[after.Id]);
        var id = after.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await _portal.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == "Post" && e.EntityId == id && e.Action == AuditAction.Modified, Ct)));
        var newId = await _portal.QueryAsync(db => db.Posts.Where(p => p.Number == "HR-201").Select(p => p.Id).SingleAsync(Ct));
        Assert.Equal(after.Id, await _portal.QueryAsync(db => db.PostReportingLines.Where(l => l.PostId == newId).Select(l => l.AccountableToId).SingleAsync(Ct)));
        Assert.NotEmpty(published);
    }

    [Fact]
    public async Task AChangeThatBreaksARuleIsShownBesideItsRowAndNothingIsSaved()
    {
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        var file = Spreadsheets.Csv(Header, "AD-004,,,,1.5,,,,,", "AD-005,,Department of Nowhere,,,,AD-005,,,");

        var preview = await admin.Get<ImportService>().PreviewAsync(ImportKind.Posts, null, file, Ct);

        Assert.Equal(["Post.FteOutOfRange"], preview.Codes(2));
        Assert.Equal(["Import.UnknownUnit"], preview.Codes(3));
        await Assert.ThrowsAsync<DomainRuleException>(() => admin.Get<ImportService>().SaveAsync(ImportKind.Posts, null, file, Ct));
        Assert.Equal(1m, await _portal.QueryAsync(db => db.Posts.Where(p => p.Number == "AD-004").Select(p => p.Fte).SingleAsync(Ct)));
    }

    [Fact]
    public async Task ABlankActingKeepsAnActingHolderActingAndALoopThroughANewPostIsRefused()
    {
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        var imports = admin.Get<ImportService>();
        Assert.Equal(1, await imports.SaveAsync(ImportKind.Posts, null, Spreadsheets.Csv(Header, "AD-004,,,,,,,priya.shah@york.example,yes,"), Ct));

        // The same holder again with Acting left blank: nothing changes, she is still acting.
        var again = await imports.PreviewAsync(ImportKind.Posts, null, Spreadsheets.Csv(Header, "AD-004,,,,,,,priya.shah@york.example,,"), Ct);
        Assert.True(again.CanSave);
        var row = Assert.Single(again.Rows);
        Assert.Equal(RowChange.Unchanged, row.Change);
        Assert.Equal("yes", row.Values[8]);

        // AD-004 made accountable to a new post that is accountable to AD-004: a loop, said beside the row, and nothing saved.
        var loop = Spreadsheets.Csv(Header, "AD-004,,,,,,HR-301,,,", $"HR-301,HR Lead,Human Resources,{Grade},1,2026-04-01,AD-004,,,");
        var preview = await imports.PreviewAsync(ImportKind.Posts, null, loop, Ct);
        Assert.False(preview.CanSave);
        Assert.Contains(preview.Rows.Single(r => r.Line == 2).Problems, p => p.Code == "Import.PostLoop");
        Assert.Equal("Import.HasProblems", (await Assert.ThrowsAsync<DomainRuleException>(() => imports.SaveAsync(ImportKind.Posts, null, loop, Ct))).Code);
        Assert.False(await _portal.QueryAsync(db => db.Posts.AnyAsync(p => p.Number == "HR-301", Ct)));
    }
}
