using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Establishment;
using Portal.Features.Imports.Files;

namespace Portal.Features.Imports.Posts;

/// <summary>
/// The rows of the post import whose number is a post already there (case aside): its title, unit, grade, FTE,
/// the post it is accountable to and its holder become the row's, by the domain's own rules
/// (<see cref="Post.Describe"/>, <see cref="Structure.ChangeReporting"/>, <see cref="Structure.Appoint"/>), a new
/// reporting line or holder from today (or the row's later HeldFrom); a blank cell keeps what is there. Each
/// change is shown old → new. It works on the import's own tracked rows, so a preview changes nothing and the
/// save writes every change in the import's one transaction, audited as any change.
/// </summary>
internal sealed class PostUpdates
{
    private readonly Dictionary<string, Post> _posts;
    private readonly List<PostReporting> _lines;
    private readonly List<PostHolding> _holdings;
    private readonly Dictionary<int, string> _units;
    private readonly Dictionary<int, string> _grades;
    private readonly Dictionary<int, string> _people;
    private readonly DateOnly _today;

    private PostUpdates(
        Dictionary<string, Post> posts, List<PostReporting> lines, List<PostHolding> holdings, Dictionary<int, string> units, Dictionary<int, string> grades,
        Dictionary<int, string> people, DateOnly today) =>
        (_posts, _lines, _holdings, _units, _grades, _people, _today) = (posts, lines, holdings, units, grades, people, today);

    /// <summary>Reporting lines to a post new in the file, made once it has its id.</summary>
    public List<(Post Post, string Above, List<DomainRuleException> Problems)> Pending { get; } = [];

    public int Changed { get; private set; }

    public static async Task<PostUpdates> LoadAsync(PortalDbContext db, DateOnly today, CancellationToken ct)
    {
        var posts = await db.Posts.Where(p => p.DeletedOn == null).ToListAsync(ct);
        return new PostUpdates(
            posts.GroupBy(p => p.Number.Trim(), StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase),
            await db.PostReportingLines.Where(l => l.To == null).ToListAsync(ct),
            await db.PostHoldings.Where(h => h.To == null).ToListAsync(ct),
            await db.UnitNamesAsync(ct),
            await db.Grades.AsNoTracking().ToDictionaryAsync(g => g.Id, g => g.Name, ct),
            await db.PeopleNamesAsync(ct),
            today);
    }

    public Post? Find(string? number) => number is not null && _posts.TryGetValue(number.Trim(), out var post) ? post : null;

    /// <summary>The post's values in the template's shape, for the "current data" download.</summary>
    public IEnumerable<object?[]> Rows(Dictionary<int, string> personKeys) =>
        _posts.Values.OrderBy(p => p.Id).Select(p =>
        {
            var holder = Holder(p.Id);
            return new object?[]
            {
                p.Number, p.Title, _units.GetValueOrDefault(p.UnitId), _grades.GetValueOrDefault(p.GradeId), p.Fte, p.EstablishedOn, Above(p.Id),
                holder is null ? null : personKeys.GetValueOrDefault(holder.PersonId), holder is null ? null : holder.IsActing ? "yes" : "no", holder?.From,
            };
        });

    /// <summary>Changes <paramref name="post"/> as the row says; the row's preview, each changed cell old → new.</summary>
    public PreviewRow Read(
        ImportRow row, Post post, ImportLookups.Lookup units, ImportLookups.Lookup grades, ImportLookups.Lookup people, ISet<string> newNumbers, List<DomainRuleException> problems)
    {
        var unit = row["Unit"] is null ? ((int Id, string Name)?)(post.UnitId, _units.GetValueOrDefault(post.UnitId) ?? string.Empty) : ImportLookups.Find(units, row["Unit"], "Unit", "Import.UnknownUnit", problems);
        var grade = row["Grade"] is null ? ((int Id, string Name)?)(post.GradeId, _grades.GetValueOrDefault(post.GradeId) ?? string.Empty) : ImportLookups.Find(grades, row["Grade"], "Grade", "Import.UnknownGrade", problems);
        var fte = ImportValues.Decimal(row, "Fte", problems) ?? post.Fte;
        var title = row["Title"] ?? post.Title;
        var holder = row["Holder"] is null ? null : ImportLookups.Find(people, row["Holder"], "Holder", "Import.UnknownPerson", problems);
        var current = Holder(post.Id);
        // A blank Acting keeps how the holder named holds it now; for someone new it means substantive.
        var acting = row["Acting"] is null && holder is { } named && current?.PersonId == named.Id ? current.IsActing : ImportValues.YesNo(row, "Acting", problems);
        var heldFrom = ImportValues.OptionalDate(row, "HeldFrom", problems);
        var above = row["AccountableTo"];
        var aboveNow = Above(post.Id);
        var (oldTitle, oldUnit, oldGrade, oldFte) = (post.Title, _units.GetValueOrDefault(post.UnitId), _grades.GetValueOrDefault(post.GradeId), post.Fte);
        if (above is not null && Find(above) is null && !newNumbers.Contains(above))
        {
            problems.Add(new DomainRuleException("Import.UnknownPost", $"There is no post numbered “{above}”, here or in the file.", "AccountableTo", above));
        }

        if (problems.Count == 0 && unit is not null && grade is not null)
        {
            ImportValues.Try(problems, () =>
            {
                post.Describe(post.Number, title, unit.Value.Id, grade.Value.Id, fte);
                return post;
            });
            if (above is not null && !string.Equals(above.Trim(), aboveNow, StringComparison.OrdinalIgnoreCase))
            {
                if (Find(above) is { } to)
                {
                    ImportValues.Try(problems, () =>
                    {
                        Structure.ChangeReporting(_lines, post.Id, to.Id, _today);
                        return post;
                    });
                }
                else
                {
                    Pending.Add((post, above, problems));
                }
            }

            if (holder is { } h && (current is null || current.PersonId != h.Id || current.IsActing != acting))
            {
                var from = heldFrom is DateOnly f && (current is null || f > current.From) ? f : _today;
                ImportValues.Try(problems, () => Structure.Appoint(_holdings, post, h.Id, acting, from));
            }
        }

        string? Shown(string? old, string? now) => string.Equals(old, now, StringComparison.Ordinal) ? now : $"{old} → {now}";
        var values = new[]
        {
            post.Number, Shown(oldTitle, title), Shown(oldUnit, unit?.Name ?? row["Unit"]), Shown(oldGrade, grade?.Name ?? row["Grade"]),
            Shown(Fte(oldFte), Fte(fte)), post.EstablishedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Shown(aboveNow, above?.Trim() ?? aboveNow),
            Shown(current is null ? null : _people.GetValueOrDefault(current.PersonId), holder?.Name ?? (current is null ? null : _people.GetValueOrDefault(current.PersonId))),
            Shown(current is null ? null : current.IsActing ? "yes" : "no", holder is null ? (current is null ? null : current.IsActing ? "yes" : "no") : acting ? "yes" : "no"),
            heldFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? row["HeldFrom"],
        };
        var changed = values.Any(v => v?.Contains(" → ", StringComparison.Ordinal) == true);
        Changed += changed && problems.Count == 0 ? 1 : 0;
        return new PreviewRow(row.Line, values, problems, changed ? RowChange.Changes : RowChange.Unchanged);
    }

    /// <summary>
    /// Posts that the file would make accountable to each other round a loop: the file's new posts
    /// (<paramref name="newPosts"/>: each one's number, the post it is accountable to, its row's problems)
    /// among themselves, or through posts already there made accountable to a new one. Refused on the row.
    /// </summary>
    public void FindLoops(IReadOnlyList<(string Number, string? Above, List<DomainRuleException> Problems)> newPosts)
    {
        ArgumentNullException.ThrowIfNull(newPosts);
        var newAbove = newPosts.GroupBy(r => r.Number.Trim(), StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Above, StringComparer.OrdinalIgnoreCase);
        var pending = Pending.GroupBy(p => p.Post.Number.Trim(), StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => (string?)g.First().Above, StringComparer.OrdinalIgnoreCase);
        string? Next(string number) =>
            newAbove.TryGetValue(number, out var a) ? a : pending.TryGetValue(number, out var p) ? p : Find(number) is { } there ? Above(there.Id) : null;
        foreach (var (number, above, problems) in newPosts.Concat(Pending.Select(p => (p.Post.Number, (string?)p.Above, p.Problems))))
        {
            var chain = new List<string> { number };
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var current = above?.Trim(); current is not null && seen.Add(current); current = Next(current)?.Trim())
            {
                chain.Add(current);
                if (string.Equals(current, number.Trim(), StringComparison.OrdinalIgnoreCase))
                {
                    var path = string.Join(" → ", chain);
                    problems.Add(new DomainRuleException("Import.PostLoop", $"The posts would be accountable to each other in a loop: {path}.", "AccountableTo", path));
                    break;
                }
            }
        }
    }

    /// <summary>Reporting lines to posts new in the file, once they have their ids.</summary>
    public void AddPending(IReadOnlyDictionary<string, int> newIds)
    {
        foreach (var (post, above, _) in Pending)
        {
            Structure.ChangeReporting(_lines, post.Id, newIds[above], _today);
        }
    }

    /// <summary>New lines and holdings made by the changes, for the context to add.</summary>
    public IEnumerable<PostReporting> NewLines => _lines.Where(l => l.Id == 0);

    public IEnumerable<PostHolding> NewHoldings => _holdings.Where(h => h.Id == 0);

    private string? Above(int postId) =>
        _lines.Where(l => l.PostId == postId && l.To is null && l.From <= _today).OrderByDescending(l => l.From).FirstOrDefault()?.AccountableToId is int id
            ? _posts.Values.FirstOrDefault(p => p.Id == id)?.Number
            : null;

    private PostHolding? Holder(int postId) =>
        _holdings.Where(h => h.PostId == postId && h.To is null && h.From <= _today).OrderByDescending(h => h.IsActing).ThenByDescending(h => h.From).FirstOrDefault();

    private static string Fte(decimal fte) => fte.ToString("0.##", CultureInfo.InvariantCulture);
}
