using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Data;
using Portal.Domain.Members;
using Portal.Infrastructure.Security;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Browser.Journeys;

/// <summary>
/// A visitor finding their councillor by ward, in each demo council in its own language: the
/// list narrowed to the ward, the councillor's page with their bodies, attendance and register
/// (a sensitive interest shown only as a fact, its particulars in neither the page nor its
/// source), and a body's make-up from there. Every page scanned with axe.
/// </summary>
public abstract class CouncillorJourneyTests(BrowserSession session) : JourneyTest(session)
{
    protected async Task FindByWardAsync(string culture, string ward, string councillor, string notInWard, string screen)
    {
        string Say(string key, params object[] args) => Words(culture, key, args);
        var sensitive = await App.QueryAsync(db => db.RegisteredInterests.Where(i => i.IsSensitive).Select(i => i.Particulars).ToListAsync());
        Assert.NotEmpty(sensitive);
        var visitor = await NewPageAsync(culture, Screen(screen));
        await GoToAsync(visitor, "/");
        await UseMenuAsync(visitor, Say("Nav.Councillors"));
        await ArriveAsync(visitor, Say("Councillors.Title"));
        await visitor.Locator("#find-ward").SelectOptionAsync(new SelectOptionValue { Label = ward });
        await visitor.GetByRole(AriaRole.Button, new() { Name = Say("Councillors.FindButton") }).ClickAsync();
        await visitor.WaitForURLAsync("**ward=**");
        await WaitForInteractiveAsync(visitor);
        await ArriveAsync(visitor, Say("Councillors.Title"));
        var table = visitor.Locator("table.councillor-table");
        await Assertions.Expect(table).ToContainTextAsync(councillor);
        await Assertions.Expect(table).Not.ToContainTextAsync(notInWard);
        await Assertions.Expect(table.Locator("tbody tr td:nth-child(2)").First).ToHaveTextAsync(ward);
        await ScreenshotAsync(visitor, $"councillors-{culture}-{screen}");

        await table.GetByRole(AriaRole.Link, new() { Name = councillor, Exact = true }).ClickAsync();
        await WaitForInteractiveAsync(visitor);
        await ArriveAsync(visitor, councillor);
        var main = visitor.Locator("main");
        await Assertions.Expect(main).ToContainTextAsync(Say("Register.Title"));
        await Assertions.Expect(main).ToContainTextAsync(Say("Councillor.Attendance"));
        var source = await visitor.ContentAsync();
        foreach (var secret in sensitive)
        {
            Assert.DoesNotContain(secret, source, StringComparison.Ordinal);
        }

        await ScreenshotAsync(visitor, $"councillor-{culture}-{screen}");

        // The bodies they sit on, each with its make-up and balance.
        await visitor.Locator("section[aria-labelledby='seats-title'] a").First.ClickAsync();
        await WaitForInteractiveAsync(visitor);
        await Assertions.Expect(visitor.Locator("#makeup-title")).ToHaveTextAsync(Say("MakeUp.Title"));
        await PassAsync(visitor);
        await ScreenshotAsync(visitor, $"body-make-up-{culture}-{screen}");
        AssertTheServerLoggedNoErrors();
    }
}

/// <summary>York: a visitor in Guildhall finds Cllr Jo Walker, whose home is a sensitive interest; on a laptop and a phone.</summary>
public sealed class EnglishCouncillorJourneyTests(BrowserSession session) : CouncillorJourneyTests(session)
{
    private const string MonitoringOfficer = "quentin.baker@york.example";

    [Theory]
    [InlineData("laptop")]
    [InlineData("phone")]
    public Task AVisitorFindsTheirCouncillorByWard(string screen) =>
        FindByWardAsync("en-GB", "Guildhall", "Cllr Jo Walker", "Cllr Ruth Potter", screen);

    /// <summary>
    /// The Monitoring Officer (Quentin Baker, the demo's sign-in) publishes the entry
    /// Cllr Ruth Potter registered, and registers a gift for her; a visitor then reads the first
    /// on her page and finds it by search, and the second waits for nothing, being the Monitoring
    /// Officer's own entry, published at once by them.
    /// </summary>
    [Fact]
    public async Task AMonitoringOfficerPublishesAnInterest()
    {
        var potter = await App.QueryAsync(db => db.People.Where(p => p.Email == DemoUsers.SecondMember).Select(p => p.Id).SingleAsync());
        const string Waiting = "Governor, Heworth Church of England Primary School";
        var officer = await NewPageAsync();
        await SignInToAsync(officer, MonitoringOfficer, $"/councillors/{potter}");
        await ArriveAsync(officer, "Cllr Ruth Potter");
        var entry = officer.Locator("#register ul.register-list > li").Filter(new() { HasText = Waiting });
        await Assertions.Expect(entry).ToContainTextAsync(Words("en-GB", "Register.Awaiting"));
        await entry.GetByRole(AriaRole.Button, new() { Name = $"Publish {Waiting}" }).ClickAsync();
        await Assertions.Expect(officer.Locator("#register ul.register-list > li").Filter(new() { HasText = Waiting })).ToContainTextAsync("Published");

        // A gift under the council's threshold is refused beside its field, then entered above it.
        await officer.Locator("#register > details > summary").ClickAsync();
        await officer.Locator("#interest-0-category").SelectOptionAsync(InterestCategory.GiftOrHospitality.ToString());
        await officer.Locator("#interest-0-particulars").FillAsync("Two tickets to the York Mystery Plays");
        await officer.Locator("#interest-0-giver").FillAsync("York Theatre Royal");
        await officer.Locator("#interest-0-value").FillAsync("30");
        await officer.Locator("#interest-0-received").FillAsync(Today.AddDays(-2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await officer.GetByRole(AriaRole.Button, new() { Name = "Register the interest" }).ClickAsync();
        await Assertions.Expect(officer.Locator("#interest-0-value-error, .field-error").First).ToContainTextAsync("50");
        await PassAsync(officer);
        await ScreenshotAsync(officer, "register-monitoring-officer");
        await officer.Locator("#interest-0-value").FillAsync("80");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Register the interest" }).ClickAsync();
        var gift = officer.Locator("#register ul.register-list > li").Filter(new() { HasText = "Two tickets to the York Mystery Plays" });
        await Assertions.Expect(gift).ToContainTextAsync(Words("en-GB", "Register.Awaiting"));
        await gift.GetByRole(AriaRole.Button, new() { Name = "Publish Two tickets to the York Mystery Plays" }).ClickAsync();
        await Assertions.Expect(officer.Locator("#register ul.register-list > li").Filter(new() { HasText = "Two tickets" })).ToContainTextAsync("Published");

        var visitor = await NewPageAsync();
        await GoToAsync(visitor, $"/councillors/{potter}");
        await ArriveAsync(visitor, "Cllr Ruth Potter");
        await Assertions.Expect(visitor.Locator("#register")).ToContainTextAsync(Waiting);
        await Assertions.Expect(visitor.Locator("#register")).ToContainTextAsync("York Theatre Royal");
        await GoToAsync(visitor, "/search?q=Heworth%20Primary");
        await Assertions.Expect(visitor.Locator("ol.search-results")).ToContainTextAsync("Cllr Ruth Potter");
        AssertTheServerLoggedNoErrors();
    }
}

/// <summary>Nybro, in Swedish: a visitor in Nybro södra finds Lars Holmberg (M).</summary>
public sealed class SwedishCouncillorJourneyTests(BrowserSession session) : CouncillorJourneyTests(session)
{
    protected override string Demo => "sv";

    [Fact]
    public Task AVisitorFindsTheirCouncillorByWard() =>
        FindByWardAsync("sv-SE", "Valkrets Nybro södra", "Lars Holmberg", "Birgitta Strand", "laptop");
}
