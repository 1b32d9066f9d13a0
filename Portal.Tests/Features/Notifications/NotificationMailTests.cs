using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Portal.Data;
using Portal.Domain.Meetings;
using Portal.Domain.Notifications;
using Portal.Features.Admin.Outbox;
using Portal.Features.Meetings.Agenda;
using Portal.Features.Meetings.Calendar;
using Portal.Features.Notifications.Inbox;
using Portal.Features.Notifications.Outbox;
using Portal.Features.Notifications.Preferences;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Notifications;

/// <summary>
/// Notifications sent through MailKit to a real SMTP server on loopback (<see cref="LoopbackSmtp"/>),
/// read back as they arrived: who got them, the subject, both bodies, the link, the calendar entry,
/// the unsubscribe header, the language, and that nothing exempt is in them; a refusing or absent
/// server leaves them queued with the reason; a restart sends each exactly once.
/// </summary>
public sealed class NotificationMailTests : IAsyncLifetime
{
    private const string Site = "https://portal.example/";
    private LoopbackSmtp _smtp = default!;
    private ServiceHarness _portal = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _smtp = await LoopbackSmtp.StartAsync();
        _portal = await ServiceHarness.StartAsync(settings: Mail(_smtp.Port));

        // The demo starts with what its people were told before today (kept in the portal, never
        // mailed); these tests read what one change sends, so they start from none.
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        await db.Notifications.ExecuteDeleteAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _portal.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    private static Dictionary<string, string?> Mail(int port) => new()
    {
        ["Portal:PublicUrl"] = Site,
        ["Portal:Mail:Host"] = "127.0.0.1",
        ["Portal:Mail:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Portal:Mail:TlsMode"] = "None",
        ["Portal:Mail:From"] = "Portal <portal@york.example>",
        ["Portal:Mail:PollSeconds"] = "0.1",
    };

    [Fact]
    public async Task PublishingPapersMailsEveryMemberOnceWithBothBodiesALinkToTheMeetingAndNoExemptText()
    {
        var (meetingId, bodyName) = await PublishPapersAsync();
        var rows = await RowsAsync(NotificationKind.PapersPublished);
        Assert.NotEmpty(rows);
        Assert.Equal(rows.Count, rows.Select(r => r.PersonId).Distinct().Count());

        var sent = await _portal.Root.GetRequiredService<OutboxSender>().SendDueAsync(Ct);
        var mailed = (await RowsAsync(NotificationKind.PapersPublished)).Where(r => r.Email is not null).ToList();
        Assert.Equal(mailed.Count, sent);
        var received = await _smtp.WaitForAsync(sent);
        Assert.Equal(mailed.Select(r => r.Email!.ToLowerInvariant()).Order(), received.SelectMany(m => m.To).Select(t => t.ToLowerInvariant()).Order());
        Assert.All(mailed, r => Assert.Equal(DeliveryState.Sent, r.State));

        var exempt = await ExemptTextsAsync();
        Assert.NotEmpty(exempt);
        foreach (var (_, message) in received)
        {
            Assert.Equal($"Papers published: {bodyName}", message.Subject);
            Assert.Contains($"{Site}meetings/{meetingId}", message.TextBody, StringComparison.Ordinal);
            Assert.Contains($"href=\"{Site}meetings/{meetingId}\"", message.HtmlBody, StringComparison.Ordinal);
            Assert.Contains("The papers for", message.TextBody, StringComparison.Ordinal);
            Assert.Contains("lang=\"en-GB\"", message.HtmlBody, StringComparison.Ordinal);
            Assert.StartsWith("notification-", message.MessageId, StringComparison.Ordinal);
            var unsubscribe = message.Headers["List-Unsubscribe"];
            Assert.StartsWith($"<{Site}notifications/unsubscribe?token=", unsubscribe, StringComparison.Ordinal);
            Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
            foreach (var text in exempt)
            {
                Assert.DoesNotContain(text, message.TextBody, StringComparison.Ordinal);
                Assert.DoesNotContain(text, message.HtmlBody, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task ARecipientWhoChoseSwedishGetsTheMailInSwedish()
    {
        var meeting = await NextUnpublishedMeetingAsync();
        var member = (await AudienceAsync(meeting)).First();
        await using (var db = await _portal.Db.CreateDbContextAsync(Ct))
        {
            var preference = NotificationPreference.For(member);
            preference.UseCulture("sv-SE");
            db.NotificationPreferences.Add(preference);
            await db.SaveChangesAsync(Ct);
        }

        await PublishPapersAsync(meeting.Id);
        await _portal.Root.GetRequiredService<OutboxSender>().SendDueAsync(Ct);
        var row = (await RowsAsync(NotificationKind.PapersPublished)).Single(r => r.PersonId == member);
        var mail = (await _smtp.WaitForAsync(1)).Single(m => m.Message.MessageId == $"notification-{row.Id}@portal.example").Message;
        Assert.StartsWith("Handlingar publicerade: ", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Handlingarna till", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("lang=\"sv-SE\"", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACancelledMeetingMailsItsMembersTheCalendarEntryMarkedCancelled()
    {
        var meeting = await NextUnpublishedMeetingAsync();
        await using (var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator))
        {
            await admin.Get<ScheduleService>().CancelAsync(meeting.Id, "No business", meeting.Version, Ct);
        }

        var sent = await _portal.Root.GetRequiredService<OutboxSender>().SendDueAsync(Ct);
        Assert.True(sent > 0);
        var received = await _smtp.WaitForAsync(sent);
        foreach (var (_, message) in received)
        {
            Assert.StartsWith("Meeting cancelled: ", message.Subject, StringComparison.Ordinal);
            Assert.Contains("No business", message.TextBody, StringComparison.Ordinal);
            var attachment = message.Attachments.OfType<MimePart>().Single(a => a.FileName == "meeting.ics");
            using var stream = new MemoryStream();
            await attachment.Content!.DecodeToAsync(stream, Ct);
            var calendar = Calendar.Load(System.Text.Encoding.UTF8.GetString(stream.ToArray()))!;
            var entry = Assert.Single(calendar.Events);
            Assert.Equal("CANCELLED", entry.Status);
            Assert.Equal($"meeting-{meeting.Uid:N}@portal", entry.Uid);
            Assert.True(entry.Sequence > meeting.Sequence);
        }
    }

    [Fact]
    public async Task AServerThatRefusesLeavesTheMailQueuedWithTheReasonAdministratorsSee()
    {
        _smtp.RefuseWith = 451;
        await PublishPapersAsync();
        Assert.Equal(0, await _portal.Root.GetRequiredService<OutboxSender>().SendDueAsync(Ct));

        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        var outbox = await admin.Get<OutboxAdminService>().ListAsync(DeliveryState.Pending, Ct);
        Assert.NotEmpty(outbox.Rows);
        Assert.All(outbox.Rows, r => Assert.Contains("451", r.LastError, StringComparison.Ordinal));
        Assert.All(outbox.Rows, r => Assert.Equal(1, r.Attempts));

        // When it is due again and the server takes mail, it goes; an administrator may also ask now.
        _smtp.RefuseWith = null;
        await admin.Get<OutboxAdminService>().RetryAsync(outbox.Rows[0].Id, Ct);
        Assert.Equal(1, await _portal.Root.GetRequiredService<OutboxSender>().SendDueAsync(Ct));
        _portal.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(outbox.Rows.Count - 1, await _portal.Root.GetRequiredService<OutboxSender>().SendDueAsync(Ct));
        Assert.Equal(outbox.Rows.Count, (await _smtp.WaitForAsync(outbox.Rows.Count)).Count);
    }

    [Fact]
    public async Task AServerThatIsDownLeavesTheMailQueuedAndThePublishStands()
    {
        await using var down = await ServiceHarness.StartAsync(settings: Mail(LoopbackSmtp.FreePort()));
        await using (var seeded = await down.Db.CreateDbContextAsync(Ct))
        {
            await seeded.Notifications.ExecuteDeleteAsync(Ct);
        }

        var meeting = await NextUnpublishedMeetingAsync(down);
        await using (var admin = await down.SignedInAsAsync(DemoUsers.Administrator))
        {
            await admin.Get<AgendaService>().PublishAgendaAsync(meeting.Id, "Urgent business", meeting.Version, Ct);
        }

        Assert.Equal(0, await down.Root.GetRequiredService<OutboxSender>().SendDueAsync(Ct));
        await using var db = await down.Db.CreateDbContextAsync(Ct);
        Assert.NotNull((await db.Meetings.SingleAsync(m => m.Id == meeting.Id, Ct)).AgendaPublishedOn);
        var rows = await db.Notifications.Where(n => n.Email != null).ToListAsync(Ct);
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(DeliveryState.Pending, r.State));
        Assert.All(rows, r => Assert.False(string.IsNullOrWhiteSpace(r.LastError)));
        Assert.All(rows, r => Assert.True(r.NextAttemptUtc > down.Clock.GetUtcNow().UtcDateTime));
    }

    [Fact]
    public async Task AfterACrashBetweenWritingAndSendingEachNotificationIsSentExactlyOnce()
    {
        // Written (papers, and today's chasers, which the restarted sender's own chaser run must not repeat),
        // and one batch claimed by a sender that then died (its lease runs out); the rest never claimed.
        await PublishPapersAsync();
        await using (var scope = _portal.Root.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Portal.Features.Notifications.Chasers.ActionChaser>().ChaseAsync(Ct);
        }

        await using (var db = await _portal.Db.CreateDbContextAsync(Ct))
        {
            var first = await db.Notifications.Where(n => n.State == DeliveryState.Pending).OrderBy(n => n.Id).Select(n => n.Id).FirstAsync(Ct);
            var expired = _portal.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1);
            await db.Notifications.Where(n => n.Id == first).ExecuteUpdateAsync(s => s.SetProperty(n => n.State, DeliveryState.Sending).SetProperty(n => n.LeaseUntilUtc, expired), Ct);
        }

        int expected;
        await using (var db = await _portal.Db.CreateDbContextAsync(Ct))
        {
            expected = await db.Notifications.CountAsync(n => n.State == DeliveryState.Pending || n.State == DeliveryState.Sending, Ct);
        }

        // The portal starts again on the same file: its hosted sender runs on its own.
        await using var restarted = ServiceHarness.Build(_portal.ConnectionString, "en", out _, settings: Mail(_smtp.Port));
        var sender = restarted.GetRequiredService<OutboxSender>();
        await sender.StartAsync(Ct);
        var received = await _smtp.WaitForAsync(expected);
        await Task.Delay(500, Ct);
        await sender.StopAsync(Ct);

        received = [.. _smtp.Messages];
        Assert.Equal(expected, received.Count);
        Assert.Equal(expected, received.Select(m => m.Message.MessageId).Distinct().Count());
        await using var check = await _portal.Db.CreateDbContextAsync(Ct);
        Assert.Equal(expected, await check.Notifications.CountAsync(n => n.State == DeliveryState.Sent, Ct));
    }

    [Fact]
    public async Task TheUnsubscribeLinkSwitchesThatKindOffWithoutSigningIn()
    {
        await PublishPapersAsync();
        await _portal.Root.GetRequiredService<OutboxSender>().SendDueAsync(Ct);
        var mail = (await _smtp.WaitForAsync(1))[0];
        var row = (await RowsAsync(NotificationKind.PapersPublished)).Single(r => mail.Message.MessageId == $"notification-{r.Id}@portal.example");
        var link = new Uri(mail.Message.Headers["List-Unsubscribe"]!.Trim('<', '>'));
        var token = Uri.UnescapeDataString(link.Query["?token=".Length..]);

        await using var anonymous = _portal.Anonymous();
        Assert.False(await anonymous.Get<PreferenceService>().UnsubscribeAsync(token + "x", Ct));
        Assert.True(await anonymous.Get<PreferenceService>().UnsubscribeAsync(token, Ct));

        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        var preference = await db.NotificationPreferences.SingleAsync(p => p.PersonId == row.PersonId, Ct);
        Assert.Equal(DeliveryMode.Off, preference.ModeFor(NotificationKind.PapersPublished));
        Assert.Equal(DeliveryMode.Immediate, preference.ModeFor(NotificationKind.MeetingCancelled));
    }

    [Fact]
    public async Task ADigestGathersADaysNotificationsIntoOneMailPerPerson()
    {
        var meeting = await NextUnpublishedMeetingAsync();
        var member = (await AudienceAsync(meeting)).First();
        await using (var db = await _portal.Db.CreateDbContextAsync(Ct))
        {
            var preference = NotificationPreference.For(member);
            preference.Choose(NotificationKind.PapersPublished, DeliveryMode.DailyDigest);
            preference.Choose(NotificationKind.MeetingCancelled, DeliveryMode.DailyDigest);
            db.NotificationPreferences.Add(preference);
            await db.SaveChangesAsync(Ct);
        }

        await PublishPapersAsync(meeting.Id);
        var other = await NextUnpublishedMeetingAsync(except: meeting.Id, bodyId: meeting.BodyId);
        await using (var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator))
        {
            await admin.Get<ScheduleService>().CancelAsync(other.Id, null, other.Version, Ct);
        }

        var sender = _portal.Root.GetRequiredService<OutboxSender>();
        await sender.SendDueAsync(Ct);
        var before = _smtp.Messages.Count;
        Assert.DoesNotContain(_smtp.Messages, m => (m.Message.Subject ?? string.Empty).Contains("digest", StringComparison.OrdinalIgnoreCase));

        _portal.Clock.Advance(TimeSpan.FromDays(1));
        await using (var scope = _portal.Root.CreateAsyncScope())
        {
            Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<DigestWriter>().WriteDueAsync(Ct));
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<DigestWriter>().WriteDueAsync(Ct));
        }

        Assert.Equal(1, await sender.SendDueAsync(Ct));
        var digest = (await _smtp.WaitForAsync(before + 1)).Last().Message;
        Assert.Equal("2 notifications from the portal", digest.Subject);
        Assert.Contains($"{Site}meetings/{meeting.Id}", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{Site}meetings/{other.Id}", digest.HtmlBody, StringComparison.Ordinal);
        Assert.Null(digest.Headers["List-Unsubscribe"]);
    }

    [Fact]
    public async Task TheDigestGoesAtTheDigestHourOnTheCouncilsClockNotInUtc()
    {
        // A Swedish council: seven in the morning in Stockholm is six UTC in winter.
        _portal.Clock.SetLocalTimeZone(Portal.Infrastructure.Time.CouncilTime.ZoneFor(Country.Sweden));
        var meeting = await NextUnpublishedMeetingAsync();
        var member = (await AudienceAsync(meeting)).First();
        await using (var db = await _portal.Db.CreateDbContextAsync(Ct))
        {
            var preference = NotificationPreference.For(member);
            preference.Choose(NotificationKind.PapersPublished, DeliveryMode.DailyDigest);
            db.NotificationPreferences.Add(preference);
            await db.SaveChangesAsync(Ct);
        }

        await PublishPapersAsync(meeting.Id); // 25 November, 10:00 in Stockholm
        await using var scope = _portal.Root.CreateAsyncScope();
        var digests = scope.ServiceProvider.GetRequiredService<DigestWriter>();
        _portal.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 26, 5, 59, 0, TimeSpan.Zero));
        Assert.Equal(0, await digests.WriteDueAsync(Ct));
        _portal.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 26, 6, 1, 0, TimeSpan.Zero));
        Assert.Equal(1, await digests.WriteDueAsync(Ct));
        Assert.Equal(0, await digests.WriteDueAsync(Ct));
        var digest = Assert.Single(await RowsAsync(NotificationKind.Digest));
        Assert.Equal(member, digest.PersonId);
    }

    [Fact]
    public async Task AnActionsOwnerIsChasedOnceBeforeItsDueDateAndOnceWhenOverdueHoweverOftenTheJobRuns()
    {
        Portal.Domain.Plans.KeyAction action;
        await using (var db = await _portal.Db.CreateDbContextAsync(Ct))
        {
            var soon = DateOnly.FromDateTime(_portal.Clock.GetUtcNow().UtcDateTime).AddDays(30);
            var withMail = db.People.Where(p => p.Email != null).Select(p => p.Id);
            action = await db.Actions.AsNoTracking()
                .Where(a => a.DueDate > soon && a.Status != Portal.Domain.Plans.ActionStatus.Completed && a.Status != Portal.Domain.Plans.ActionStatus.Cancelled && withMail.Contains(a.OwnerId))
                .OrderBy(a => a.DueDate).FirstAsync(Ct);
        }

        var link = $"plans/actions/{action.Id}";
        await using var scope = _portal.Root.CreateAsyncScope();
        var chaser = scope.ServiceProvider.GetRequiredService<Portal.Features.Notifications.Chasers.ActionChaser>();
        _portal.Clock.SetUtcNow(new DateTimeOffset(action.DueDate.AddDays(-8).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
        await chaser.ChaseAsync(Ct);
        Assert.DoesNotContain(await RowsAsync(NotificationKind.ActionDue), r => r.Link == link);

        _portal.Clock.SetUtcNow(new DateTimeOffset(action.DueDate.AddDays(-7).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
        Assert.True(await chaser.ChaseAsync(Ct) >= 1);
        Assert.Equal(0, await chaser.ChaseAsync(Ct));
        _portal.Clock.Advance(TimeSpan.FromDays(1));
        await chaser.ChaseAsync(Ct);
        var due = Assert.Single(await RowsAsync(NotificationKind.ActionDue), r => r.Link == link);
        Assert.Equal(action.OwnerId, due.PersonId);
        Assert.Equal(action.DueDate, due.Date);

        await _portal.Root.GetRequiredService<OutboxSender>().SendDueAsync(Ct);
        var mail = (await _smtp.WaitForAsync(1)).Single(m => m.Message.MessageId == $"notification-{due.Id}@portal.example");
        Assert.Equal([due.Email!], mail.To);
        Assert.Equal($"Action due soon: {action.Title}", mail.Message.Subject);
        Assert.Contains($"{Site}{link}", mail.Message.TextBody, StringComparison.Ordinal);
        Assert.Null(mail.Message.Headers["List-Unsubscribe"]);

        // Overdue: told once more, however often the job runs; the choice of "off" does not apply to chasers.
        await using (var db = await _portal.Db.CreateDbContextAsync(Ct))
        {
            var preference = NotificationPreference.For(action.OwnerId);
            Assert.Throws<Portal.Domain.Common.DomainRuleException>(() => preference.Choose(NotificationKind.ActionOverdue, DeliveryMode.Off));
        }

        _portal.Clock.SetUtcNow(new DateTimeOffset(action.DueDate.AddDays(1).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
        await chaser.ChaseAsync(Ct);
        await chaser.ChaseAsync(Ct);
        _portal.Clock.Advance(TimeSpan.FromDays(3));
        await chaser.ChaseAsync(Ct);
        var overdue = Assert.Single(await RowsAsync(NotificationKind.ActionOverdue), r => r.Link == link);
        Assert.Equal(DeliveryState.Pending, overdue.State);
    }

    [Fact]
    public async Task WithNoMailConfiguredNotificationsStayInThePortalAndOpeningOneMarksItRead()
    {
        await using var quiet = await ServiceHarness.StartAsync();
        var meeting = await NextUnpublishedMeetingAsync(quiet);
        await using (var admin = await quiet.SignedInAsAsync(DemoUsers.Administrator))
        {
            await admin.Get<AgendaService>().PublishAgendaAsync(meeting.Id, "Urgent business", meeting.Version, Ct);
        }

        await using (var db = await quiet.Db.CreateDbContextAsync(Ct))
        {
            Assert.All(await db.Notifications.ToListAsync(Ct), n => Assert.Equal(DeliveryState.NotMailed, n.State));
        }

        Assert.Equal(0, await quiet.Root.GetRequiredService<OutboxSender>().SendDueAsync(Ct));
        var memberEmail = await EmailOfAnAudienceMemberWithSignInAsync(quiet, meeting);
        await using var member = await quiet.SignedInAsAsync(memberEmail);
        var inbox = member.Get<InboxService>();
        var unread = await inbox.UnreadCountAsync(Ct);
        Assert.True(unread >= 1);
        var row = (await inbox.ListAsync(Ct)).First(r => r.Kind == NotificationKind.PapersPublished);
        Assert.Equal($"/meetings/{meeting.Id}", await inbox.OpenAsync(row.Id, Ct));
        Assert.Equal(unread - 1, await inbox.UnreadCountAsync(Ct));

        // Nobody opens another's.
        await using var other = await quiet.SignedInAsAsync(DemoUsers.Officer);
        Assert.Null(await other.Get<InboxService>().OpenAsync(row.Id, Ct));
    }

    [Fact]
    public async Task ANewSignInsInvitationIsMailedToItsOwnerWithTheLinkTheAdministratorSees()
    {
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        var invitation = await admin.Get<Portal.Features.Admin.Users.UserAccountService>().CreateAsync(
            new Portal.Features.Admin.Users.NewUser("joan.clerk@york.example", "Joan Clerk", [Portal.Infrastructure.Security.Roles.Officer], null), Ct);

        Assert.Equal(1, await _portal.Root.GetRequiredService<OutboxSender>().SendDueAsync(Ct));
        var (to, message) = Assert.Single(await _smtp.WaitForAsync(1));
        Assert.Equal(["joan.clerk@york.example"], to);
        Assert.StartsWith("Sign-in invitation: ", message.Subject, StringComparison.Ordinal);
        Assert.Contains($"{Site}{invitation.Link.TrimStart('/')}", message.TextBody, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode($"{Site}{invitation.Link.TrimStart('/')}"), message.HtmlBody, StringComparison.Ordinal);
        Assert.Null(message.Headers["List-Unsubscribe"]);
    }

    [Fact]
    public async Task AReturnedReportsMailTellsItsAuthorTheChiefOfficersReasonInTheirLanguage()
    {
        var (draft, version) = await SubmittedReportAsync();
        int author;
        await using (var db = await _portal.Db.CreateDbContextAsync(Ct))
        {
            author = await db.Reports.Where(r => r.Id == draft).Select(r => r.AuthorId).SingleAsync(Ct);
            var preference = NotificationPreference.For(author);
            preference.UseCulture("sv-SE");
            db.NotificationPreferences.Add(preference);
            await db.SaveChangesAsync(Ct);
        }

        await using (var chief = await _portal.SignedInAsAsync(DemoUsers.Director))
        {
            await chief.Get<Portal.Features.Reports.Workflow.ReportWorkflowService>().ReturnToDraftAsync(draft, version, Ct, "  Please add the second-quarter figures.  ");
        }

        // The chief officer returned it and is not told; the author is, with the reason, in Swedish.
        var row = Assert.Single(await RowsAsync(NotificationKind.ReportReturned));
        Assert.Equal(author, row.PersonId);
        Assert.Equal("Please add the second-quarter figures.", row.Detail);
        Assert.Equal(1, await _portal.Root.GetRequiredService<OutboxSender>().SendDueAsync(Ct));
        var (to, message) = Assert.Single(await _smtp.WaitForAsync(1));
        Assert.Equal([row.Email!], to);
        Assert.StartsWith("Tjänsteskrivelse återsänd: ", message.Subject, StringComparison.Ordinal);
        Assert.Contains("Notera: Please add the second-quarter figures.", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Notera: Please add the second-quarter figures.", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"{Site}reports/{draft}", message.TextBody, StringComparison.Ordinal);

        // Without a reason the mail says only that it came back.
        await using (var author2 = await _portal.SignedInAsAsync(DemoUsers.Officer))
        {
            var current = (await author2.Get<Portal.Features.Reports.Reading.ReportReadingService>().GetAsync(draft, Ct))!.Version;
            current = await author2.Get<Portal.Features.Reports.Workflow.ReportWorkflowService>().SubmitAsync(draft, current, Ct);
            await using var chief = await _portal.SignedInAsAsync(DemoUsers.Director);
            await chief.Get<Portal.Features.Reports.Workflow.ReportWorkflowService>().ReturnToDraftAsync(draft, current, Ct, "   ");
        }

        Assert.Null((await RowsAsync(NotificationKind.ReportReturned)).Last().Detail);
    }

    [Fact]
    public async Task AnAnsweredQuestionIsMailedToTheMemberWhoAskedWithoutTheAnswer()
    {
        int report, asker;
        await using (var db = await _portal.Db.CreateDbContextAsync(Ct))
        {
            report = await db.Reports.Where(r => r.Reference == "CE 21/09").Select(r => r.Id).SingleAsync(Ct);
        }

        await using var walker = await _portal.SignedInAsAsync(DemoUsers.Member);
        var question = await walker.Get<Portal.Features.Reports.Reading.ReaderToolsService>().AskAsync(report, "Which Assistant Director is the Section 151 Officer?", Ct);
        Assert.Empty(await RowsAsync(NotificationKind.QuestionAnswered));
        await using (var db = await _portal.Db.CreateDbContextAsync(Ct))
        {
            asker = await db.ReportQuestions.Where(q => q.Id == question).Select(q => q.AskedById).SingleAsync(Ct);
        }

        await using (var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator))
        {
            await admin.Get<Portal.Features.Reports.Reading.ReaderToolsService>().AnswerAsync(report, question, 1, "The Assistant Director (Resources).", Ct);
        }

        var row = Assert.Single(await RowsAsync(NotificationKind.QuestionAnswered));
        Assert.Equal(asker, row.PersonId);
        Assert.Equal(1, await _portal.Root.GetRequiredService<OutboxSender>().SendDueAsync(Ct));
        var (to, message) = Assert.Single(await _smtp.WaitForAsync(1));
        Assert.Equal([row.Email!], to);
        Assert.StartsWith("Question answered: CE 21/09", message.Subject, StringComparison.Ordinal);
        Assert.Contains("Your question on the report CE 21/09", message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Site}reports/{report}\"", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Assistant Director (Resources)", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Assistant Director (Resources)", message.HtmlBody, StringComparison.Ordinal);
        Assert.NotNull(message.Headers["List-Unsubscribe"]);
    }

    [Fact]
    public async Task AFigureEnteredForApprovalIsMailedToTheDirectorWhoApprovesIt()
    {
        int id;
        await using (var db = await _portal.Db.CreateDbContextAsync(Ct))
        {
            id = await db.Indicators.Where(i => i.Code == "CEX07").Select(i => i.Id).SingleAsync(Ct);
        }

        await using var officer = await _portal.SignedInAsAsync(DemoUsers.Officer);
        var indicators = officer.Get<Portal.Features.Plans.Indicators.IndicatorService>();
        var q3 = (await indicators.GetIndicatorAsync(id, Ct))!.Periods.Single(p => p.Year == 2026 && p.Number == 3);
        await indicators.SavePeriodAsync(id, new Portal.Features.Plans.Indicators.PeriodEdit(
            2026, 3, q3.Target!.Value.ToString(System.Globalization.CultureInfo.CurrentCulture), "30.1", "Pay award landed.", q3.Version), Ct);

        // Heather Rice directs the plan's directorate; she is told, and only she.
        var row = Assert.Single(await RowsAsync(NotificationKind.IndicatorAwaitingApproval));
        Assert.Equal(1, await _portal.Root.GetRequiredService<OutboxSender>().SendDueAsync(Ct));
        var (to, message) = Assert.Single(await _smtp.WaitForAsync(1));
        Assert.Equal([row.Email!], to);
        await using (var db = await _portal.Db.CreateDbContextAsync(Ct))
        {
            var director = await db.People.Where(p => p.Id == row.PersonId).Select(p => p.DisplayName).SingleAsync(Ct);
            Assert.Equal("Heather Rice", director);
        }

        Assert.StartsWith("Figure awaiting approval: CEX07: ", message.Subject, StringComparison.Ordinal);
        Assert.Contains("is waiting for your approval", message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Site}plans/indicators/{id}\"", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Pay award landed", message.TextBody, StringComparison.Ordinal);
    }

    /// <summary>The demo's draft progress report, completed by its author (an officer) and submitted to the director.</summary>
    private async Task<(int Id, int Version)> SubmittedReportAsync()
    {
        int draft;
        await using (var db = await _portal.Db.CreateDbContextAsync(Ct))
        {
            draft = await db.Reports.Where(r => r.Reference == "CE/DP/PROGRESS").Select(r => r.Id).SingleAsync(Ct);
        }

        await using var author = await _portal.SignedInAsAsync(DemoUsers.Officer);
        var reports = author.Get<Portal.Features.Reports.Drafting.ReportDraftingService>();
        var version = (await author.Get<Portal.Features.Reports.Reading.ReportReadingService>().GetAsync(draft, Ct))!.Version;
        foreach (var kind in Portal.Domain.Reports.ReportTemplate.Sections.Where(k => k is not Portal.Domain.Reports.SectionKind.Summary and not Portal.Domain.Reports.SectionKind.Background))
        {
            version = await reports.WriteSectionAsync(draft, version, kind, Portal.Domain.Reports.ReportTemplate.IsImplication(kind) ? "None." : $"Quarterly milestones for {kind}.", Ct);
        }

        version = await reports.ReviseRecommendationAsync(draft, version, 1, "That the Advisory Panel note the progress made.", "To keep the Panel informed of delivery.", Ct);
        version = await author.Get<Portal.Features.Reports.Workflow.ReportWorkflowService>().SubmitAsync(draft, version, Ct);
        await _portal.Root.GetRequiredService<OutboxSender>().SendDueAsync(Ct);
        _smtp.Messages.Clear();
        return (draft, version);
    }

    private async Task<(int MeetingId, string BodyName)> PublishPapersAsync(int? meetingId = null)
    {
        var meeting = meetingId is int id ? await MeetingAsync(_portal, id) : await NextUnpublishedMeetingAsync();
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        await admin.Get<AgendaService>().PublishAgendaAsync(meeting.Id, "Urgent business", meeting.Version, Ct);
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        return (meeting.Id, await db.Bodies.Where(b => b.Id == meeting.BodyId).Select(b => b.Name).SingleAsync(Ct));
    }

    private Task<Meeting> NextUnpublishedMeetingAsync(int? except = null, int? bodyId = null) => NextUnpublishedMeetingAsync(_portal, except, bodyId);

    /// <summary>A meeting well ahead with its agenda not yet out, of a body with at least three members who have an address.</summary>
    private static async Task<Meeting> NextUnpublishedMeetingAsync(ServiceHarness portal, int? except = null, int? bodyId = null)
    {
        await using var db = await portal.Db.CreateDbContextAsync(Ct);
        var from = DateOnly.FromDateTime(portal.Clock.GetUtcNow().UtcDateTime).AddDays(30);
        var bodies = await db.Bodies.Include(b => b.Members).OrderBy(b => b.Id).ToListAsync(Ct);
        foreach (var body in bodies.Where(b => bodyId is null || b.Id == bodyId))
        {
            var people = await NotificationAudience.BodyAsync(db, body, from, Ct);
            var withMail = await db.People.CountAsync(p => people.Contains(p.Id) && p.Email != null, Ct);
            if (withMail < 3)
            {
                continue;
            }

            var meeting = await db.Meetings.Where(m => m.BodyId == body.Id && m.Date >= from && m.AgendaPublishedOn == null && m.Status != MeetingStatus.Cancelled && m.Id != except)
                .OrderBy(m => m.Date).FirstOrDefaultAsync(Ct);
            if (meeting is not null)
            {
                return meeting;
            }
        }

        throw new InvalidOperationException("The demo has no body with members and a meeting ahead.");
    }

    private static async Task<Meeting> MeetingAsync(ServiceHarness portal, int id)
    {
        await using var db = await portal.Db.CreateDbContextAsync(Ct);
        return await db.Meetings.SingleAsync(m => m.Id == id, Ct);
    }

    private async Task<IReadOnlyList<int>> AudienceAsync(Meeting meeting)
    {
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        var body = await db.Bodies.Include(b => b.Members).SingleAsync(b => b.Id == meeting.BodyId, Ct);
        var people = await NotificationAudience.BodyAsync(db, body, meeting.Date, Ct);
        return await db.People.Where(p => people.Contains(p.Id) && p.Email != null).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(Ct);
    }

    private static async Task<string> EmailOfAnAudienceMemberWithSignInAsync(ServiceHarness portal, Meeting meeting)
    {
        await using var db = await portal.Db.CreateDbContextAsync(Ct);
        var told = await db.Notifications.Select(n => n.PersonId).ToListAsync(Ct);
        return await db.People.Where(p => told.Contains(p.Id) && p.UserId != null)
            .Select(p => db.Users.Where(u => u.Id == p.UserId).Select(u => u.Email).First()!)
            .FirstAsync(Ct);
    }

    private async Task<List<Notification>> RowsAsync(NotificationKind kind)
    {
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        return await db.Notifications.Where(n => n.Kind == kind).OrderBy(n => n.Id).ToListAsync(Ct);
    }

    /// <summary>Sentences from the demo's exempt reports, which no mail may carry.</summary>
    private async Task<IReadOnlyList<string>> ExemptTextsAsync()
    {
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        var exempt = await db.Reports.Where(r => r.IsExempt).Select(r => r.Id).ToListAsync(Ct);
        var sections = await db.ReportSections.Where(s => exempt.Contains(s.ReportId)).Select(s => s.Text).ToListAsync(Ct);
        return sections.OfType<string>().Where(t => t.Length > 20).Select(t => t[..20]).ToList();
    }
}
