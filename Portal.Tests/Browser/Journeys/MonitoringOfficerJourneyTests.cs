using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Browser.Journeys;

/// <summary>
/// The Monitoring Officer's day on the York demo, signed in as the demo's own Monitoring Officer
/// (Quentin Baker, whose post holds the statutory role): from the councillors' list to the entries
/// waiting to be published, one published from the list, then a party changed and a councillor's
/// ward, party and terms opened. Every page scanned with axe.
/// </summary>
public sealed class MonitoringOfficerJourneyTests(BrowserSession session) : JourneyTest(session)
{
    private const string Waiting = "Governor, Heworth Church of England Primary School";

    [Fact]
    public async Task TheMonitoringOfficerPublishesAWaitingEntryFromTheListAndChangesAParty()
    {
        string Say(string key, params object[] args) => Words("en-GB", key, args);
        var officer = await NewPageAsync();
        await SignInToAsync(officer, DemoUsers.MonitoringOfficer, "/councillors");
        await ArriveAsync(officer, Say("Councillors.Title"));

        await officer.GetByRole(AriaRole.Link, new() { Name = Say("Pending.Title"), Exact = true }).ClickAsync();
        await WaitForInteractiveAsync(officer);
        await ArriveAsync(officer, Say("Pending.Title"));
        var row = officer.Locator("table tbody tr").Filter(new() { HasText = Waiting });
        await Assertions.Expect(row).ToContainTextAsync("Cllr Ruth Potter");
        await ScreenshotAsync(officer, "register-pending-monitoring-officer");
        await row.GetByRole(AriaRole.Button, new() { Name = $"{Say("Register.Publish")} Cllr Ruth Potter: {Waiting}" }).ClickAsync();
        await Assertions.Expect(officer.Locator("main")).ToContainTextAsync(Say("Pending.Published", "Cllr Ruth Potter"));
        await Assertions.Expect(officer.Locator("table tbody tr").Filter(new() { HasText = Waiting })).ToHaveCountAsync(0);
        await PassAsync(officer);
        Assert.True(await App.QueryAsync(db => db.RegisteredInterests.AnyAsync(i => i.Particulars == Waiting && i.PublishedOn != null)));

        await GoToAsync(officer, "/councillors");
        await officer.GetByRole(AriaRole.Link, new() { Name = Say("Keeping.Title"), Exact = true }).ClickAsync();
        await WaitForInteractiveAsync(officer);
        await ArriveAsync(officer, Say("Keeping.Title"));
        var labour = officer.Locator("#parties-title + .table-scroll tbody tr").Filter(new() { HasText = "Labour" });
        await labour.Locator("summary").ClickAsync();
        var party = await App.QueryAsync(db => db.Parties.Where(p => p.Name == "Labour").Select(p => p.Id).SingleAsync());
        await officer.Locator($"#party-{party}-name").FillAsync("");
        await labour.GetByRole(AriaRole.Button, new() { Name = $"{Say("Form.Save")} Labour" }).ClickAsync();
        await Assertions.Expect(officer.Locator($"#party-{party}-name-error, .field-error").First).ToContainTextAsync(Say("Rule.Party.NameRequired"));
        await Assertions.Expect(officer.Locator(".error-summary, [role=alert]").First).ToBeVisibleAsync();
        await PassAsync(officer);
        await officer.Locator($"#party-{party}-name").FillAsync("Labour and Co-operative");
        await officer.GetByRole(AriaRole.Button, new() { Name = $"{Say("Form.Save")} Labour" }).ClickAsync();
        await Assertions.Expect(officer.Locator("#parties-title + .table-scroll")).ToContainTextAsync("Labour and Co-operative");
        await ScreenshotAsync(officer, "parties-and-wards-monitoring-officer");
        Assert.Equal("Labour and Co-operative", await App.QueryAsync(db => db.Parties.Where(p => p.Id == party).Select(p => p.Name).SingleAsync()));

        var walker = await App.QueryAsync(db => db.People.Where(p => p.Email == DemoUsers.Member).Select(p => p.Id).SingleAsync());
        await GoToAsync(officer, $"/councillors/{walker}");
        await officer.GetByRole(AriaRole.Link, new() { Name = Say("Keeping.EditRecord") }).ClickAsync();
        await WaitForInteractiveAsync(officer);
        await ArriveAsync(officer, Say("Keeping.RecordTitle", "Cllr Jo Walker"));
        await Assertions.Expect(officer.Locator("#record-party option:checked")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(".+"));
        AssertTheServerLoggedNoErrors();
    }

    [Fact]
    public async Task ACouncillorIsNotOfferedTheMonitoringOfficersPagesAndIsRefusedThem()
    {
        var councillor = await NewPageAsync();
        await SignInToAsync(councillor, DemoUsers.Member, "/councillors");
        await ArriveAsync(councillor, Words("en-GB", "Councillors.Title"));
        await Assertions.Expect(councillor.GetByRole(AriaRole.Link, new() { Name = Words("en-GB", "Pending.Title") })).ToHaveCountAsync(0);
        await GoToAsync(councillor, "/councillors/register/pending");
        await ArriveAsync(councillor, Words("en-GB", "AccessDenied.Title"));
        await Assertions.Expect(councillor.Locator("main")).Not.ToContainTextAsync(Waiting);
        AssertTheServerLoggedNoErrors();
    }
}

/// <summary>Nybro, in Swedish: the administrator (Nybro has no Monitoring Officer) opens the same pages, each scanned with axe.</summary>
public sealed class SwedishKeepingJourneyTests(BrowserSession session) : JourneyTest(session)
{
    protected override string Demo => "sv";

    [Fact]
    public async Task TheAdministratorKeepsPartiesWardsTermsAndTheRegisterQueueInSwedish()
    {
        string Say(string key, params object[] args) => Words("sv-SE", key, args);
        var admin = await NewPageAsync("sv-SE");
        await SignInToAsync(admin, "admin@nybro.example", "/councillors/register/pending");
        await ArriveAsync(admin, Say("Pending.Title"));
        await GoToAsync(admin, "/councillors/parties-and-wards");
        await ArriveAsync(admin, Say("Keeping.Title"));
        await Assertions.Expect(admin.Locator("#wards-title + .table-scroll")).ToContainTextAsync("Valkrets Nybro södra");
        var holmberg = await App.QueryAsync(db => db.People.Where(p => p.Email == "ledamot@nybro.example").Select(p => p.Id).SingleAsync());
        await GoToAsync(admin, $"/councillors/{holmberg}/record");
        await ArriveAsync(admin, Say("Keeping.RecordTitle", "Lars Holmberg"));
        await admin.Locator("details > summary").Filter(new() { HasText = Say("Keeping.AddTerm") }).ClickAsync();
        await admin.Locator("#term-new-from").FillAsync("2014-10-15");
        await admin.Locator("#term-new-to").FillAsync("2014-10-01");
        await admin.GetByRole(AriaRole.Button, new() { Name = Say("Keeping.AddTerm"), Exact = true }).ClickAsync();
        await Assertions.Expect(admin.Locator(".field-error").First).ToBeVisibleAsync();
        await PassAsync(admin);
        AssertTheServerLoggedNoErrors();
    }
}
