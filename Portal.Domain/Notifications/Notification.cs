using Portal.Domain.Common;

namespace Portal.Domain.Notifications;

/// <summary>
/// One notification to one person (or one outside address): shown in their list in the portal
/// and, unless they chose otherwise, mailed. It is the outbox row as well: it is written in the
/// same transaction as the change that causes it, so a change that rolls back tells nobody and a
/// change that commits is told even if the process dies before sending. It carries only what
/// is safe to say to its recipient: that something exists and where to read it, never content.
/// </summary>
public sealed class Notification
{
    public const int SubjectMaxLength = 400;
    public const int DetailMaxLength = 2000;
    public const int LinkMaxLength = 1000;
    public const int ErrorMaxLength = 1000;

    private Notification()
    {
        Subject = string.Empty;
        Link = string.Empty;
        Culture = string.Empty;
    }

    public long Id { get; private set; }

    public NotificationKind Kind { get; private set; }

    /// <summary>The person told; null for an outside address.</summary>
    public int? PersonId { get; private set; }

    /// <summary>Where the mail goes; null when the person has no address (it stays in the portal).</summary>
    public string? Email { get; private set; }

    /// <summary>The language of the mail: the person's choice, else the council's default (en-GB or sv-SE).</summary>
    public string Culture { get; private set; }

    /// <summary>What it concerns, by name only: a body's name, a report's reference and title.</summary>
    public string Subject { get; private set; }

    /// <summary>The meeting's date, when it concerns a meeting.</summary>
    public DateOnly? Date { get; private set; }

    /// <summary>A word more that the recipient may read: the reason a report was returned, a meeting's new date.</summary>
    public string? Detail { get; private set; }

    /// <summary>The page to read it on, relative to the portal's address (meetings/12).</summary>
    public string Link { get; private set; }

    /// <summary>The meeting whose calendar entry goes with the mail (a move or cancellation).</summary>
    public int? MeetingId { get; private set; }

    public DateTime CreatedUtc { get; private set; }

    public DateTime? ReadUtc { get; private set; }

    public DeliveryState State { get; private set; }

    public int Attempts { get; private set; }

    public DateTime? NextAttemptUtc { get; private set; }

    /// <summary>While <see cref="DeliveryState.Sending"/>: until when the sender holds it. Past it, the sender died mid-send.</summary>
    public DateTime? LeaseUntilUtc { get; private set; }

    /// <summary>While <see cref="DeliveryState.Sending"/>: the sender's claim on it, so that of two senders (two instances) only the one that claimed it sends it.</summary>
    public Guid? ClaimId { get; private set; }

    public DateTime? SentUtc { get; private set; }

    /// <summary>Why the last attempt failed, as the mail server or the network said it.</summary>
    public string? LastError { get; private set; }

    /// <summary>The digest notification that carried this one.</summary>
    public long? DigestId { get; private set; }

    public static Notification Create(
        NotificationKind kind, int? personId, string? email, string culture, string subject, DateOnly? date, string? detail, string link, int? meetingId,
        DeliveryState state, DateTime nowUtc) =>
        new()
        {
            Kind = kind,
            PersonId = personId,
            Email = email,
            Culture = culture,
            Subject = Cut(subject, SubjectMaxLength),
            Date = date,
            Detail = detail is null ? null : Cut(detail, DetailMaxLength),
            Link = Cut(link, LinkMaxLength),
            MeetingId = meetingId,
            CreatedUtc = nowUtc,
            State = state,
            NextAttemptUtc = state == DeliveryState.Pending ? nowUtc : null,
        };

    /// <summary>The identity its mail carries: the same on every attempt, so a second delivery after a crash can be recognised.</summary>
    public string MessageId(string host) => $"notification-{Id}@{host}";

    public void MarkRead(DateTime nowUtc) => ReadUtc ??= nowUtc;

    /// <summary>An administrator asks for another try of a failed or waiting mail, now.</summary>
    public void Retry(DateTime nowUtc)
    {
        if (State is not (DeliveryState.Failed or DeliveryState.Pending))
        {
            throw new DomainRuleException("Outbox.NotRetryable", "Only a mail that failed or is waiting can be tried again.", nameof(State));
        }

        State = DeliveryState.Pending;
        Attempts = 0;
        NextAttemptUtc = nowUtc;
    }

    private static string Cut(string value, int max) => value.Length <= max ? value : value[..max];
}
