namespace Portal.Domain.Reports;

/// <summary>The sections of the council's report template, in the order they are printed.</summary>
public enum SectionKind
{
    Summary = 0,
    Background = 1,
    Consultation = 2,
    OptionsAndAnalysis = 3,
    CorporatePriorities = 4,
    FinancialImplications = 5,
    HumanResourcesImplications = 6,
    LegalImplications = 7,
    EqualitiesImplications = 8,
    CrimeAndDisorderImplications = 9,
    PropertyImplications = 10,
    RiskManagement = 11,
}

/// <summary>What the template says about each section: the implications must be stated even when there are none.</summary>
public static class ReportTemplate
{
    public static IReadOnlyList<SectionKind> Sections { get; } = Enum.GetValues<SectionKind>();

    public static bool IsImplication(SectionKind kind) =>
        kind is >= SectionKind.FinancialImplications and <= SectionKind.PropertyImplications;
}

/// <summary>One section of a report's body, in Markdown.</summary>
public sealed class ReportSection
{
    public const int TextMaxLength = 100_000;

    private ReportSection()
    {
    }

    internal ReportSection(SectionKind kind, string? text)
    {
        Kind = kind;
        Text = text;
    }

    public int Id { get; private set; }

    public int ReportId { get; private set; }

    public SectionKind Kind { get; private set; }

    public string? Text { get; internal set; }
}

/// <summary>One recommendation of a report and the reason for it.</summary>
public sealed class Recommendation
{
    public const int TextMaxLength = 4_000;

    private Recommendation()
    {
        Text = string.Empty;
    }

    internal Recommendation(int number, string text, string? reason)
    {
        Number = number;
        Text = text;
        Reason = reason;
    }

    public int Id { get; private set; }

    public int ReportId { get; private set; }

    /// <summary>Position in the report's list of recommendations, from 1.</summary>
    public int Number { get; internal set; }

    public string Text { get; internal set; }

    public string? Reason { get; internal set; }
}
