using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Portal.Domain.Common;
using Portal.Infrastructure.Security;

namespace Portal.Infrastructure.Auditing;

/// <summary>
/// Turns the change tracker's pending writes into <see cref="AuditEntry"/> rows. It snapshots
/// before the save (when old values are still known) and completes after it (when new keys are
/// known); <c>PortalDbContext</c> writes both halves in one transaction.
/// </summary>
internal static class AuditTrail
{
    /// <summary>
    /// Columns whose values never go into the trail, only the fact that they changed: secrets,
    /// an annex's bytes, and a member's private note on a report (only they may read it).
    /// </summary>
    private static readonly HashSet<string> Redacted = new(StringComparer.Ordinal)
    {
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "Value", "Token", "Bytes", "Note",

        // A register of interests' particulars: a sensitive one (Localism Act 2011 s32) never leaves
        // the Monitoring Officer's view, and the register's own versions are its history.
        "Particulars", "Giver",
    };

    /// <summary>Enums as their names, so a history reads "OnTrack" to "AtRisk", not 1 to 2.</summary>
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    internal sealed record Pending(EntityEntry Entry, AuditAction Action, Dictionary<string, object?>? Before, List<string> Properties);

    public static List<Pending> Capture(ChangeTracker tracker)
    {
        var pending = new List<Pending>();
        foreach (var entry in tracker.Entries())
        {
            // A notification is itself the record of what was told to whom (and its outbox row changes with
            // every attempt): auditing it would double the write of a change that tells sixty people.
            // The data-protection key ring is a secret, never a change anyone made.
            if (entry.Entity is AuditEntry or Portal.Domain.Notifications.Notification or Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey
                || entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Added,
                EntityState.Deleted => AuditAction.Deleted,
                _ => AuditAction.Modified,
            };

            var properties = entry.Properties
                .Where(p => action != AuditAction.Modified || p.IsModified)
                .Where(p => p.Metadata.Name != nameof(Entity.Version))
                .Select(p => p.Metadata.Name)
                .ToList();

            if (action == AuditAction.Modified && properties.Count == 0)
            {
                continue;
            }

            Dictionary<string, object?>? before = action == AuditAction.Added
                ? null
                : properties.ToDictionary(name => name, name => Safe(name, entry.Property(name).OriginalValue));
            pending.Add(new Pending(entry, action, before, properties));
        }

        return pending;
    }

    public static IEnumerable<AuditEntry> Complete(IEnumerable<Pending> pending, ClaimsPrincipal actor, DateTime nowUtc)
    {
        var actorId = actor.FindFirstValue(ClaimTypes.NameIdentifier);
        var actorName = actor.Identity?.IsAuthenticated == true
            ? actor.FindFirstValue(PortalClaims.DisplayName) ?? actor.Identity.Name ?? "unknown"
            : "anonymous";
        foreach (var item in pending)
        {
            var entry = item.Entry;
            var key = entry.Metadata.FindPrimaryKey();
            var id = key is null
                ? string.Empty
                : string.Join(",", key.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));
            Dictionary<string, object?>? after = item.Action == AuditAction.Deleted
                ? null
                : item.Properties.ToDictionary(name => name, name => Safe(name, entry.Property(name).CurrentValue));
            var version = item.Action != AuditAction.Deleted && entry.Entity is Entity e ? e.Version : (int?)null;
            yield return AuditEntry.Record(
                nowUtc,
                actorId,
                actorName,
                item.Action,
                entry.Metadata.ClrType.Name,
                id,
                version,
                item.Before is null ? null : JsonSerializer.Serialize(item.Before, Json),
                after is null ? null : JsonSerializer.Serialize(after, Json));
        }
    }

    private static object? Safe(string property, object? value) =>
        Redacted.Contains(property) && value is not null ? "(changed)" : value;
}
