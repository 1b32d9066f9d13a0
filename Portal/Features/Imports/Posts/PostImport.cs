using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Establishment;
using Portal.Features.Establishment; // the establishment's change (EstablishmentChanged), told to its open pages as when a post is added by hand
using Portal.Features.Imports.Files;
using Portal.Infrastructure.Export;

namespace Portal.Features.Imports.Posts;

/// <summary>
/// Reads posts into the establishment: one row a post (a number already there changes that post: see <see cref="PostUpdates"/>), with its unit, grade and FTE, the post it is
/// accountable to (by number, already there or earlier or later in the file) and its holder. The checks are the
/// domain's (<see cref="Post.Establish"/>, <see cref="Structure.Appoint"/>), plus a number used twice in the file
/// or by a deleted post, an unknown unit, grade, post or person, a bad date, and posts accountable to each other in a loop.
/// </summary>
public sealed class PostImport : IImporter
{
    public ImportKind Kind => ImportKind.Posts;

    public IReadOnlyList<ExportColumn> Columns { get; } = ExportColumn.Many(
        ("Number", CellKind.Text), ("Title", CellKind.Text), ("Unit", CellKind.Text), ("Grade", CellKind.Text), ("Fte", CellKind.Decimal),
        ("EstablishedOn", CellKind.Date), ("AccountableTo", CellKind.Text), ("Holder", CellKind.Text), ("Acting", CellKind.Text), ("HeldFrom", CellKind.Date));

    private sealed record Row(ImportRow Source, Post? Post, string? AccountableTo, int? HolderId, bool Acting, DateOnly? HeldFrom, List<DomainRuleException> Problems);

    public async Task<ImportBatch> ReadAsync(PortalDbContext db, ImportScope scope, IReadOnlyList<ImportRow> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        var people = await ImportLookups.PeopleAsync(db, ct);
        var units = await ImportLookups.UnitsAsync(db, ct);
        var grades = new ImportLookups.Lookup();
        foreach (var g in await db.Grades.AsNoTracking().Select(g => new { g.Id, g.Name }).ToListAsync(ct))
        {
            grades.Add(g.Name, g.Id, g.Name);
        }

        var updates = await PostUpdates.LoadAsync(db, DateOnly.FromDateTime(scope.UtcNow), ct);
        var existing = await db.Posts.AsNoTracking().Select(p => new { p.Id, p.Number, p.DeletedOn }).ToListAsync(ct);
        var existingIds = existing.GroupBy(p => p.Number.Trim(), StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.OrdinalIgnoreCase);

        // A live post's number changes that post; a deleted post's number is not free for a new one.
        var numbers = new UniqueKeys(existing.Where(p => p.DeletedOn != null && updates.Find(p.Number) is null).Select(p => p.Number));
        var fileNumbers = rows.Where(r => r["Number"] is not null).GroupBy(r => r["Number"]!, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Line, StringComparer.OrdinalIgnoreCase);
        var newNumbers = rows.Select(r => r["Number"]).Where(n => n is not null && updates.Find(n) is null).Select(n => n!.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var read = new List<Row>(rows.Count);
        var preview = new List<PreviewRow>(rows.Count);
        foreach (var row in rows)
        {
            var problems = new List<DomainRuleException>();
            numbers.Claim(row["Number"], row.Line, "Number", problems);
            if (updates.Find(row["Number"]) is { } post0)
            {
                preview.Add(updates.Read(row, post0, units, grades, people, newNumbers, problems));
                continue;
            }

            var unit = ImportLookups.Find(units, row["Unit"], "Unit", "Import.UnknownUnit", problems);
            var grade = ImportLookups.Find(grades, row["Grade"], "Grade", "Import.UnknownGrade", problems);
            var fte = ImportValues.Decimal(row, "Fte", problems, required: true);
            var established = ImportValues.Date(row, "EstablishedOn", problems);
            var above = row["AccountableTo"];
            if (above is not null && !existingIds.ContainsKey(above) && !fileNumbers.ContainsKey(above))
            {
                problems.Add(new DomainRuleException("Import.UnknownPost", $"There is no post numbered “{above}”, here or in the file.", "AccountableTo", above));
            }

            (int Id, string Name)? holder = row["Holder"] is null ? null : ImportLookups.Find(people, row["Holder"], "Holder", "Import.UnknownPerson", problems);
            var acting = ImportValues.YesNo(row, "Acting", problems);
            var heldFrom = ImportValues.OptionalDate(row, "HeldFrom", problems) ?? established;
            Post? post = null;
            if (problems.Count == 0 && unit is not null && grade is not null && fte is { } f && established is { } on)
            {
                post = ImportValues.Try(problems, () => Post.Establish(row["Number"] ?? string.Empty, row["Title"] ?? string.Empty, unit.Value.Id, grade.Value.Id, f, on));
                if (post is not null && holder is not null && heldFrom is { } from)
                {
                    // Checked against a post with no holders yet; the holding itself is made once the post has its id.
                    ImportValues.Try(problems, () => Structure.Appoint([], post, holder.Value.Id, acting, from));
                }
            }

            read.Add(new Row(row, post, above, holder?.Id, acting, heldFrom, problems));
            preview.Add(new PreviewRow(row.Line,
            [
                row["Number"], row["Title"], unit?.Name ?? row["Unit"], grade?.Name ?? row["Grade"], row["Fte"], ImportValues.Shown(row, "EstablishedOn"),
                above, holder?.Name ?? row["Holder"], acting ? "yes" : "no", heldFrom?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? row["HeldFrom"],
            ], problems, RowChange.Adds));
        }

        updates.FindLoops(read.Where(r => r.Source["Number"] is not null).Select(r => (r.Source["Number"]!, r.AccountableTo, r.Problems)).ToList());
        var posts = read.Where(r => r.Post is not null).ToList();
        return new ImportBatch(
            preview,
            posts.Count + updates.Changed,
            async (save, token) =>
            {
                save.Posts.AddRange(posts.Select(r => r.Post!));
                await save.SaveChangesAsync(token);
                var ids = posts.ToDictionary(r => r.Post!.Number, r => r.Post!.Id, StringComparer.OrdinalIgnoreCase);
                foreach (var r in posts)
                {
                    int? above = r.AccountableTo is null ? null : ids.TryGetValue(r.AccountableTo, out var id) ? id : existingIds[r.AccountableTo];
                    save.PostReportingLines.Add(PostReporting.Start(r.Post!.Id, above, r.Post.EstablishedOn));
                    if (r.HolderId is int holder && r.HeldFrom is { } from)
                    {
                        save.PostHoldings.Add(PostHolding.Start(r.Post.Id, holder, r.Acting, from));
                    }
                }

                updates.AddPending(ids);
                save.PostReportingLines.AddRange(updates.NewLines);
                save.PostHoldings.AddRange(updates.NewHoldings);
                await save.SaveChangesAsync(token);
            },
            feed => feed.Publish(new EstablishmentChanged(posts.Count > 0 ? posts[0].Post!.Id : 0)));
    }

    /// <summary>The establishment's posts in the template's shape, so it can be changed in a spreadsheet and brought back.</summary>
    public async Task<List<object?[]>> RowsOfAsync(PortalDbContext db, ImportScope scope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        var updates = await PostUpdates.LoadAsync(db, DateOnly.FromDateTime(scope.UtcNow), ct);
        var people = await db.People.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Email ?? p.DisplayName, ct);
        return updates.Rows(people).ToList();
    }
}
