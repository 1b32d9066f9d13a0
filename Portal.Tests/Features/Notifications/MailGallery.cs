using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.Meetings;
using Portal.Domain.Notifications;
using Portal.Features.Admin.Users;
using Portal.Features.Notifications.Outbox;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Notifications;

/// <summary>
/// Opt-in (set <c>PORTAL_MAIL_GALLERY</c> to a folder): one mail of each kind, in en-GB from the
/// English demo and in sv-SE from the Swedish one, about the demos' own meetings, reports, actions
/// and indicators, sent through MailKit to a real SMTP server on loopback and written as received:
/// the .eml, its HTML body, its plain text, and an index page. Invitations and password resets
/// come from the administrators' own service; the rest are outbox rows as their features write them.
/// </summary>
public sealed class MailGallery
{
    private const string Site = "https://portal.example/";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OneMailOfEachKindInBothLanguagesAsReceived()
    {
        var folder = Environment.GetEnvironmentVariable("PORTAL_MAIL_GALLERY");
        Assert.SkipWhen(string.IsNullOrWhiteSpace(folder), "Set PORTAL_MAIL_GALLERY to a folder to write the gallery.");
        Directory.CreateDirectory(folder!);
        var index = new StringBuilder("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Portal mail gallery</title></head><body><h1>Portal mail gallery</h1>");
        foreach (var (demo, culture, admin) in new[] { ("en", "en-GB", DemoUsers.Administrator), ("sv", "sv-SE", "admin@nybro.example") })
        {
            var kinds = await WriteAsync(demo, admin, folder!, culture);
            index.Append(CultureInfo.InvariantCulture, $"<h2>{culture}</h2><ul>");
            foreach (var (name, file) in kinds)
            {
                index.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{WebUtility.HtmlEncode(file)}.html\">{WebUtility.HtmlEncode(name)}</a> (<a href=\"{WebUtility.HtmlEncode(file)}.eml\">.eml</a>, <a href=\"{WebUtility.HtmlEncode(file)}.txt\">text</a>)</li>");
            }

            index.Append("</ul>");
            var expected = Enum.GetValues<NotificationKind>().Select(k => k.ToString()).Append("NotesPublished (outside address)").Order().ToList();
            Assert.Equal(expected, kinds.Select(k => k.Name).Order().ToList());
        }

        index.Append("</body></html>");
        await File.WriteAllTextAsync(Path.Combine(folder!, "index.html"), index.ToString(), Ct);
    }

    private static async Task<List<(string Name, string File)>> WriteAsync(string demo, string adminEmail, string folder, string culture)
    {
        await using var smtp = await LoopbackSmtp.StartAsync();
        await using var portal = await ServiceHarness.StartAsync(demo: demo, settings: new Dictionary<string, string?>
        {
            ["Portal:PublicUrl"] = Site,
            ["Portal:Mail:Host"] = "127.0.0.1",
            ["Portal:Mail:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Portal:Mail:TlsMode"] = "None",
            ["Portal:Mail:From"] = demo == "sv" ? "Nybro kommun <portal@nybro.example>" : "City of York Council <portal@york.example>",
        });
        var names = new Dictionary<long, string>();
        await using (var db = await portal.Db.CreateDbContextAsync(Ct))
        {
            await db.Notifications.ExecuteDeleteAsync(Ct);
            var now = portal.Clock.GetUtcNow().UtcDateTime;
            var today = DateOnly.FromDateTime(now);
            var person = await db.People.AsNoTracking().Where(p => p.Email != null).OrderBy(p => p.Id).FirstAsync(Ct);
            var meeting = await db.Meetings.AsNoTracking().Where(m => m.Date >= today && m.AgendaPublishedOn != null).OrderBy(m => m.Date).FirstAsync(Ct);
            var body = await db.Bodies.AsNoTracking().SingleAsync(b => b.Id == meeting.BodyId, Ct);
            var internalMeeting = await db.Meetings.AsNoTracking().Where(m => db.Bodies.Any(b => b.Id == m.BodyId && b.Regime == Regime.Internal) && m.Date < today)
                .OrderByDescending(m => m.Date).FirstAsync(Ct);
            var group = await db.Bodies.AsNoTracking().SingleAsync(b => b.Id == internalMeeting.BodyId, Ct);
            var report = await db.Reports.AsNoTracking().OrderBy(r => r.Id).FirstAsync(Ct);
            var action = await db.Actions.AsNoTracking().OrderBy(a => a.DueDate).FirstAsync(Ct);
            var indicator = await db.Indicators.AsNoTracking().OrderBy(i => i.Id).FirstAsync(Ct);
            var plan = await db.Plans.AsNoTracking().OrderBy(p => p.Id).FirstAsync(Ct);
            var sv = culture == "sv-SE";
            var reportSubject = $"{report.Reference}: {report.Title}";
            var rows = new (string Name, NotificationKind Kind, string Subject, DateOnly? Date, string? Detail, string Link, int? MeetingId, bool Outside)[]
            {
                ("PapersPublished", NotificationKind.PapersPublished, body.Name, meeting.Date, null, $"meetings/{meeting.Id}", null, false),
                ("LateItem", NotificationKind.LateItem, body.Name, meeting.Date, reportSubject, $"meetings/{meeting.Id}", null, false),
                ("MeetingMoved", NotificationKind.MeetingMoved, body.Name, meeting.Date, null, $"meetings/{meeting.Id}", meeting.Id, false),
                ("MeetingCancelled", NotificationKind.MeetingCancelled, body.Name, meeting.Date, sv ? "Inga ärenden" : "No business", $"meetings/{meeting.Id}", meeting.Id, false),
                ("ReportSubmitted", NotificationKind.ReportSubmitted, reportSubject, null, null, $"reports/{report.Id}", null, false),
                ("ReportReturned", NotificationKind.ReportReturned, reportSubject, null, sv ? "Lägg till siffrorna för andra kvartalet." : "Please add the second-quarter figures.", $"reports/{report.Id}", null, false),
                ("ReportCleared", NotificationKind.ReportCleared, reportSubject, null, null, $"reports/{report.Id}", null, false),
                ("ReportPublished", NotificationKind.ReportPublished, reportSubject, null, null, $"reports/{report.Id}", null, false),
                ("QuestionAnswered", NotificationKind.QuestionAnswered, reportSubject, null, null, $"reports/{report.Id}", null, false),
                ("IndicatorAwaitingApproval", NotificationKind.IndicatorAwaitingApproval, $"{indicator.Code}: {indicator.Title}", null, null, $"plans/indicators/{indicator.Id}", null, false),
                ("ActionDue", NotificationKind.ActionDue, action.Title, today.AddDays(7), null, $"plans/actions/{action.Id}", null, false),
                ("ActionOverdue", NotificationKind.ActionOverdue, action.Title, action.DueDate, null, $"plans/actions/{action.Id}", null, false),
                ("IndicatorDue", NotificationKind.IndicatorDue, $"{indicator.Code} {indicator.Title}", today.AddDays(6), null, $"plans/indicators/{indicator.Id}", null, false),
                ("IndicatorOverdue", NotificationKind.IndicatorOverdue, $"{indicator.Code} {indicator.Title}", today.AddDays(-25), null, $"plans/indicators/{indicator.Id}", null, false),
                ("DirectorSummary", NotificationKind.DirectorSummary, plan.Title, today, null, $"plans/{plan.Id}", null, false),
                ("NotesPublished", NotificationKind.NotesPublished, group.Name, internalMeeting.Date, null, $"meetings/{internalMeeting.Id}", null, false),
                ("NotesPublished (outside address)", NotificationKind.NotesPublished, group.Name, internalMeeting.Date, null, $"meetings/{internalMeeting.Id}", null, true),
            };
            var added = rows.Select(r => (r.Name, Row: Notification.Create(
                r.Kind, r.Outside ? null : person.Id, r.Outside ? (sv ? "ksau@nybro.example" : "board@withoutwalls.example") : person.Email, culture,
                r.Subject, r.Date, r.Detail, r.Link, r.MeetingId, DeliveryState.Pending, now))).ToList();
            if (!sv)
            {
                // The outside address is on the group's list, as KSAU is on KLG's in the Swedish demo.
                db.DistributionRecipients.Add(DistributionRecipient.ForAddress(group.Id, "Without Walls partnership board", "board@withoutwalls.example", now));
            }

            // Three for the digest, gathered the next morning.
            var digested = rows.Take(3).Select(r => Notification.Create(r.Kind, person.Id, person.Email, culture, r.Subject, r.Date, r.Detail, r.Link, null, DeliveryState.AwaitingDigest, now)).ToList();
            db.Notifications.AddRange(added.Select(a => a.Row));
            db.Notifications.AddRange(digested);
            await db.SaveChangesAsync(Ct);
            foreach (var (name, row) in added)
            {
                names[row.Id] = name;
            }
        }

        // The sign-in invitation and the password reset, as an administrator's actions write them.
        await using (var admin = await portal.SignedInAsAsync(adminEmail))
        {
            var accounts = admin.Get<UserAccountService>();
            var email = culture == "sv-SE" ? "anna.larsson@nybro.example" : "joan.clerk@york.example";
            await accounts.CreateAsync(new NewUser(email, culture == "sv-SE" ? "Anna Larsson" : "Joan Clerk", [Portal.Infrastructure.Security.Roles.Officer], null), Ct);
            await using var scope = portal.Root.CreateAsyncScope();
            var user = (await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email))!;
            await accounts.ForcePasswordResetAsync(user.Id, user.ConcurrencyStamp!, Ct);
        }

        portal.Clock.Advance(TimeSpan.FromDays(1));
        await using (var scope = portal.Root.CreateAsyncScope())
        {
            Assert.Equal(3, await scope.ServiceProvider.GetRequiredService<DigestWriter>().WriteDueAsync(Ct));
        }

        await using (var db = await portal.Db.CreateDbContextAsync(Ct))
        {
            foreach (var n in await db.Notifications.AsNoTracking().Where(n => n.State == DeliveryState.Pending).ToListAsync(Ct))
            {
                names.TryAdd(n.Id, n.Kind.ToString());
            }
        }

        var sent = await portal.Root.GetRequiredService<OutboxSender>().SendDueAsync(Ct);
        Assert.Equal(names.Count, sent);
        var received = await smtp.WaitForAsync(sent);
        var files = new List<(string Name, string File)>();
        foreach (var (_, message) in received)
        {
            var id = long.Parse(message.MessageId!.Split('@')[0]["notification-".Length..], CultureInfo.InvariantCulture);
            var name = names[id];
            var file = $"{culture}-{files.Count + 1:00}-{name.Replace(" (outside address)", "-outside", StringComparison.Ordinal)}";
            await message.WriteToAsync(Path.Combine(folder, file + ".eml"), Ct);
            await File.WriteAllTextAsync(Path.Combine(folder, file + ".html"), message.HtmlBody, Ct);
            await File.WriteAllTextAsync(Path.Combine(folder, file + ".txt"), $"Subject: {message.Subject}\nTo: {message.To}\n\n{message.TextBody}", Ct);
            files.Add((name, file));
        }

        return files;
    }
}
