using System.Text.Json;
using Portal.Infrastructure.Concurrency;

namespace Portal.Infrastructure.Auditing;

/// <summary>Reads an <see cref="AuditEntry"/> back as one <see cref="ChangeMade"/> per property, for histories and conflict messages.</summary>
public static class AuditChanges
{
    /// <summary>The <see cref="ChangeMade.Property"/> of the one change that records an item being created.</summary>
    public const string Created = "";

    public static IEnumerable<ChangeMade> Expand(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Action == AuditAction.Added)
        {
            // A new item's every value is "new": say it was created rather than list them all.
            yield return new ChangeMade(entry.ActorName, entry.OccurredUtc, Created, null, null);
            yield break;
        }

        var before = Parse(entry.Before);
        var after = Parse(entry.After);
        foreach (var property in before.Keys.Union(after.Keys))
        {
            before.TryGetValue(property, out var old);
            after.TryGetValue(property, out var @new);
            if (old != @new)
            {
                yield return new ChangeMade(entry.ActorName, entry.OccurredUtc, property, old, @new);
            }
        }
    }

    private static Dictionary<string, string?> Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(
            p => p.Name,
            p => p.Value.ValueKind == JsonValueKind.Null ? null : p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText());
    }
}
