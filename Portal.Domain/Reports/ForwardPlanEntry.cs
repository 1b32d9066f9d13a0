using Portal.Domain.Common;
using Portal.Domain.Meetings;

namespace Portal.Domain.Reports;

/// <summary>
/// A key decision on the Forward Plan: what will be decided, by which body, when, and since when
/// the public have had notice. Notice of fewer than <see cref="RequiredClearDays"/> clear days
/// is allowed but warned about: the decision then needs the general exception or special urgency
/// procedure (regs. 10 and 11 of the same Regulations).
/// </summary>
public sealed class ForwardPlanEntry : Entity
{
    /// <summary>
    /// The Local Authorities (Executive Arrangements) (Meetings and Access to Information) (England)
    /// Regulations 2012 (SI 2012/2089), reg. 9: the notice of a key decision is published "at least
    /// 28 clear days before a key decision is made".
    /// </summary>
    public const int RequiredClearDays = 28;
    public const int TitleMaxLength = 300;
    public const int TextMaxLength = 4_000;

    private ForwardPlanEntry()
    {
        Title = string.Empty;
    }

    public string Title { get; private set; }

    public int BodyId { get; private set; }

    public DateOnly DecisionDue { get; private set; }

    /// <summary>The day the entry was first published on the Forward Plan.</summary>
    public DateOnly NoticeGivenOn { get; private set; }

    public string? Summary { get; private set; }

    /// <summary>The decision is to be taken in private, under this paragraph of Schedule 12A.</summary>
    public int? PrivateParagraph { get; private set; }

    public int? LeadOfficerId { get; private set; }

    /// <summary>Reg. 9(1)(e): the documents to be submitted to the decision maker on the matter.</summary>
    public string? Documents { get; private set; }

    /// <summary>Reg. 9(1)(f): the address from which copies of, or extracts from, those documents are available.</summary>
    public string? DocumentsFrom { get; private set; }

    public static ForwardPlanEntry Give(string? title, int bodyId, DateOnly? decisionDue, DateOnly noticeGivenOn, string? summary, int? privateParagraph, int? leadOfficerId)
    {
        var entry = new ForwardPlanEntry { NoticeGivenOn = noticeGivenOn };
        entry.Revise(title, bodyId, decisionDue, summary, privateParagraph, leadOfficerId);
        return entry;
    }

    public void Revise(string? title, int bodyId, DateOnly? decisionDue, string? summary, int? privateParagraph, int? leadOfficerId)
    {
        if (decisionDue is not DateOnly due)
        {
            throw new DomainRuleException("ForwardPlan.DueRequired", "Enter the date the decision is due.", nameof(DecisionDue));
        }

        if (due <= NoticeGivenOn)
        {
            throw new DomainRuleException("ForwardPlan.DueAfterNotice", "The decision must be due after the day notice is given.", nameof(DecisionDue));
        }

        Title = Guard.RequiredText(title, TitleMaxLength, "ForwardPlan.Title", nameof(Title), "decision's title");
        Summary = Guard.OptionalText(summary, TextMaxLength, "ForwardPlan.Summary", nameof(Summary), "summary");
        PrivateParagraph = Schedule12A.Validate(privateParagraph, nameof(PrivateParagraph));
        (BodyId, DecisionDue, LeadOfficerId) = (bodyId, due, leadOfficerId);
    }

    /// <summary>The documents the decision maker will consider and where the public may get them (SI 2012/2089 reg. 9(1)(e) and (f)).</summary>
    public void ListDocuments(string? documents, string? documentsFrom)
    {
        Documents = Guard.OptionalText(documents, TextMaxLength, "ForwardPlan.Documents", nameof(Documents), "documents to be submitted");
        DocumentsFrom = Guard.OptionalText(documentsFrom, TextMaxLength, "ForwardPlan.DocumentsFrom", nameof(DocumentsFrom), "address for the documents");
    }

    /// <summary>
    /// Clear days of notice under SI 2012/2089 reg. 9: calendar days strictly between the day notice was
    /// given and the day of the decision, weekends and bank holidays included. Regulation 2 (interpretation)
    /// gives "clear days" no meaning of its own and, unlike the agenda rule (Local Government Act 1972,
    /// s.100B, counted by <see cref="ClearDays.Between"/>), nothing here leaves out weekends or bank holidays,
    /// so the words have their ordinary legal meaning: the day of giving and the day of the event are both
    /// excluded. Published on 1 March, a decision on 30 March has 28 clear days; on 29 March, 27.
    /// </summary>
    public int NoticeClearDays() => ClearDays.CalendarBetween(NoticeGivenOn, DecisionDue);

    /// <summary>Fewer than <see cref="RequiredClearDays"/> clear days' notice (reg. 9), so the decision needs the urgency procedure.</summary>
    public bool IsShortNotice() => NoticeClearDays() < RequiredClearDays;
}
