using System.Globalization;
using Microsoft.Extensions.Localization;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Concurrency;
using Portal.Resources;

namespace Portal.Components.Shared;

/// <summary>Says one recorded change in a sentence: who changed what, from what to what, and when.</summary>
public static class ChangeText
{
    public static string Describe(IStringLocalizer<Text> text, ChangeMade change)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(change);
        var when = change.OccurredUtc.ToString("g", CultureInfo.CurrentCulture) + " UTC";
        if (change.Property == AuditChanges.Created)
        {
            return text["History.Created", change.ActorName, when];
        }

        var field = text[$"Field.{change.Property}"];
        var name = field.ResourceNotFound ? change.Property : field.Value;
        var before = Value(text, change.Property, change.Before);
        var after = Value(text, change.Property, change.After);
        return change.Subject is null
            ? text["History.Change", change.ActorName, name, before, after, when]
            : text["History.ChangeOf", change.ActorName, name, change.Subject, before, after, when];
    }

    /// <summary>Properties whose recorded values are names of an enum, said with that enum's words.</summary>
    private static readonly Dictionary<string, string> EnumWords = new(StringComparer.Ordinal)
    {
        ["Status"] = "ActionStatus",
        ["State"] = "DataState",
        ["Kind"] = "UnitKind",
    };

    private static string Value(IStringLocalizer<Text> text, string property, string? raw)
    {
        if (raw is null)
        {
            return text["History.Blank"];
        }

        if (raw is "true" or "false")
        {
            return text[raw == "true" ? "History.Yes" : "History.No"];
        }

        if (EnumWords.TryGetValue(property, out var prefix) && text[$"{prefix}.{raw}"] is { ResourceNotFound: false } words)
        {
            return words.Value;
        }

        return raw;
    }
}
