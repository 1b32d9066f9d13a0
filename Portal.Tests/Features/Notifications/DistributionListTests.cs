using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Common;
using Portal.Domain.Meetings;
using Portal.Domain.Notifications;
using Portal.Features.Meetings.Minutes;
using Portal.Features.Notifications.Distribution;
using Portal.Features.Notifications.Outbox;
using Portal.Infrastructure.Concurrency;
using Portal.Infrastructure.Security;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Notifications;

/// <summary>
/// An internal body's distribution list: who may manage it, the addresses refused at entry, the
/// outbox rows written in the same save as the notes' publication, and the mails that reach a
/// real SMTP server on loopback, outside addresses' in the council's language with a link off the list.
/// </summary>
public sealed class DistributionListTests : IAsyncLifetime
{
    private const string Site = "https://portal.example/";
    private LoopbackSmtp _smtp = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _smtp = await LoopbackSmtp.StartAsync();

    public async ValueTask DisposeAsync() => await _smtp.DisposeAsync();

    private static Dictionary<string, string?> Mail(int port) => new()
    {
        ["Portal:PublicUrl"] = Site,
        ["Portal:Mail:Host"] = "127.0.0.1",
        ["Portal:Mail:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Portal:Mail:TlsMode"] = "None",
        ["Portal:Mail:From"] = "Portal <portal@council.example>",
    };

    public static TheoryData<string> BadAddresses =>
    [
        "plainaddress", "ksau@nybro", "ksau @nybro.example", "KSAU <ksau@nybro.example>", "ksau@nybro.example, cesam@nybro.example",
        "ksau@@nybro.example", ".ksau@nybro.example", "ks..au@nybro.example", "ksau.@nybro.example", "ksau@-nybro.example", "ksau@nybro..example",
        "ksau@nybro.example.", "ksau@192.168.0.1", "@nybro.example", "ksau@", "ksau@nybro_x.example", "(comment)ksau@nybro.example", "ksau@nybro.example\nBcc: x@example.org",
    ];

    [Theory]
    [MemberData(nameof(BadAddresses))]
    public async Task AnInvalidAddressIsRefusedAtEntryBesideTheEmailFieldAndNothingIsAdded(string address)
    {
        await using var portal = await ServiceHarness.StartAsync();
        var body = await BodyIdAsync(portal, "EMG");
        await using var secretary = await portal.SignedInAsAsync(DemoUsers.Secretary);
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => secretary.Get<DistributionService>().AddAddressAsync(body, "Someone", address, Ct));
        Assert.Equal("Distribution.EmailInvalid", refused.Code);
        Assert.Equal(nameof(DistributionRecipient.Email), refused.Field);
        await using var db = await portal.Db.CreateDbContextAsync(Ct);
        Assert.Equal(0, await db.DistributionRecipients.CountAsync(r => r.BodyId == body, Ct));
    }

    [Fact]
    public async Task TheBodysRecordKeeperManagesTheListAndNobodyElseMay()
    {
        await using var portal = await ServiceHarness.StartAsync();
        var body = await BodyIdAsync(portal, "EMG");
        int officer;
        await using (var db = await portal.Db.CreateDbContextAsync(Ct))
        {
            officer = await db.People.Where(p => p.Email == DemoUsers.Officer).Select(p => p.Id).SingleAsync(Ct);
        }

        await using var secretary = await portal.SignedInAsAsync(DemoUsers.Secretary);
        var lists = secretary.Get<DistributionService>();
        await lists.AddPersonAsync(body, officer, Ct);
        await lists.AddAddressAsync(body, "  Without Walls partnership  ", "  board@withoutwalls.example  ", Ct);
        var rule = await Assert.ThrowsAsync<DomainRuleException>(() => lists.AddAddressAsync(body, "Again", "BOARD@withoutwalls.example", Ct));
        Assert.Equal("Distribution.AddressOnList", rule.Code);
        Assert.Equal("Distribution.AlreadyOnList", (await Assert.ThrowsAsync<DomainRuleException>(() => lists.AddPersonAsync(body, officer, Ct))).Code);
        Assert.Equal("Distribution.EmailRequired", (await Assert.ThrowsAsync<DomainRuleException>(() => lists.AddAddressAsync(body, "Nobody", "  ", Ct))).Code);
        var unnamed = await Assert.ThrowsAsync<DomainRuleException>(() => lists.AddAddressAsync(body, " ", "someone@york.example", Ct));
        Assert.Equal(("Distribution.NameRequired", nameof(DistributionRecipient.Name)), (unnamed.Code, unnamed.Field));
        Assert.Equal("Distribution.PersonRequired", (await Assert.ThrowsAsync<DomainRuleException>(() => lists.AddPersonAsync(body, null, Ct))).Code);

        var view = await lists.GetAsync(body, Ct);
        Assert.NotNull(view);
        Assert.Equal(2, view.Entries.Count);
        var outside = Assert.Single(view.Entries, e => e.Email is not null);
        Assert.Equal(("Without Walls partnership", "board@withoutwalls.example"), (outside.Name, outside.Email));

        // An officer who does not keep the EMG's record neither sees nor changes its list; a councillor is not told it exists.
        await using (var other = await portal.SignedInAsAsync(DemoUsers.Officer))
        {
            Assert.Null(await other.Get<DistributionService>().GetAsync(body, Ct));
            await Assert.ThrowsAsync<AccessDeniedException>(() => other.Get<DistributionService>().AddAddressAsync(body, "Me", "me@example.org", Ct));
            await Assert.ThrowsAsync<AccessDeniedException>(() => other.Get<DistributionService>().RemoveAsync(body, outside.Id, Ct));
        }

        await using (var member = await portal.SignedInAsAsync(DemoUsers.Member))
        {
            await Assert.ThrowsAsync<KeyNotFoundException>(() => member.Get<DistributionService>().AddPersonAsync(body, officer, Ct));
        }

        // A statutory body's minutes have no distribution list.
        await using (var admin = await portal.SignedInAsAsync(DemoUsers.Administrator))
        {
            var panel = await StatutoryBodyIdAsync(portal);
            Assert.Null(await admin.Get<DistributionService>().GetAsync(panel, Ct));
            Assert.Equal("Distribution.InternalOnly", (await Assert.ThrowsAsync<DomainRuleException>(() => admin.Get<DistributionService>().AddAddressAsync(panel, "X", "x@example.org", Ct))).Code);
        }

        await lists.RemoveAsync(body, outside.Id, Ct);
        Assert.Single((await lists.GetAsync(body, Ct))!.Entries);
    }

    [Fact]
    public async Task PublishingNotesWritesOneRowPerRecipientInTheSameSaveAndAFailedPublishWritesNone()
    {
        await using var portal = await ServiceHarness.StartAsync(settings: Mail(_smtp.Port));
        var body = await BodyIdAsync(portal, "EMG");
        int officer, director;
        await using (var db = await portal.Db.CreateDbContextAsync(Ct))
        {
            await db.Notifications.ExecuteDeleteAsync(Ct);
            officer = await db.People.Where(p => p.Email == DemoUsers.Officer).Select(p => p.Id).SingleAsync(Ct);
            director = await db.People.Where(p => p.Email == DemoUsers.Director).Select(p => p.Id).SingleAsync(Ct);
        }

        await using var secretary = await portal.SignedInAsAsync(DemoUsers.Secretary);
        var lists = secretary.Get<DistributionService>();
        await lists.AddPersonAsync(body, officer, Ct);
        await lists.AddPersonAsync(body, director, Ct);
        await lists.AddAddressAsync(body, "Without Walls partnership", "board@withoutwalls.example", Ct);
        await lists.AddAddressAsync(body, "Staff side", "unions@york.example", Ct);
        var meeting = await DraftMeetingAsync(portal, "EMG");

        // A stale publish is refused, and with it every notification it would have written.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => secretary.Get<MinutesService>().PublishNotesAsync(meeting.Id, meeting.Version - 1, Ct));
        Assert.Empty(await RowsAsync(portal));

        await secretary.Get<MinutesService>().PublishNotesAsync(meeting.Id, meeting.Version, Ct);
        var rows = await RowsAsync(portal);
        Assert.Equal(4, rows.Count);
        Assert.Equal([director, officer], rows.Where(r => r.PersonId is not null).Select(r => r.PersonId!.Value).Order());
        Assert.Equal(["board@withoutwalls.example", "unions@york.example"], rows.Where(r => r.PersonId is null).Select(r => r.Email!).Order());
        Assert.All(rows, r => Assert.Equal($"meetings/{meeting.Id}", r.Link));
        Assert.All(rows, r => Assert.Equal(DeliveryState.Pending, r.State));
        Assert.Single(rows.Select(r => r.CreatedUtc).Distinct());

        // The same save: the meeting's record and the rows were written in one transaction.
        await using (var db = await portal.Db.CreateDbContextAsync(Ct))
        {
            Assert.Equal(RecordStatus.Published, (await db.Meetings.SingleAsync(m => m.Id == meeting.Id, Ct)).Record);
        }

        Assert.Equal(4, await portal.Root.GetRequiredService<OutboxSender>().SendDueAsync(Ct));
        var received = await _smtp.WaitForAsync(4);
        Assert.Equal(4, received.Count);
        var board = Assert.Single(received, m => m.To.Contains("board@withoutwalls.example")).Message;
        Assert.Equal("Notes published: Executive Management Group", board.Subject);
        Assert.Contains("lang=\"en-GB\"", board.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("distribution list of Executive Management Group", board.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("overdue actions are on the dashboard", board.TextBody + board.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Directorate plans: half-year progress", board.TextBody + board.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KlgsNotesReachKsauAndCesamInSwedishWithALinkThatTakesTheAddressOffTheList()
    {
        await using var portal = await ServiceHarness.StartAsync(demo: "sv", settings: Mail(_smtp.Port));
        await using (var db = await portal.Db.CreateDbContextAsync(Ct))
        {
            await db.Notifications.ExecuteDeleteAsync(Ct);
        }

        var body = await BodyIdAsync(portal, "KLG");
        var meeting = await DraftMeetingAsync(portal, "KLG");
        await using (var noteTaker = await portal.SignedInAsAsync("kommunikationsstrateg@nybro.example"))
        {
            await noteTaker.Get<MinutesService>().PublishNotesAsync(meeting.Id, meeting.Version, Ct);
        }

        Assert.Equal(2, await portal.Root.GetRequiredService<OutboxSender>().SendDueAsync(Ct));
        var received = await _smtp.WaitForAsync(2);
        Assert.Equal(["cesam@nybro.example", "ksau@nybro.example"], received.SelectMany(m => m.To).Order());
        string? token = null;
        foreach (var (to, message) in received)
        {
            Assert.Equal("Anteckningar publicerade: Koncernledningsgruppen", message.Subject);
            Assert.Contains("lang=\"sv-SE\"", message.HtmlBody, StringComparison.Ordinal);
            Assert.Contains($"Anteckningarna från mötet i Koncernledningsgruppen den {meeting.Date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("sv-SE"))}", message.TextBody, StringComparison.Ordinal);
            Assert.Contains($"{Site}meetings/{meeting.Id}", message.TextBody, StringComparison.Ordinal);
            Assert.Contains($"href=\"{Site}meetings/{meeting.Id}\"", message.HtmlBody, StringComparison.Ordinal);
            Assert.Contains("sändlistan för Koncernledningsgruppen", message.TextBody, StringComparison.Ordinal);
            foreach (var secret in new[] { "Delårsrapporten gicks igenom", "Mål och resultat: delårsrapport", "Avvikelser följs upp" })
            {
                Assert.DoesNotContain(secret, message.TextBody + message.HtmlBody, StringComparison.Ordinal);
            }

            var unsubscribe = message.Headers["List-Unsubscribe"];
            Assert.StartsWith($"<{Site}notifications/unsubscribe?token=", unsubscribe, StringComparison.Ordinal);
            Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
            if (to.Contains("ksau@nybro.example"))
            {
                token = Uri.UnescapeDataString(new Uri(unsubscribe!.Trim('<', '>')).Query["?token=".Length..]);
            }
        }

        // KSAU's link takes KSAU, and only KSAU, off the list, without a sign-in; a forged token does nothing.
        await using var anonymous = portal.Anonymous();
        var lists = anonymous.Get<DistributionService>();
        Assert.False(await lists.LeaveAsync(token + "x", Ct));
        Assert.False(await lists.LeaveAsync(null, Ct));
        Assert.True(await lists.LeaveAsync(token, Ct));
        await using var db2 = await portal.Db.CreateDbContextAsync(Ct);
        Assert.Equal(["cesam@nybro.example"], await db2.DistributionRecipients.Where(r => r.BodyId == body).Select(r => r.Email!).ToListAsync(Ct));
    }

    [Fact]
    public void ValidAddressesPass()
    {
        foreach (var address in new[] { "ksau@nybro.example", "first.last+notes@sub.example.co.uk", "o'neil@york.example", "a@b.se" })
        {
            Assert.Equal(address, DistributionAddress.Check("  " + address + " "));
        }
    }

    private static async Task<int> BodyIdAsync(ServiceHarness portal, string shortName)
    {
        await using var db = await portal.Db.CreateDbContextAsync(Ct);
        return await db.Bodies.Where(b => b.ShortName == shortName).Select(b => b.Id).SingleAsync(Ct);
    }

    private static async Task<int> StatutoryBodyIdAsync(ServiceHarness portal)
    {
        await using var db = await portal.Db.CreateDbContextAsync(Ct);
        return await db.Bodies.Where(b => b.Regime != Regime.Internal).OrderBy(b => b.Id).Select(b => b.Id).FirstAsync(Ct);
    }

    private static async Task<Meeting> DraftMeetingAsync(ServiceHarness portal, string shortName)
    {
        await using var db = await portal.Db.CreateDbContextAsync(Ct);
        var body = await BodyIdAsync(portal, shortName);
        return await db.Meetings.AsNoTracking().Where(m => m.BodyId == body && m.Record == RecordStatus.Draft).SingleAsync(Ct);
    }

    private static async Task<List<Notification>> RowsAsync(ServiceHarness portal)
    {
        await using var db = await portal.Db.CreateDbContextAsync(Ct);
        return await db.Notifications.Where(n => n.Kind == NotificationKind.NotesPublished).OrderBy(n => n.Id).ToListAsync(Ct);
    }
}
