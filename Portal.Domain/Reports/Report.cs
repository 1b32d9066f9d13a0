using Portal.Domain.Common;

namespace Portal.Domain.Reports;

public enum ReportStatus
{
    Draft = 0,
    Submitted = 1,
    Cleared = 2,
    Published = 3,
}

/// <summary>The particulars of a report besides its sections, as its author writes them.</summary>
public sealed record ReportParticulars(
    string? Reference,
    string? Title,
    int? ChiefOfficerId,
    string? ContactDetails,
    bool AllWards,
    string? Wards,
    bool IsKeyDecision,
    string? BackgroundPapers);

/// <summary>Something the template asks for that the report does not yet have. <see cref="Code"/> finds the words; <see cref="Field"/> the input.</summary>
public sealed record TemplateProblem(string Code, string Field, params object[] Arguments);

/// <summary>
/// A report to a meeting in the council's template: particulars, the template's sections in
/// Markdown, recommendations each with its reason, and whether it is exempt under Schedule 12A.
/// It moves draft → submitted → cleared by the chief officer → published; only a draft is
/// written, and only a report the template check passes can be submitted.
/// </summary>
public sealed class Report : Entity
{
    public const int ReferenceMaxLength = 40;
    public const int TitleMaxLength = 300;
    public const int ContactMaxLength = 1_000;
    public const int WardsMaxLength = 1_000;
    public const int PapersMaxLength = 4_000;
    public const int ReasonMaxLength = 2_000;

    private readonly List<ReportSection> _sections = [];
    private readonly List<Recommendation> _recommendations = [];

    private Report()
    {
        Reference = string.Empty;
        Title = string.Empty;
    }

    public string Reference { get; private set; }

    public string Title { get; private set; }

    public int AuthorId { get; private set; }

    /// <summary>The chief officer responsible, who clears the report.</summary>
    public int? ChiefOfficerId { get; private set; }

    public int? MeetingId { get; private set; }

    public int? BodyId { get; private set; }

    public int? AgendaItemId { get; private set; }

    public string? ContactDetails { get; private set; }

    public bool AllWards { get; private set; }

    public string? Wards { get; private set; }

    public bool IsKeyDecision { get; private set; }

    public int? ForwardPlanEntryId { get; private set; }

    public string? BackgroundPapers { get; private set; }

    public bool IsExempt { get; private set; }

    public int? ExemptParagraph { get; private set; }

    public string? PublicInterestReason { get; private set; }

    /// <summary>
    /// The date the exemption is next reviewed, if known: on and after it the report is listed for
    /// the proper officer to release or keep exempt. Nothing is released by the date alone.
    /// </summary>
    public DateOnly? ReleaseOn { get; private set; }

    /// <summary>The day the proper officer released the exempt content to the public; null while it is exempt (or never was).</summary>
    public DateOnly? ReleasedOn { get; private set; }

    /// <summary>The day the exemption was last reviewed (released, or kept with a new review date).</summary>
    public DateOnly? ReviewedOn { get; private set; }

    /// <summary>The proper officer who last reviewed the exemption.</summary>
    public int? ReviewedById { get; private set; }

    /// <summary>Why the exempt content was released, or kept exempt, at the last review.</summary>
    public string? ReviewReason { get; private set; }

    public ReportStatus Status { get; private set; }

    public DateOnly? SubmittedOn { get; private set; }

    /// <summary>The report approved date: when the chief officer cleared it.</summary>
    public DateOnly? ClearedOn { get; private set; }

    public int? ClearedById { get; private set; }

    public DateOnly? PublishedOn { get; private set; }

    /// <summary>Published after the agenda's deadline: it carries the chair's reason for urgency.</summary>
    public bool IsLate { get; private set; }

    public string? LateReason { get; private set; }

    public IReadOnlyList<ReportSection> Sections => _sections;

    public IReadOnlyList<Recommendation> Recommendations => _recommendations;

    public bool IsPublished => Status == ReportStatus.Published;

    /// <summary>Starts a draft with every section of the template, empty.</summary>
    public static Report Draft(string? reference, string? title, int authorId)
    {
        var report = new Report { AuthorId = authorId, Status = ReportStatus.Draft, AllWards = true };
        report.Reference = Guard.RequiredText(reference, ReferenceMaxLength, "Report.Reference", nameof(Reference), "report reference");
        report.Title = Guard.RequiredText(title, TitleMaxLength, "Report.Title", nameof(Title), "report's title");
        foreach (var kind in ReportTemplate.Sections)
        {
            report._sections.Add(new ReportSection(kind, null));
        }

        return report;
    }

    public void Describe(ReportParticulars particulars)
    {
        ArgumentNullException.ThrowIfNull(particulars);
        EnsureDraft();
        var reference = Guard.RequiredText(particulars.Reference, ReferenceMaxLength, "Report.Reference", nameof(Reference), "report reference");
        var title = Guard.RequiredText(particulars.Title, TitleMaxLength, "Report.Title", nameof(Title), "report's title");
        var contact = Guard.OptionalText(particulars.ContactDetails, ContactMaxLength, "Report.Contact", nameof(ContactDetails), "contact details");
        var wards = Guard.OptionalText(particulars.Wards, WardsMaxLength, "Report.Wards", nameof(Wards), "wards affected");
        var papers = Guard.OptionalText(particulars.BackgroundPapers, PapersMaxLength, "Report.Papers", nameof(BackgroundPapers), "background papers");
        (Reference, Title, ChiefOfficerId, ContactDetails) = (reference, title, particulars.ChiefOfficerId, contact);
        (AllWards, Wards) = (particulars.AllWards, particulars.AllWards ? null : wards);
        IsKeyDecision = particulars.IsKeyDecision;
        BackgroundPapers = papers;
        if (!IsKeyDecision)
        {
            ForwardPlanEntryId = null;
        }
    }

    /// <summary>Puts the report before a meeting of a body, on one of its agenda items if chosen.</summary>
    public void PlaceBefore(int? meetingId, int? bodyId, int? agendaItemId)
    {
        EnsureDraft();
        if (meetingId is null != bodyId is null || (meetingId is null && agendaItemId is not null))
        {
            throw new DomainRuleException("Report.MeetingRequired", "Choose the meeting before its agenda item.", nameof(MeetingId));
        }

        (MeetingId, BodyId, AgendaItemId) = (meetingId, bodyId, agendaItemId);
    }

    /// <summary>Links the report to the agenda item made for it when it was published.</summary>
    public void TakeAgendaItem(int agendaItemId) => AgendaItemId = agendaItemId;

    public void LinkForwardPlan(int? entryId)
    {
        EnsureDraft();
        if (entryId is not null && !IsKeyDecision)
        {
            throw new DomainRuleException("Report.ForwardPlanOnlyForKey", "Only a key decision is on the Forward Plan.", nameof(ForwardPlanEntryId));
        }

        ForwardPlanEntryId = entryId;
    }

    public void WriteSection(SectionKind kind, string? text)
    {
        EnsureDraft();
        _sections.Single(s => s.Kind == kind).Text =
            Guard.OptionalText(text, ReportSection.TextMaxLength, "Report.Section", kind.ToString(), "section");
    }

    public string? SectionText(SectionKind kind) => _sections.SingleOrDefault(s => s.Kind == kind)?.Text;

    public Recommendation Recommend(string? text, string? reason)
    {
        EnsureDraft();
        var recommendation = new Recommendation(_recommendations.Count + 1, RecommendationText(text), RecommendationReason(reason));
        _recommendations.Add(recommendation);
        return recommendation;
    }

    public void ReviseRecommendation(int number, string? text, string? reason)
    {
        EnsureDraft();
        var recommendation = RecommendationNumber(number);
        recommendation.Text = RecommendationText(text);
        recommendation.Reason = RecommendationReason(reason);
    }

    public void WithdrawRecommendation(int number)
    {
        EnsureDraft();
        _recommendations.Remove(RecommendationNumber(number));
        var position = 1;
        foreach (var recommendation in _recommendations.OrderBy(r => r.Number))
        {
            recommendation.Number = position++;
        }
    }

    /// <summary>Marks the report exempt under a paragraph of Schedule 12A, with the public interest reason and the date it may be released.</summary>
    public void MarkExempt(int? paragraph, string? publicInterestReason, DateOnly? releaseOn)
    {
        EnsureDraft();
        ExemptParagraph = Schedule12A.Validate(paragraph, nameof(ExemptParagraph));
        PublicInterestReason = Guard.OptionalText(publicInterestReason, ReasonMaxLength, "Exempt.Reason", nameof(PublicInterestReason), "public interest reason");
        ReleaseOn = releaseOn;
        IsExempt = true;
    }

    public void MarkOpen()
    {
        EnsureDraft();
        (IsExempt, ExemptParagraph, PublicInterestReason, ReleaseOn) = (false, null, null, null);
    }

    /// <summary>Everything the template asks for that is missing or empty, in the order a reader meets it.</summary>
    public IReadOnlyList<TemplateProblem> Check()
    {
        var problems = new List<TemplateProblem>();
        if (ChiefOfficerId is null)
        {
            problems.Add(new("ChiefOfficerMissing", nameof(ChiefOfficerId)));
        }

        if (MeetingId is null)
        {
            problems.Add(new("MeetingMissing", nameof(MeetingId)));
        }

        if (string.IsNullOrWhiteSpace(ContactDetails))
        {
            problems.Add(new("ContactMissing", nameof(ContactDetails)));
        }

        if (!AllWards && string.IsNullOrWhiteSpace(Wards))
        {
            problems.Add(new("WardsMissing", nameof(Wards)));
        }

        foreach (var section in _sections.OrderBy(s => s.Kind))
        {
            if (string.IsNullOrWhiteSpace(section.Text))
            {
                problems.Add(new(ReportTemplate.IsImplication(section.Kind) ? "ImplicationBlank" : "SectionMissing", section.Kind.ToString(), section.Kind));
            }
        }

        if (_recommendations.Count == 0)
        {
            problems.Add(new("RecommendationMissing", nameof(Recommendations)));
        }

        foreach (var recommendation in _recommendations.Where(r => string.IsNullOrWhiteSpace(r.Reason)).OrderBy(r => r.Number))
        {
            problems.Add(new("ReasonMissing", $"Recommendation{recommendation.Number}", recommendation.Number));
        }

        if (IsExempt && ExemptParagraph is null)
        {
            problems.Add(new("ExemptParagraphMissing", nameof(ExemptParagraph)));
        }

        if (IsExempt && string.IsNullOrWhiteSpace(PublicInterestReason))
        {
            problems.Add(new("PublicInterestMissing", nameof(PublicInterestReason)));
        }

        if (IsKeyDecision && ForwardPlanEntryId is null)
        {
            problems.Add(new("ForwardPlanMissing", nameof(ForwardPlanEntryId)));
        }

        return problems;
    }

    public void Submit(DateOnly today)
    {
        EnsureDraft();
        var problems = Check();
        if (problems.Count > 0)
        {
            throw new DomainRuleException(
                "Report.TemplateIncomplete",
                problems.Count == 1 ? "The report is not ready: 1 thing the template asks for is missing." : $"The report is not ready: {problems.Count} things the template asks for are missing.",
                null,
                problems.Count);
        }

        Status = ReportStatus.Submitted;
        SubmittedOn = today;
    }

    /// <summary>The chief officer sends a submitted report back for changes.</summary>
    public void ReturnToDraft()
    {
        if (Status != ReportStatus.Submitted)
        {
            throw new DomainRuleException("Report.NotSubmitted", "Only a submitted report can be returned to its author.");
        }

        Status = ReportStatus.Draft;
        SubmittedOn = null;
    }

    public void Clear(int chiefOfficerId, DateOnly today)
    {
        if (Status != ReportStatus.Submitted)
        {
            throw new DomainRuleException("Report.NotSubmitted", "Only a submitted report can be cleared.");
        }

        Status = ReportStatus.Cleared;
        ClearedOn = today;
        ClearedById = chiefOfficerId;
    }

    /// <summary>
    /// Publishes a cleared report with its meeting's agenda. After the agenda's deadline it is
    /// late and must carry the chair's reason for urgency.
    /// </summary>
    public void Publish(DateOnly today, DateOnly? deadline, string? lateReason)
    {
        if (Status != ReportStatus.Cleared)
        {
            throw new DomainRuleException("Report.NotCleared", "Only a report the chief officer has cleared can be published.");
        }

        var late = deadline is DateOnly due && today > due;
        var reason = Guard.OptionalText(lateReason, ReasonMaxLength, "Report.LateReason", nameof(LateReason), "reason for urgency");
        if (late && reason is null)
        {
            throw new DomainRuleException(
                "Report.LateReasonRequired", "The agenda's deadline has passed: enter the chair's reason for urgency.", nameof(LateReason));
        }

        Status = ReportStatus.Published;
        PublishedOn = today;
        IsLate = late;
        LateReason = late ? reason : null;
    }

    /// <summary>Whether the exemption is due for the proper officer's review on <paramref name="today"/>: published, still exempt, and its review date come.</summary>
    public bool IsDueForRelease(DateOnly today) => IsPublished && IsExempt && ReleaseOn is DateOnly due && due <= today;

    /// <summary>
    /// The proper officer releases the exempt content: from today the report is open to everyone,
    /// with the reason recorded. Its paragraph and public interest reason stay on the record of
    /// what it was. Annexes exempt in their own right stay exempt.
    /// </summary>
    public void Release(int properOfficerId, DateOnly today, string? reason)
    {
        EnsureUnderExemption();
        ReviewReason = Guard.RequiredText(reason, ReasonMaxLength, "Release.Reason", nameof(ReviewReason), "reason for releasing it");
        (IsExempt, ReleasedOn, ReviewedOn, ReviewedById) = (false, today, today, properOfficerId);
    }

    /// <summary>The proper officer keeps the report exempt for now, with the reason, and the date it is to be reviewed again.</summary>
    public void KeepExempt(int properOfficerId, DateOnly today, DateOnly? reviewAgainOn, string? reason)
    {
        EnsureUnderExemption();
        if (reviewAgainOn is not DateOnly next)
        {
            throw new DomainRuleException("Release.ReviewDateRequired", "Enter the date to review the exemption again.", nameof(ReleaseOn));
        }

        if (next <= today)
        {
            throw new DomainRuleException("Release.ReviewDateNotFuture", "The next review must be after today.", nameof(ReleaseOn));
        }

        ReviewReason = Guard.RequiredText(reason, ReasonMaxLength, "Release.Reason", nameof(ReviewReason), "reason for keeping it exempt");
        (ReleaseOn, ReviewedOn, ReviewedById) = (next, today, properOfficerId);
    }

    /// <summary>Whether <paramref name="reader"/> may read the content, not just the title.</summary>
    public bool IsReadableBy(ReportReader reader) => !IsExempt || (reader?.MaySeeExempt ?? false);

    private void EnsureUnderExemption()
    {
        if (!IsPublished || !IsExempt)
        {
            throw new DomainRuleException("Release.NotExempt", "Only a published report that is still exempt can be released or kept exempt.", nameof(ReviewReason));
        }
    }

    private void EnsureDraft()
    {
        if (Status != ReportStatus.Draft)
        {
            throw new DomainRuleException("Report.NotDraft", "Only a draft can be changed: ask the chief officer to return it to you.");
        }
    }

    private Recommendation RecommendationNumber(int number) =>
        _recommendations.SingleOrDefault(r => r.Number == number)
        ?? throw new DomainRuleException("Report.NoSuchRecommendation", "That recommendation is no longer in the report.", nameof(Recommendations));

    private static string RecommendationText(string? text) =>
        Guard.RequiredText(text, Recommendation.TextMaxLength, "Recommendation.Text", nameof(Recommendation.Text), "recommendation");

    private static string? RecommendationReason(string? reason) =>
        Guard.OptionalText(reason, Recommendation.TextMaxLength, "Recommendation.Reason", nameof(Recommendation.Reason), "reason");
}
