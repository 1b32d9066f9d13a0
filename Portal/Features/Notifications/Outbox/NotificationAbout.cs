using Portal.Domain.Meetings;
using Portal.Domain.Reports;

namespace Portal.Features.Notifications.Outbox;

/// <summary>
/// What a notification says about its item: a name, a date, a word more and where to read it.
/// Made only from what anyone told may see (a report's reference and title are shown even for an
/// exempt report), so no content reaches a mail.
/// </summary>
public sealed record NotificationAbout(string Subject, DateOnly? Date, string Link, string? Detail = null, int? MeetingId = null)
{
    public static NotificationAbout Meeting(Body body, Meeting meeting, string? detail = null, bool attachCalendar = false)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(meeting);
        return new(body.Name, meeting.Date, $"meetings/{meeting.Id}", detail, attachCalendar ? meeting.Id : null);
    }

    public static NotificationAbout Report(Report report, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new($"{report.Reference}: {report.Title}", null, $"reports/{report.Id}", detail);
    }
}
