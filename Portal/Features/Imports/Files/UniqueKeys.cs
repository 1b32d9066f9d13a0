using Portal.Domain.Common;

namespace Portal.Features.Imports.Files;

/// <summary>
/// The duplicate check every kind shares: a code (an indicator's code, a post's number, a person's email) that is
/// already there, or that an earlier row of the file already used. Codes compare without case.
/// </summary>
public sealed class UniqueKeys(IEnumerable<string> existing)
{
    private readonly HashSet<string> _existing = existing.Select(e => e.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _seen = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The row that first used <paramref name="key"/> in the file, if any.</summary>
    public int? FirstLineOf(string key) => _seen.TryGetValue(key.Trim(), out var line) ? line : null;

    /// <summary>Notes the row's <paramref name="key"/>; false (with the problem added) when it is taken here or earlier in the file.</summary>
    public bool Claim(string? key, int line, string column, List<DomainRuleException> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (key is null)
        {
            return true;
        }

        if (_existing.Contains(key.Trim()))
        {
            problems.Add(new DomainRuleException("Import.CodeTaken", $"{column} “{key}” is already used here.", column, column, key));
            return false;
        }

        if (FirstLineOf(key) is int first)
        {
            problems.Add(new DomainRuleException("Import.DuplicateCode", $"{column} “{key}” is already used on row {first} of the file.", column, column, key, first));
            return false;
        }

        _seen[key.Trim()] = line;
        return true;
    }
}
