using Microsoft.Extensions.Localization;

namespace Portal.Infrastructure.Localization;

/// <summary>
/// Words that follow a number: "1 report", "2 reports"; "1 tjänsteskrivelse", "2 tjänsteskrivelser".
/// A counted text has two entries in each resource file, <c>Key.One</c> and <c>Key.Other</c>.
/// English and Swedish share CLDR's rule: "one" for exactly 1 (shown without decimals), "other"
/// for every other number, 0 included; a language with more forms would add them here.
/// </summary>
public static class Plurals
{
    /// <summary>
    /// The form of <paramref name="key"/> that agrees with <paramref name="count"/>, filled with
    /// <paramref name="arguments"/>, or with the count alone when none are given.
    /// </summary>
    public static LocalizedString Plural(this IStringLocalizer text, string key, decimal count, params object[] arguments)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(arguments);
        return text[$"{key}.{FormOf(count)}", arguments.Length == 0 ? [count] : arguments];
    }

    /// <summary>"One" or "Other": the suffix of the resource key for <paramref name="count"/>.</summary>
    public static string FormOf(decimal count) => count == 1m ? "One" : "Other";
}
