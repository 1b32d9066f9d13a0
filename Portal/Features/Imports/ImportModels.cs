using Portal.Domain.Common;

namespace Portal.Features.Imports;

/// <summary>What an upload brings in; each kind has its own template and its own rules.</summary>
public enum ImportKind
{
    Actions = 0,
    Indicators = 1,
    Risks = 2,
    Posts = 3,
    People = 4,

    /// <summary>Service plan objectives and team workplan items beneath a directorate plan, each linked to the level directly above.</summary>
    PlanItems = 5,
}

/// <summary>The kinds' names in addresses and resource keys, and which belong to a plan.</summary>
public static class ImportKinds
{
    /// <summary>Actions, indicators, risks and the service and team plan items beneath it go into one plan (its editors import them); posts and people into the council (administrators only).</summary>
    public static bool OfPlan(this ImportKind kind) => kind is ImportKind.Actions or ImportKind.Indicators or ImportKind.Risks or ImportKind.PlanItems;

    /// <summary>The kind's name in addresses: "indicators", "people".</summary>
    public static string Slug(this ImportKind kind) => kind.ToString().ToLowerInvariant();

    public static ImportKind? FromSlug(string? slug) =>
        Enum.GetValues<ImportKind>().Cast<ImportKind?>().FirstOrDefault(k => string.Equals(k!.Value.Slug(), slug, StringComparison.Ordinal));

    /// <summary>
    /// A resource key for the kind: the actions keep the import's first keys ("Import.Title"), the others
    /// have their own ("Import.People.Title").
    /// </summary>
    public static string Key(this ImportKind kind, string name) => kind == ImportKind.Actions ? $"Import.{name}" : $"Import.{kind}.{name}";

    /// <summary>The page a person imports this kind on.</summary>
    public static string PagePath(this ImportKind kind, int? planId) => kind switch
    {
        ImportKind.Actions => $"/plans/{planId}/import",
        _ when kind.OfPlan() => $"/plans/{planId}/import/{kind.Slug()}",
        _ => $"/admin/import/{kind.Slug()}",
    };

    /// <summary>Where the kind's template downloads (<paramref name="file"/> is template.xlsx or template.csv).</summary>
    public static string FilePath(this ImportKind kind, int? planId, string file) => kind switch
    {
        ImportKind.Actions => $"/plans/{planId}/import/{file}",
        _ when kind.OfPlan() => $"/plans/{planId}/import/{kind.Slug()}/{file}",
        _ => $"/admin/import/{kind.Slug()}/{file}",
    };
}

/// <summary>
/// An upload as it would be saved: every row with the values it would be saved with (names resolved, dates read)
/// and the problems that stop it, each a domain rule in words. Nothing is saved until the person confirms a
/// preview with no problems.
/// </summary>
public sealed record ImportPreview(ImportKind Kind, string Target, IReadOnlyList<string> Columns, IReadOnlyList<PreviewRow> Rows)
{
    public int ProblemCount => Rows.Sum(r => r.Problems.Count);

    public bool CanSave => Rows.Count > 0 && ProblemCount == 0;
}

public sealed record PreviewRow(int Line, IReadOnlyList<string?> Values, IReadOnlyList<DomainRuleException> Problems, RowChange Change = RowChange.None);

/// <summary>What saving a row does, where a kind both adds and changes (the posts): the preview says it beside the row.</summary>
public enum RowChange
{
    /// <summary>The kind only adds; the preview says nothing more.</summary>
    None = 0,
    Adds = 1,

    /// <summary>Changes something already there; the changed cells read old → new.</summary>
    Changes = 2,
    Unchanged = 3,
}
