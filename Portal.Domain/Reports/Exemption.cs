using Portal.Domain.Common;

namespace Portal.Domain.Reports;

/// <summary>
/// The paragraphs of Schedule 12A to the Local Government Act 1972 under which information may
/// be withheld from the public. The public see the title and the paragraph, never the content.
/// </summary>
public static class Schedule12A
{
    public const int FirstParagraph = 1;
    public const int LastParagraph = 7;

    public static IReadOnlyList<int> Paragraphs { get; } = [1, 2, 3, 4, 5, 6, 7];

    /// <summary>Insists <paragraph name="paragraph"/> is one of the seven; null stays null (the check lists it as missing).</summary>
    public static int? Validate(int? paragraph, string field)
    {
        if (paragraph is < FirstParagraph or > LastParagraph)
        {
            throw new DomainRuleException(
                "Exempt.ParagraphOutOfRange", $"Choose a paragraph of Schedule 12A from {FirstParagraph} to {LastParagraph}.", field, FirstParagraph, LastParagraph);
        }

        return paragraph;
    }
}

/// <summary>Who reads a report: whether they may read its exempt parts. Decided by the app from the caller and the report's body.</summary>
public sealed record ReportReader(bool MaySeeExempt);
