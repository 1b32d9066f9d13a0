using Portal.Domain.Common;
using Portal.Domain.Meetings;

namespace Portal.Domain.Reports;

public enum KeyDecisionNoticeKind
{
    /// <summary>SI 2012/2089 reg. 10: 28 days' notice impracticable; the scrutiny chair told in writing; at least 5 clear days' notice.</summary>
    GeneralException = 0,

    /// <summary>SI 2012/2089 reg. 11: too urgent even for reg. 10; the scrutiny chair agrees the decision cannot reasonably be deferred.</summary>
    SpecialUrgency = 1,
}

/// <summary>What a general exception or special urgency notice says, as typed into the form.</summary>
public sealed record KeyDecisionNoticeText(
    KeyDecisionNoticeKind Kind, string? Title, int BodyId, DateOnly? DecisionDue, string? Reasons, string? ScrutinyChair, DateOnly? ScrutinyChairOn, int? ForwardPlanEntryId);

/// <summary>
/// A notice that a key decision will be taken without the 28 clear days' notice regulation 9 asks
/// for: under the general exception (reg. 10), published at least <see cref="GeneralExceptionClearDays"/>
/// clear days ahead after the chair of the scrutiny committee was told in writing; or under special
/// urgency (reg. 11), with that chair's agreement that the decision is urgent and cannot reasonably be
/// deferred, published as soon as reasonably practicable. A notice for an entry that did give 28 days is refused.
/// </summary>
public sealed class KeyDecisionNotice : Entity
{
    public const int GeneralExceptionClearDays = 5;
    public const int TitleMaxLength = 300;
    public const int TextMaxLength = 4_000;
    public const int NameMaxLength = 200;

    private KeyDecisionNotice()
    {
        (Title, Reasons, ScrutinyChair) = (string.Empty, string.Empty, string.Empty);
    }

    public KeyDecisionNoticeKind Kind { get; private set; }

    public string Title { get; private set; }

    public int BodyId { get; private set; }

    public DateOnly DecisionDue { get; private set; }

    public DateOnly PublishedOn { get; private set; }

    /// <summary>Why 28 days' notice was impracticable (reg. 10), or why the decision is urgent (reg. 11).</summary>
    public string Reasons { get; private set; }

    /// <summary>The chair of the relevant overview and scrutiny committee (or, failing one, the chairman or vice-chairman of the council).</summary>
    public string ScrutinyChair { get; private set; }

    /// <summary>The day the chair was told in writing (reg. 10) or agreed (reg. 11).</summary>
    public DateOnly ScrutinyChairOn { get; private set; }

    public int? ForwardPlanEntryId { get; private set; }

    public static KeyDecisionNotice Publish(KeyDecisionNoticeText text, DateOnly today, ForwardPlanEntry? entry)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (entry is not null && !entry.IsShortNotice())
        {
            throw new DomainRuleException(
                "KeyDecisionNotice.NotNeeded", "That Forward Plan entry gave 28 clear days' notice: no exception notice is needed.", nameof(ForwardPlanEntryId));
        }

        if (!Enum.IsDefined(text.Kind))
        {
            throw new DomainRuleException("KeyDecisionNotice.KindRequired", "Choose general exception or special urgency.", nameof(Kind));
        }

        if (text.DecisionDue is not DateOnly due)
        {
            throw new DomainRuleException("KeyDecisionNotice.DueRequired", "Enter the date the decision is due.", nameof(DecisionDue));
        }

        if (due < today)
        {
            throw new DomainRuleException("KeyDecisionNotice.DueInPast", "The notice is given before the decision: the date cannot be in the past.", nameof(DecisionDue));
        }

        if (text.Kind == KeyDecisionNoticeKind.GeneralException && ClearDays.CalendarBetween(today, due) < GeneralExceptionClearDays)
        {
            throw new DomainRuleException(
                "KeyDecisionNotice.TooLateForGeneralException",
                $"The general exception needs {GeneralExceptionClearDays} clear days' notice: for a sooner decision use special urgency.",
                nameof(DecisionDue), GeneralExceptionClearDays);
        }

        if (text.ScrutinyChairOn is not DateOnly chairOn)
        {
            throw new DomainRuleException("KeyDecisionNotice.ChairDateRequired", "Enter the day the scrutiny chair was told or agreed.", nameof(ScrutinyChairOn));
        }

        if (chairOn > today)
        {
            throw new DomainRuleException("KeyDecisionNotice.ChairAfterNotice", "The scrutiny chair is told, or agrees, before the notice is published.", nameof(ScrutinyChairOn));
        }

        return new KeyDecisionNotice
        {
            Kind = text.Kind,
            Title = Guard.RequiredText(text.Title, TitleMaxLength, "KeyDecisionNotice.Title", nameof(Title), "matter to be decided"),
            BodyId = text.BodyId,
            DecisionDue = due,
            PublishedOn = today,
            Reasons = Guard.RequiredText(text.Reasons, TextMaxLength, "KeyDecisionNotice.Reasons", nameof(Reasons), "reasons"),
            ScrutinyChair = Guard.RequiredText(text.ScrutinyChair, NameMaxLength, "KeyDecisionNotice.Chair", nameof(ScrutinyChair), "scrutiny chair's name"),
            ScrutinyChairOn = chairOn,
            ForwardPlanEntryId = entry?.Id,
        };
    }

    /// <summary>Publishes a notice as the demo's history has it, on a day before today.</summary>
    public static KeyDecisionNotice PublishOn(KeyDecisionNoticeText text, DateOnly publishedOn, ForwardPlanEntry? entry) => Publish(text, publishedOn, entry);
}
