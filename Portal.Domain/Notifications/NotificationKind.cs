namespace Portal.Domain.Notifications;

/// <summary>What a notification is about; each kind has its own words, audience and preference.</summary>
public enum NotificationKind
{
    PapersPublished = 1,
    LateItem = 2,
    MeetingMoved = 3,
    MeetingCancelled = 4,
    ReportSubmitted = 5,
    ReportReturned = 6,
    ReportCleared = 7,
    ReportPublished = 8,
    SignInInvitation = 9,
    PasswordReset = 10,
    QuestionAnswered = 11,
    IndicatorAwaitingApproval = 12,

    /// <summary>A chaser: an action of the person's is due within the chase days.</summary>
    ActionDue = 13,

    /// <summary>A chaser: an action of the person's is past its due date.</summary>
    ActionOverdue = 14,

    /// <summary>A chaser: an indicator's figure for the current period is due within the chase days.</summary>
    IndicatorDue = 15,

    /// <summary>A chaser: an indicator's figure for the last complete period has not been entered.</summary>
    IndicatorOverdue = 16,

    /// <summary>Once a week to each director: their plan's overdue and due actions and indicator updates.</summary>
    DirectorSummary = 17,

    /// <summary>An internal body's notes were published: to its distribution list (people and outside addresses).</summary>
    NotesPublished = 18,

    /// <summary>A councillor's reminder to register their interests: 28 days after taking office (Localism Act 2011 s30), and every year after.</summary>
    InterestsReminder = 19,

    Digest = 20,
}

/// <summary>How a person wants one kind of notification by mail; in the portal every kind is always listed.</summary>
public enum DeliveryMode
{
    Immediate = 0,
    DailyDigest = 1,
    Off = 2,
}

/// <summary>Where a notification's mail stands in the outbox.</summary>
public enum DeliveryState
{
    /// <summary>Waiting to be sent (or to be tried again after a failure, from <c>NextAttemptUtc</c>).</summary>
    Pending = 0,

    /// <summary>Claimed by the sender, which is sending it now (until <c>LeaseUntilUtc</c>).</summary>
    Sending = 1,
    Sent = 2,

    /// <summary>Given up on: refused for good, or every attempt failed. An administrator may retry it.</summary>
    Failed = 3,

    /// <summary>Not mailed: no mail is configured, or the person has no address. It stays in the portal.</summary>
    NotMailed = 4,

    /// <summary>The person switched this kind off for mail. It stays in the portal.</summary>
    Off = 5,

    /// <summary>Waiting for the person's daily digest.</summary>
    AwaitingDigest = 6,

    /// <summary>Sent as part of a digest (<c>DigestId</c>).</summary>
    Digested = 7,
}

/// <summary>The kinds a person cannot switch off: what they must act on, and their own sign-in.</summary>
public static class NotificationKinds
{
    public static IReadOnlyList<NotificationKind> Choosable { get; } =
    [
        NotificationKind.PapersPublished, NotificationKind.LateItem, NotificationKind.MeetingMoved, NotificationKind.MeetingCancelled,
        NotificationKind.ReportSubmitted, NotificationKind.ReportReturned, NotificationKind.ReportCleared, NotificationKind.ReportPublished,
        NotificationKind.QuestionAnswered, NotificationKind.IndicatorAwaitingApproval, NotificationKind.NotesPublished,
    ];

    public static bool IsSecurity(NotificationKind kind) => kind is NotificationKind.SignInInvitation or NotificationKind.PasswordReset;

    /// <summary>Security mail goes at once, whatever the preference: a digest would hold a sign-in link for a day.</summary>
    public static bool MayBeChosen(NotificationKind kind) => Choosable.Contains(kind);
}
