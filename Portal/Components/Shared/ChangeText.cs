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
        return text["History.Change", change.ActorName, name, change.Before ?? text["History.Blank"], change.After ?? text["History.Blank"], when];
    }
}
