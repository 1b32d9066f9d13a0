using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Data;
using Portal.Domain.Meetings;
using Portal.Domain.Notifications;
using Portal.Features.Meetings.Agenda;
using Portal.Features.Members.Register;
using Portal.Infrastructure.Security;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Browser;

/// <summary>
/// A councillor's unread count moves in the top bar when papers for their committee are
/// published elsewhere, the list opens the meeting and marks it read, and their mail settings
/// are chosen and kept; every page passes axe. No mail is configured: notifications stay in the portal.
/// </summary>
public sealed class NotificationBrowserTests(BrowserSession session) : BrowserTest(session)
{
    [Fact]
    public async Task TheUnreadCountMovesLiveTheListOpensTheItemAndPreferencesAreKept()
    {
        // The sender's loop also writes councillors' interests reminders when one falls due; they are
        // written now, before anything is counted, so none lands in the middle of the walk (a second run writes nothing).
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<InterestReminder>().RemindAsync(CancellationToken.None);
        }

        var page = await NewPageAsync();
        await SignInToAsync(page, DemoUsers.Member, "/notifications");
        await WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Notifications");
        var count = page.Locator("a.notification-count");

        // On an ordinary day the councillor already has the papers of a coming meeting to read.
        await Assertions.Expect(count).ToHaveAttributeAsync("aria-label", new Regex(@"^Notifications, (none|\d+) unread$"));
        await Assertions.Expect(page.Locator(".notification-list li", new() { HasText = "The papers for" }).First).ToBeVisibleAsync();
        var before = Unread(await count.GetAttributeAsync("aria-label"));
        await AssertAccessibleAsync(page);

        // The secretary publishes the papers for a coming meeting of a body the councillor sits on.
        var (meetingId, person) = await PublishPapersForMembersBodyAsync();
        var link = $"meetings/{meetingId}";
        var told = await App.QueryAsync(db => db.Notifications
            .Where(n => n.Kind == NotificationKind.PapersPublished && n.Link == link && n.PersonId == person)
            .Select(n => n.Id).SingleAsync());
        await Assertions.Expect(count).ToHaveAttributeAsync("aria-label", $"Notifications, {before + 1} unread", new() { Timeout = 15_000 });
        var item = page.Locator(".notification-list li").Filter(new() { Has = page.Locator($"a[href='/notifications/{told}']") });
        await Assertions.Expect(item).ToContainTextAsync("Unread");
        await Assertions.Expect(item).ToContainTextAsync("The papers for");
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "notifications");

        await item.GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync($"**/meetings/{meetingId}");
        await GoToAsync(page, "/notifications");
        await Assertions.Expect(item).ToContainTextAsync("Read");
        await Assertions.Expect(item).Not.ToContainTextAsync("Unread");
        await Assertions.Expect(page.Locator("a.notification-count")).ToHaveAttributeAsync("aria-label", before == 0 ? "Notifications, none unread" : $"Notifications, {before} unread");

        await page.GetByRole(AriaRole.Link, new() { Name = "Notification settings" }).ClickAsync();
        await page.WaitForURLAsync("**/notifications/preferences");
        await WaitForInteractiveAsync(page);
        await AssertAccessibleAsync(page);
        await page.GetByLabel("Papers published").SelectOptionAsync(new SelectOptionValue { Label = "Daily digest" });
        await page.GetByLabel("Meeting cancelled").SelectOptionAsync(new SelectOptionValue { Label = "Off" });
        await page.GetByLabel("Language of your mails").SelectOptionAsync(new SelectOptionValue { Label = "Svenska" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Your settings are saved.")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "notification-preferences");

        await page.ReloadAsync();
        await WaitForInteractiveAsync(page);
        await Assertions.Expect(page.GetByLabel("Papers published")).ToHaveValueAsync("DailyDigest");
        await Assertions.Expect(page.GetByLabel("Meeting cancelled")).ToHaveValueAsync("Off");
        await Assertions.Expect(page.GetByLabel("Language of your mails")).ToHaveValueAsync("sv-SE");
        var kept = await App.QueryAsync(db => db.NotificationPreferences.SingleAsync());
        Assert.Equal(DeliveryMode.DailyDigest, kept.ModeFor(NotificationKind.PapersPublished));
        Assert.Equal("sv-SE", kept.Culture);
    }

    [Fact]
    public async Task TheEmgsSecretaryKeepsItsDistributionListAndABadAddressIsRefusedBesideTheField()
    {
        var page = await NewPageAsync();
        await SignInToAsync(page, DemoUsers.Secretary, "/meetings/bodies/emg");
        await WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("#distribution-title")).ToHaveTextAsync("Distribution list");
        await Assertions.Expect(page.GetByText("Nobody is on the list yet.")).ToBeVisibleAsync();

        await page.GetByText("Add an outside address").ClickAsync();
        await page.Locator("#dist-name").FillAsync("Without Walls partnership board");
        await page.Locator("#dist-email").FillAsync("board@withoutwalls");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the address" }).ClickAsync();
        await Assertions.Expect(page.Locator("#dist-email-error")).ToContainTextAsync("Enter an e-mail address in the form name@example.org.");
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("Enter an e-mail address in the form name@example.org.");
        await Assertions.Expect(page.Locator("#dist-email")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#dist-email")).ToHaveValueAsync("board@withoutwalls");
        await AssertAccessibleAsync(page);
        Assert.Equal(0, await App.QueryAsync(db => db.DistributionRecipients.CountAsync()));

        await page.Locator("#dist-email").FillAsync("board@withoutwalls.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the address" }).ClickAsync();
        await Assertions.Expect(page.Locator("#distribution-list")).ToContainTextAsync("Without Walls partnership board <board@withoutwalls.example> (outside address)");
        await Assertions.Expect(page.Locator("#dist-email-error")).ToHaveCountAsync(0);
        await page.GetByText("Add a person from the portal").ClickAsync();
        await page.Locator("#dist-person").SelectOptionAsync(new SelectOptionValue { Label = "Barbara Boyce" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the person" }).ClickAsync();
        await Assertions.Expect(page.Locator("#distribution-list li")).ToHaveCountAsync(2);
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "distribution-list");
        var kept = await App.QueryAsync(db => db.DistributionRecipients.OrderBy(r => r.Id).ToListAsync());
        Assert.Equal(["board@withoutwalls.example", null], kept.Select(r => r.Email));
    }

    private static int Unread(string? label) =>
        label is not null && Regex.Match(label, @"(\d+) unread") is { Success: true } match ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;

    private async Task<(int MeetingId, int PersonId)> PublishPapersForMembersBodyAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var admin = await users.FindByEmailAsync(DemoUsers.Administrator) ?? throw new InvalidOperationException("No administrator.");
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActFor(await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync(admin));
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var member = await users.FindByEmailAsync(DemoUsers.Member) ?? throw new InvalidOperationException("No member.");
        var person = await db.People.Where(p => p.UserId == member.Id).Select(p => p.Id).SingleAsync();
        var bodies = await db.BodyMembers.Where(m => m.PersonId == person).Select(m => m.BodyId).ToListAsync();
        var from = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        var meeting = await db.Meetings
            .Where(m => bodies.Contains(m.BodyId) && m.Date >= from && m.AgendaPublishedOn == null && m.Status != MeetingStatus.Cancelled)
            .OrderBy(m => m.Date).FirstAsync();
        await scope.ServiceProvider.GetRequiredService<AgendaService>().PublishAgendaAsync(meeting.Id, "Urgent business", meeting.Version, CancellationToken.None);
        return (meeting.Id, person);
    }
}
