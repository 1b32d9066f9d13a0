using Portal.Domain.Common;

namespace Portal.Features.Imports;

/// <summary>What an upload brings in; each kind has its own template and its own rules.</summary>
public enum ImportKind
{
    Actions = 0,
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

public sealed record PreviewRow(int Line, IReadOnlyList<string?> Values, IReadOnlyList<DomainRuleException> Problems);
