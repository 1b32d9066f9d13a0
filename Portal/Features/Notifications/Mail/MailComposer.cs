using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MimeKit;
using Portal.Data;
using Portal.Domain.Notifications;
using Portal.Features.Meetings.Feeds; // a moved or cancelled meeting's mail carries its calendar entry
using Portal.Infrastructure;
using Portal.Resources;

namespace Portal.Features.Notifications.Mail;

/// <summary>
/// Writes a notification's mail in its recipient's language: a subject, a plain-text and an HTML
/// body that say what happened and link to the page, an unsubscribe link and List-Unsubscribe
/// headers for a kind that may be switched off, the meeting's updated .ics when it moved or was
/// cancelled, and a Message-Id made from the notification's id. Nothing from the item's content
/// goes in: only its name, date and address.
/// </summary>
public sealed class MailComposer(
    IDbContextFactory<PortalDbContext> dbFactory, IStringLocalizer<Text> text, PublicAddress address, UnsubscribeTokens tokens,
    CalendarFeedService calendars, ConfiguredMail mail, Chasers.SummaryLines summaries, Distribution.DistributionTokens lists)
{
    public async Task<MimeMessage> ComposeAsync(Notification notification, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var culture = CultureInfo.GetCultureInfo(notification.Culture);
        string? extra = null;
        IReadOnlyList<(string Line, Uri Link)> lines = [];
        if (notification.Kind == NotificationKind.Digest)
        {
            lines = await DigestLinesAsync(notification.Id, culture, ct);
        }
        else if (notification.Kind == NotificationKind.DirectorSummary)
        {
            (extra, lines) = await InCulture(culture, () => summaries.ForAsync(notification, culture, ct));
        }

        var unsubscribe = await UnsubscribeAsync(notification, ct);
        var (subject, body, html) = InCulture(culture, () => Write(notification, lines, culture, extra, unsubscribe));
        var message = new MimeMessage
        {
            Subject = subject,
            MessageId = notification.MessageId(address.BaseUri.Host),
        };
        message.From.Add(MailboxAddress.Parse(mail.Options.From));
        message.To.Add(MailboxAddress.Parse(notification.Email!));
        message.Headers.Add("Auto-Submitted", "auto-generated");
        if (unsubscribe is not null)
        {
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        var builder = new BodyBuilder { TextBody = body, HtmlBody = html };
        if (notification.MeetingId is int meetingId && await calendars.MeetingFileForMailAsync(meetingId, address.BaseUri, ct) is string ics)
        {
            builder.Attachments.Add("meeting.ics", Encoding.UTF8.GetBytes(ics), new ContentType("text", "calendar") { Charset = "utf-8" });
        }

        message.Body = builder.ToMessageBody();
        return message;
    }

    /// <summary>The words of a notification in the current culture: what the portal's list shows, and the mail's subject.</summary>
    public static string Sentence(IStringLocalizer<Text> text, NotificationKind kind, string subject, DateOnly? date, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text[$"Notify.Line.{kind}", subject, date?.ToString("d MMMM yyyy", culture) ?? string.Empty];
    }

    private (string Subject, string Text, string Html) Write(
        Notification n, IReadOnlyList<(string Line, Uri Link)> digest, CultureInfo culture, string? extra, Uri? unsubscribe)
    {
        var link = address.Link(n.Link);
        var kindName = text[$"Notify.Kind.{n.Kind}"].Value;
        var sentence = n.Kind == NotificationKind.Digest ? text["Notify.Line.Digest", digest.Count].Value : Sentence(text, n.Kind, n.Subject, n.Date, culture);
        var subject = n.Kind == NotificationKind.Digest ? sentence : $"{kindName}: {n.Subject}";
        var detail = n.Detail is null ? null : text["Notify.Detail", n.Detail].Value;
        var readAt = text["Notify.ReadAt"].Value;
        var outside = n.PersonId is null && n.Kind == NotificationKind.NotesPublished;
        var why = outside ? text["Notify.WhyList", n.Subject].Value : text["Notify.Why"].Value;
        var stop = unsubscribe is null ? null : outside ? text["Notify.LeaveList"].Value : text["Notify.Unsubscribe"].Value;

        var plain = new StringBuilder();
        plain.AppendLine(sentence);
        if (!string.IsNullOrEmpty(extra))
        {
            plain.AppendLine().AppendLine(extra);
        }

        foreach (var (line, at) in digest)
        {
            plain.AppendLine(CultureInfo.InvariantCulture, $"- {line}").AppendLine(CultureInfo.InvariantCulture, $"  {at}");
        }

        if (detail is not null)
        {
            plain.AppendLine().AppendLine(detail);
        }

        plain.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"{readAt} {link}").AppendLine().AppendLine("-- ").AppendLine(why);
        if (unsubscribe is not null)
        {
            plain.AppendLine(CultureInfo.InvariantCulture, $"{stop} {unsubscribe}");
        }

        static string E(string value) => WebUtility.HtmlEncode(value);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"{E(culture.Name)}\"><head><meta charset=\"utf-8\"><title>{E(subject)}</title></head>");
        html.Append("<body style=\"font-family:sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;background:#ffffff\">");
        html.Append(CultureInfo.InvariantCulture, $"<h1 style=\"font-size:20px\">{E(kindName)}</h1><p>{E(sentence)}</p>");
        if (!string.IsNullOrEmpty(extra))
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{E(extra)}</p>");
        }

        if (digest.Count > 0)
        {
            html.Append("<ul>");
            foreach (var (line, at) in digest)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{E(at.ToString())}\">{E(line)}</a></li>");
            }

            html.Append("</ul>");
        }

        if (detail is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{E(detail)}</p>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{E(link.ToString())}\">{E(readAt)} {E(link.ToString())}</a></p>");
        html.Append(CultureInfo.InvariantCulture, $"<hr><p style=\"font-size:14px\">{E(why)}");
        if (unsubscribe is not null)
        {
            // The words end in a colon before the address in plain text; as a link's text they stand alone.
            html.Append(CultureInfo.InvariantCulture, $" <a href=\"{E(unsubscribe.ToString())}\">{E(stop!.TrimEnd(':', ' '))}</a>");
        }

        html.Append("</p></body></html>");
        return (subject, plain.ToString(), html.ToString());
    }

    /// <summary>A person's link switches the kind off; an outside address on a distribution list gets one that takes it off the list.</summary>
    private async Task<Uri?> UnsubscribeAsync(Notification n, CancellationToken ct)
    {
        if (n.PersonId is int person)
        {
            return NotificationKinds.MayBeChosen(n.Kind) ? Unsubscribe(tokens.For(person, n.Kind)) : null;
        }

        if (n.Kind != NotificationKind.NotesPublished || n.Email is null || !n.Link.StartsWith("meetings/", StringComparison.Ordinal)
            || !int.TryParse(n.Link.AsSpan("meetings/".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var meetingId))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var bodyId = await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId).Select(m => (int?)m.BodyId).SingleOrDefaultAsync(ct);
        return bodyId is int body ? Unsubscribe(lists.For(body, n.Email)) : null;
    }

    private Uri Unsubscribe(string token) => address.Link($"notifications/unsubscribe?token={Uri.EscapeDataString(token)}");

    private async Task<IReadOnlyList<(string Line, Uri Link)>> DigestLinesAsync(long digestId, CultureInfo culture, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var carried = await db.Notifications.AsNoTracking().Where(x => x.DigestId == digestId).OrderBy(x => x.Id).ToListAsync(ct);
        return InCulture(culture, () => carried.Select(x => (Sentence(text, x.Kind, x.Subject, x.Date, culture), address.Link(x.Link))).ToList());
    }

    private static T InCulture<T>(CultureInfo culture, Func<T> write)
    {
        var (ui, current) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = culture;
            CultureInfo.CurrentCulture = culture;
            return write();
        }
        finally
        {
            CultureInfo.CurrentUICulture = ui;
            CultureInfo.CurrentCulture = current;
        }
    }
}
