using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Plans;

namespace Portal.Features.Imports.Files;

/// <summary>
/// Finds the people and units a file names. A person is named by email address or by a name only they
/// have; a unit by its name or short name. A name two of them share is not a match (the message says so).
/// </summary>
public static class ImportLookups
{
    public sealed class Lookup
    {
        private readonly Dictionary<string, (int Id, string Name)?> _byKey = new(StringComparer.OrdinalIgnoreCase);

        internal void Add(string? key, int id, string name)
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                return;
            }

            var trimmed = key.Trim();
            // Two with one name: the name finds neither.
            _byKey[trimmed] = _byKey.TryGetValue(trimmed, out var known) && known?.Id != id ? null : (id, name);
        }

        public bool TryFind(string key, out (int Id, string Name)? found) => _byKey.TryGetValue(key.Trim(), out found);
    }

    public static async Task<Lookup> PeopleAsync(PortalDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var lookup = new Lookup();
        foreach (var p in await db.People.AsNoTracking().Where(p => !p.IsCouncillor).Select(p => new { p.Id, p.DisplayName, p.Email }).ToListAsync(ct))
        {
            lookup.Add(p.Email, p.Id, p.DisplayName);
            lookup.Add(p.DisplayName, p.Id, p.DisplayName);
        }

        return lookup;
    }

    public static async Task<Lookup> UnitsAsync(PortalDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var lookup = new Lookup();
        foreach (var u in await db.OrganisationUnits.AsNoTracking().Where(u => u.ParentId != null).Select(u => new { u.Id, u.Name, u.ShortName }).ToListAsync(ct))
        {
            lookup.Add(u.Name, u.Id, u.Name);
            lookup.Add(u.ShortName, u.Id, u.Name);
        }

        return lookup;
    }

    public static (int Id, string Name)? Find(Lookup lookup, string? key, string column, string unknownCode, List<DomainRuleException> problems)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        ArgumentNullException.ThrowIfNull(problems);
        if (key is null)
        {
            problems.Add(new DomainRuleException("Import.Required", $"{column} is empty.", column, column));
            return null;
        }

        if (lookup.TryFind(key, out var found) && found is not null)
        {
            return found;
        }

        problems.Add(found is null && lookup.TryFind(key, out _)
            ? new DomainRuleException("Import.Ambiguous", $"More than one is called “{key}”: use the email address.", column, key)
            : new DomainRuleException(unknownCode, unknownCode switch
            {
                "Import.UnknownUnit" => $"There is no unit called “{key}”.",
                "Import.UnknownGrade" => $"There is no grade called “{key}”.",
                _ => $"No one here is called “{key}” or has that address.",
            }, column, key));
        return null;
    }

    /// <summary>The plan's priority a row names by its number (column "Priority"); empty is a problem only when <paramref name="required"/>.</summary>
    public static Priority? PriorityOf(DirectoratePlan plan, ImportRow row, List<DomainRuleException> problems, bool required)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(row);
        if (!required && row["Priority"] is null)
        {
            return null;
        }

        if (ImportValues.Number(row, "Priority", problems) is not int number)
        {
            return null;
        }

        var priority = plan.Priorities.FirstOrDefault(p => p.Number == number);
        if (priority is null)
        {
            problems.Add(new DomainRuleException("Import.UnknownPriority", $"This plan has no priority {number}.", "Priority", number));
        }

        return priority;
    }
}
