using Microsoft.Extensions.Localization;
using Portal.Domain.Plans;

namespace Portal.Components.Shared.Svg;

/// <summary>One band of a stacked RAG bar: a rating and how many items have it.</summary>
public readonly record struct RagSegment(Rag Rag, int Count);

/// <summary>
/// A picture's counts said in words, for its text alternative: "1 red, 1 amber, 1 green"
/// ("1 röd, 1 gul, 1 grön"). Ratings with none are left out; nothing at all is "none".
/// </summary>
public static class RagWords
{
    public static string Say(IStringLocalizer text, IEnumerable<RagSegment> segments)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = segments.Where(s => s.Count > 0)
            .Select(s => $"{s.Count} {text[$"Rag.{s.Rag}"].Value.ToLower(System.Globalization.CultureInfo.CurrentCulture)}")
            .ToList();
        return words.Count == 0 ? text["Svg.None"] : string.Join(", ", words);
    }

    /// <summary>The class that fills a shape with a rating's colour and pattern (see portal.css, "Pictures").</summary>
    public static string FillClass(Rag rag) => $"svg-rag-{rag.ToString().ToLowerInvariant()}";
}
