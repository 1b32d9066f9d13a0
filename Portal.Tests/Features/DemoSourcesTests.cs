using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Establishment;
using Portal.Domain.Meetings;
using Portal.Domain.Reports;
using Portal.Features.Establishment;
using Portal.Features.Establishment.Chart;
using Portal.Features.Establishment.Establishment;
using Portal.Features.Establishment.Posts;
using Portal.Features.Establishment.Roles;
using Portal.Features.Meetings;
using Portal.Features.Meetings.Bodies;
using Portal.Features.Meetings.Calendar;
using Portal.Features.Plans;
using Portal.Features.Plans.Plans;
using Portal.Features.Reports;
using Portal.Features.Reports.Drafting;
using Portal.Features.Reports.ForwardPlan;
using Portal.Features.Reports.Reading;
using Portal.Features.Thread.Tracing;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features;

/// <summary>
/// The English demo says what its sources say (docs: the seed documents 001 York, 002 "Direction
/// of Travel" and 003 Carlisle's CE 21/09), and says it the same way everywhere: read through the
/// real services on the seeded demo, as a visitor or an officer would.
/// </summary>
public sealed partial class DemoSourcesTests : IAsyncLifetime
{
    private ServiceHarness _portal = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _portal = await ServiceHarness.StartAsync();

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task TheEmploymentPanelsNotesNameTheAssistantDirectorGovernanceAsMonitoringOfficerAsCe2109Does()
    {
        await using var visitor = _portal.Anonymous();
        var august = await MeetingIdAsync("employment-panel", new DateOnly(2009, 8, 25));

        var meeting = (await visitor.Get<MeetingService>().GetAsync(august, Ct))!;
        var roles = await visitor.Get<StatutoryRoleService>().RolesAsync(Ct);

        var notes = meeting.Items.Single(i => i.Title.Contains("CE 21/09", StringComparison.Ordinal)).Notes!;
        // CE 21/09: "The post of Assistant Director for Governance has the responsibility of being the Monitoring Officer".
        Assert.Contains("the Assistant Director (Governance) as Monitoring Officer", notes, StringComparison.Ordinal);
        Assert.DoesNotContain("Head of Legal", notes, StringComparison.Ordinal);
        Assert.Equal("Assistant Director (Governance)", roles.Roles.Single(r => r.Role == StatutoryRole.MonitoringOfficer).PostTitle);
        Assert.Equal("Assistant Director (Resources)", roles.Roles.Single(r => r.Role == StatutoryRole.Section151Officer).PostTitle);
    }

    [Fact]
    public async Task AppendixOneOfCe2109ShowsEveryPostItsBandAndWhomItIsAccountableToAsTheStructureWasApproved()
    {
        await using var officer = await _portal.SignedInAsAsync(DemoUsers.Officer);
        var charts = officer.Get<ChartService>();
        var postPages = officer.Get<PostService>();
        var appendix = Encoding.UTF8.GetString(await AnnexBytesAsync(officer, "CE 21/09", "Appendix 1"));
        var chart = await charts.ChartAsync(new DateOnly(2009, 7, 14), Ct);

        // Each line of the structure: its depth, the post, the role, the band ("JNC ... £a to £b", or none given).
        var shown = new List<(string Title, string? Above, string Band)>();
        var above = new Stack<(int Depth, string Title)>();
        foreach (var line in appendix.Split('\n').Where(l => l.Contains('|', StringComparison.Ordinal)))
        {
            var depth = (line.Length - line.TrimStart().Length) / 2;
            var parts = line.Trim().Split('|', StringSplitOptions.TrimEntries);
            while (above.Count > 0 && above.Peek().Depth >= depth)
            {
                above.Pop();
            }

            shown.Add((parts[0], above.Count == 0 ? null : above.Peek().Title, parts[2]));
            above.Push((depth, parts[0]));
        }

        var posts = new List<(string Title, string? Above, string Band)>();
        async Task WalkAsync(ChartNode node, string? parent)
        {
            var post = (await postPages.GetPostAsync(node.PostId, Ct))!;
            posts.Add((node.Title, parent, string.Create(CultureInfo.InvariantCulture, $"£{post.BandMinimum:#,0} to £{post.BandMaximum:#,0}")));
            foreach (var child in node.Children)
            {
                await WalkAsync(child, node.Title);
            }
        }

        await WalkAsync(Assert.Single(chart.Roots), null);
        Assert.Equal(9, shown.Count);
        Assert.Equal(posts.Select(p => (p.Title, p.Above)).Order(), shown.Select(s => (s.Title, s.Above)).Order());
        foreach (var (title, _, band) in posts.Where(p => p.Above is not null))
        {
            Assert.EndsWith(band, shown.Single(s => s.Title == title).Band, StringComparison.Ordinal);
        }

        // CE 21/09 gives no band for the Town Clerk and Chief Executive, and the appendix invents none.
        Assert.DoesNotContain("£", shown.Single(s => s.Above is null).Band, StringComparison.Ordinal);
        Assert.Contains("*One of the two Strategic Director posts will be designated Deputy Chief Executive", appendix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnnexAOfTheYorkReportListsThePlansOwnPrioritiesAndCountsTheirKeyActionsAndIndicators()
    {
        await using var director = await _portal.SignedInAsAsync(DemoUsers.Director);
        var annex = PdfLines(await AnnexBytesAsync(director, "CE/DP/2008", "Chief Executive's Directorate Plan"));
        var planId = (await director.Get<PlanService>().GetPlansAsync(Ct)).Single().Id;
        var plan = (await director.Get<PlanService>().GetPlanAsync(planId, null, Ct))!;
        var years = await Task.WhenAll(plan.Years.Select(async y => (await director.Get<PlanService>().GetPlanAsync(planId, y.Year, Ct))!));

        var priorities = annex.Where(l => l.StartsWith("Priority ", StringComparison.Ordinal)).ToList();
        Assert.Equal(plan.Priorities.Select(p => $"Priority {p.Number}: {p.Title}"), priorities);
        foreach (var priority in plan.Priorities)
        {
            // What the annex lists under this priority, up to the next one.
            var start = annex.IndexOf($"Priority {priority.Number}: {priority.Title}");
            var section = annex.Skip(start + 1).TakeWhile(l => !l.StartsWith("Priority ", StringComparison.Ordinal)).Select(l => l.Trim()).ToList();
            var actions = years.SelectMany(y => y.Priorities.Single(p => p.Id == priority.Id).Actions).Select(a => a.Title).Distinct().Count();
            var indicators = priority.Indicators.Count;
            Assert.Equal([$"{actions} key action{(actions == 1 ? "" : "s")} and {indicators} performance indicator{(indicators == 1 ? "" : "s")}."], section.Where(l => l.Length > 0));
            Assert.NotEmpty(priority.Indicators);

            // The report is public: the annex names no key action or indicator, which are for those signed in.
            Assert.DoesNotContain(annex, l => years.SelectMany(y => y.Priorities.Single(p => p.Id == priority.Id).Actions).Any(a => l.Contains(a.Title, StringComparison.Ordinal)));
            Assert.DoesNotContain(annex, l => priority.Indicators.Any(i => l.Contains(i.Title, StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task TheDecisionOf14July2008LinksToTheKeyActionsOfThePlansFirstYearWhichItApproved()
    {
        // Read as a councillor: the public see only how many items a decision changed, not which.
        await using var councillor = await _portal.SignedInAsAsync(DemoUsers.Member);
        var york = (await councillor.Get<ReportReadingService>().GetAsync(await ReportIdAsync("CE/DP/2008"), Ct))!;
        var decision = york.Recommendations.Single().Decision!;

        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        var plan = await db.Plans.SingleAsync(Ct);
        var firstYear = await db.Actions.Where(a => a.PlanId == plan.Id && a.Year == plan.FirstYear).Select(a => a.Id).ToListAsync(Ct);
        var linked = decision.Links.Where(l => l.Target == DecisionTarget.KeyAction).Select(l => l.TargetId).ToList();

        // The plan is moved so its third year is this year: its first year is the 2008/09 the decision was about.
        Assert.Equal(new DateOnly(2008, 7, 14), decision.DecidedOn);
        Assert.Equal(plan.OpenYear - 2, plan.FirstYear);
        Assert.Equal(3, firstYear.Count);
        Assert.Equal(firstYear.Order(), linked.Order());
    }

    [Fact]
    public async Task NoNewAssistantDirectorPostIsAdvertisedBeforeInternalCandidatesHaveHadIt()
    {
        await using var officer = await _portal.SignedInAsAsync(DemoUsers.Officer);

        var chart = await officer.Get<ChartService>().ChartAsync(null, Ct);

        var assistants = Flatten(chart.Roots).Where(n => n.Number.StartsWith("AD-", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, assistants.Count);
        // "Direction of Travel": "we will first be opening these posts to internal candidates only".
        Assert.DoesNotContain(assistants, n => n.Recruitment == RecruitmentStatus.External);
        Assert.All(assistants.Where(n => n.IsVacant), n => Assert.Equal(RecruitmentStatus.RingFencedInternal, n.Recruitment));
        Assert.Equal(2, assistants.Count(n => n.IsVacant));
    }

    [Fact]
    public async Task TheThreeStrategicChallengesOpenTheCorporateStrategyAndEveryCorporatePriorityAnswersOne()
    {
        await using var officer = await _portal.SignedInAsAsync(DemoUsers.Officer);

        var strategy = await officer.Get<ThreadTracingService>().GetStrategyAsync(Ct);

        Assert.Equal(
            [
                "The need to engage with and support our communities and residents differently",
                "The need to proactively shape economic and population growth that is good for the borough",
                "The need to be a highly effective council within a fundamentally different funding context",
            ],
            strategy.Challenges.Select(c => c.Challenge.Title));
        Assert.All(strategy.Challenges, c => Assert.NotEmpty(c.Priorities));
        Assert.Equal(4, strategy.Priorities.Count);
        Assert.Equal(strategy.Priorities.Select(p => p.Node.Id).Order(), strategy.Challenges.SelectMany(c => c.Priorities).Select(p => p.Node.Id).Order());
    }

    [Fact]
    public async Task EveryPersonSpecificationCarriesEveryCompetencyHeadingCe2109GivesItsPost()
    {
        string[] director =
        [
            "Strong, dynamic and inspirational leadership", "Strategic focus", "Corporate governance", "Political effectiveness",
            "Policy and resource management", "Customer and community focus", "Performance management", "Change management",
            "Communication", "Partnership working", "Personal qualities",
        ];
        string[] assistant =
        [
            "Leadership", "Manage and develop people", "Change orientation and management", "Work collaboratively", "Customer and community focus",
            "Personal effectiveness and development", "Personal qualities", "Communication", "Strategic thinking", "Planning and organisation",
            "Analytical thinking and decision making", "Innovation and creativity", "Political effectiveness",
        ];
        await using var officer = await _portal.SignedInAsAsync(DemoUsers.Officer);
        var posts = officer.Get<PostService>();

        foreach (var number in new[] { "SD-001", "SD-002", "AD-001", "AD-002", "AD-003", "AD-004", "AD-005", "AD-006" })
        {
            var post = (await posts.GetPostAsync(await PostIdAsync(number), Ct))!;
            var headings = post.Criteria.Select(c => c.Heading).Distinct().ToList();
            var expected = number.StartsWith("SD", StringComparison.Ordinal) ? director : assistant;
            Assert.All(expected, heading => Assert.Contains(heading, headings));
            Assert.All(expected, heading => Assert.Contains(post.Criteria, c => c.Heading == heading && c.IsEssential));
            // "For the posts of Assistant Directors for Resources and Governance, the appropriate and relevant qualifications and/or experience will be required."
            Assert.Equal(number is "AD-001" or "AD-002", headings.Contains("Other required competencies"));
        }
    }

    [Fact]
    public async Task TheChiefExecutivesBandIsMarkedAsAssumedAndTheOtherPostsTotalTheBandsCe2109Gives()
    {
        await using var officer = await _portal.SignedInAsAsync(DemoUsers.Officer);
        var posts = officer.Get<PostService>();

        var chief = (await posts.GetPostAsync(await PostIdAsync("CE-001"), Ct))!;
        var others = await Task.WhenAll(new[] { "SD-001", "SD-002", "AD-001", "AD-002", "AD-003", "AD-004", "AD-005", "AD-006" }
            .Select(async n => (await posts.GetPostAsync(await PostIdAsync(n), Ct))!));

        Assert.Contains("assumed", chief.Grade, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("CE 21/09", chief.Grade, StringComparison.Ordinal);
        // CE 21/09: the Deputy Chief Executive £74,545-£82,000, a Strategic Director £65,454-£72,000, six Assistant Directors £52,500-£58,000.
        Assert.Equal(74_545m + 65_454m + (6 * 52_500m), others.Sum(p => p.BandMinimum));
        Assert.Equal(82_000m + 72_000m + (6 * 58_000m), others.Sum(p => p.BandMaximum));
    }

    [Fact]
    public async Task EveryForwardPlanEntryIsDueAtAMeetingOfItsBodyThatIsInTheCalendar()
    {
        await using var officer = await _portal.SignedInAsAsync(DemoUsers.Officer);

        var plan = await officer.Get<ForwardPlanService>().ForwardPlanAsync(Ct);

        Assert.Equal(2, plan.Entries.Count);
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        foreach (var entry in plan.Entries)
        {
            Assert.True(
                await db.Meetings.AnyAsync(m => m.BodyId == entry.BodyId && m.Date == entry.DecisionDue && m.Status != MeetingStatus.Cancelled, Ct),
                $"{entry.Title}: no meeting of {entry.BodyName} on {entry.DecisionDue}");
        }

        var restructure = plan.Entries.Single(e => e.Title == "Senior restructure: next steps");
        var meeting = await db.Meetings.Include(m => m.Items).SingleAsync(m => m.BodyId == restructure.BodyId && m.Date == restructure.DecisionDue, Ct);
        Assert.Equal("Employment Panel", restructure.BodyName);
        Assert.Contains(meeting.Items, i => i.Title == restructure.Title && i.IsPrivate);
    }

    private static IEnumerable<ChartNode> Flatten(IEnumerable<ChartNode> nodes) => nodes.SelectMany(n => Flatten(n.Children).Prepend(n));

    /// <summary>The lines of text in one of the demo's plain PDFs: each "(...) Tj" operator, unescaped.</summary>
    private static List<string> PdfLines(byte[] pdf) =>
        [.. TextOperator().Matches(Encoding.Latin1.GetString(pdf)).Select(m => Escape().Replace(m.Groups[1].Value, e => e.Groups[1].Value))];

    private async Task<byte[]> AnnexBytesAsync(ServiceHarness.Session session, string reference, string titleStart)
    {
        var report = (await session.Get<ReportReadingService>().GetAsync(await ReportIdAsync(reference), Ct))!;
        var annex = report.Annexes.Single(a => a.Title.StartsWith(titleStart, StringComparison.Ordinal) || a.FileName.StartsWith(titleStart, StringComparison.Ordinal));
        return (await session.Get<ReportAnnexService>().AnnexFileAsync(report.Id, annex.Id, Ct))!.Bytes;
    }

    private async Task<int> ReportIdAsync(string reference)
    {
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        return await db.Reports.Where(r => r.Reference == reference).Select(r => r.Id).SingleAsync(Ct);
    }

    private async Task<int> PostIdAsync(string number)
    {
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        return await db.Posts.Where(p => p.Number == number).Select(p => p.Id).SingleAsync(Ct);
    }

    private async Task<int> MeetingIdAsync(string slug, DateOnly date)
    {
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        var body = await db.Bodies.SingleAsync(b => b.Slug == slug, Ct);
        return await db.Meetings.Where(m => m.BodyId == body.Id && m.Date == date).Select(m => m.Id).SingleAsync(Ct);
    }

    [GeneratedRegex(@"\(((?:\\.|[^\\)])*)\) Tj")]
    private static partial Regex TextOperator();

    [GeneratedRegex(@"\\(.)")]
    private static partial Regex Escape();
}

/// <summary>The Swedish demo says what Nybro's document on its KLG (seed 004) says.</summary>
public sealed class SwedishDemoSourcesTests : IAsyncLifetime
{
    private ServiceHarness _portal = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _portal = await ServiceHarness.StartAsync("sv");

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task EverySeatInTheKlgBelongsToAPostLedByTheKommunchefTheDocumentNames()
    {
        await using var kommunchef = await _portal.SignedInAsAsync("kommunchef@nybro.example");

        var klg = (await kommunchef.Get<BodyService>().GetAsync("klg", Ct))!;

        // "Medlemmar": the förvaltningschefer, the two vd, the personalchef, the kommunikationsstrateg and the kommunchef/koncernchef.
        Assert.Equal(10, klg.Members.Count);
        Assert.All(klg.Members, m => Assert.NotNull(m.PostId));
        var chair = Assert.Single(klg.Members, m => m.Role == MemberRole.Chair);
        Assert.Equal(("Kommunchef och koncernchef", "Jan Darrell"), (chair.Post, chair.Name));
        Assert.Contains(klg.Members, m => m.Post == "Vd Nybro Energi AB" && m.Name is not null);
        Assert.Contains(klg.Members, m => m.Post == "Vd Nybro Bostad AB/AB Nybro Brunn" && m.Name is not null);
        Assert.Equal("Kommunikationsstrateg", Assert.Single(klg.Members, m => m.Role == MemberRole.NoteTaker).Post);
        Assert.Contains(klg.Members, m => m.Post == "Personalchef");
    }

    [Fact]
    public async Task TheKlgsPostsAreNybrosEstablishmentPricedInKronorAtBandsMarkedAsAssumed()
    {
        await using var kommunchef = await _portal.SignedInAsAsync("kommunchef@nybro.example");
        var figures = kommunchef.Get<EstablishmentService>();
        var charts = kommunchef.Get<ChartService>();

        var view = await figures.EstablishmentAsync(null, Ct);
        var chart = await charts.ChartAsync(null, Ct);

        Assert.Equal((10, 10, 0), (view.Council.Posts, view.Council.Filled, view.Council.Vacant));
        var top = Assert.Single(chart.Roots);
        Assert.Equal(("Kommunchef och koncernchef", "Jan Darrell"), (top.Title, top.Holder));
        Assert.Contains(top.Children, c => c.Title == "Vd Nybro Energi AB");
        // Document 004 gives no salaries: every band says it is an assumption.
        Assert.All(Flatten(chart.Roots), n => Assert.Contains("antaget", n.Grade, StringComparison.Ordinal));
        Assert.EndsWith("kr", EstablishmentFormat.Money(view.Council.CostAtMinimum, view.Country), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheKlgsNotesAreDistributedToKsauAndCesam()
    {
        await using var kommunchef = await _portal.SignedInAsAsync("kommunchef@nybro.example");

        var klg = (await kommunchef.Get<BodyService>().GetAsync("klg", Ct))!;

        // "Anteckningarna anmäls på KSAU och till Cesam, publiceras på intranät": the distribution list names its recipients, so the record reads "Publicerade ... till: ...".
        var recipients = klg.ReportsTo!.Split([", ", " och "], StringSplitOptions.TrimEntries);
        Assert.Contains(recipients, r => r.EndsWith("(KSAU)", StringComparison.Ordinal));
        Assert.Contains(recipients, r => r.EndsWith("(Cesam)", StringComparison.Ordinal));
        Assert.Contains("intranätet", recipients);
    }

    private static IEnumerable<ChartNode> Flatten(IEnumerable<ChartNode> nodes) => nodes.SelectMany(n => Flatten(n.Children).Prepend(n));
}
