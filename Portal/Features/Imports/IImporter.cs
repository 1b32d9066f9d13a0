using Portal.Data;
using Portal.Domain.Plans;
using Portal.Features.Imports.Files;
using Portal.Infrastructure.Export;
using Portal.Infrastructure.LiveUpdates;

namespace Portal.Features.Imports;

/// <summary>
/// One kind of import: its template's columns and how its rows are read. <see cref="ImportService"/> does the
/// rest the same way for every kind: it checks the caller, reads the file (<see cref="SpreadsheetFile"/>), shows
/// the preview, and saves a file with no problems in one transaction before telling the open pages.
/// </summary>
public interface IImporter
{
    ImportKind Kind { get; }

    /// <summary>The template's columns, in order, with the cell kind the template gives each.</summary>
    IReadOnlyList<ExportColumn> Columns { get; }

    /// <summary>Reads every row: what it would save and the problems that stop it. Saves nothing.</summary>
    Task<ImportBatch> ReadAsync(PortalDbContext db, ImportScope scope, IReadOnlyList<ImportRow> rows, CancellationToken ct);

    /// <summary>What is already there in the template's shape (so it can be carried elsewhere), or none for a kind that does not offer it.</summary>
    Task<List<object?[]>> RowsOfAsync(PortalDbContext db, ImportScope scope, CancellationToken ct);
}

/// <summary>Where an import goes and who brings it in: the plan for a plan's kinds (null for posts and people), and the caller for the figures they enter.</summary>
public sealed record ImportScope(DirectoratePlan? Plan, int? PersonId, string PersonName, DateTime UtcNow)
{
    public DirectoratePlan RequirePlan() => Plan ?? throw new InvalidOperationException("This kind of import goes into a plan.");
}

/// <summary>
/// A read file: each row as it would be saved with its problems, how many things it adds, how to add them
/// (inside the service's transaction: it may save more than once, as when new people manage new people) and
/// what to tell the open pages afterwards.
/// </summary>
public sealed record ImportBatch(
    IReadOnlyList<PreviewRow> Rows,
    int Count,
    Func<PortalDbContext, CancellationToken, Task> SaveAsync,
    Action<ChangeFeed> Publish);
