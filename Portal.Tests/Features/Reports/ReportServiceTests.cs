using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Reports;
using Portal.Features.Meetings;
using Portal.Features.Meetings.Calendar;
using Portal.Features.Meetings.Feeds;
using Portal.Features.Reports;
using Portal.Features.Reports.Decisions;
using Portal.Features.Reports.Drafting;
using Portal.Features.Reports.ForwardPlan;
using Portal.Features.Reports.Reading;
using Portal.Features.Reports.Workflow;
using Portal.Features.Search;
using Portal.Infrastructure.Concurrency;
using Portal.Infrastructure.Security;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Reports;

/// <summary>Reports, decisions and search on the seeded York demo, through the real services, migrations and FTS5 index.</summary>
public sealed class ReportServiceTests : IAsyncLifetime
{
    private const string ExemptWords = "redeployment";
    private ServiceHarness _portal = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _portal = await ServiceHarness.StartAsync();

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task ExemptContentNeverComesBackToSomeoneWithoutAccessFromAnyService()
    {
        var staffing = await ReportIdAsync("HR 14/09");
        var august = await MeetingIdAsync("employment-panel", new DateOnly(2009, 8, 25));
        await using var anonymous = _portal.Anonymous();
        await using var officer = await _portal.SignedInAsAsync(DemoUsers.Officer);
        await using var member = await _portal.SignedInAsAsync(DemoUsers.Member);

        foreach (var outsider in new[] { anonymous, officer })
        {
            var seen = (await outsider.Get<ReportReadingService>().GetAsync(staffing, Ct))!;
            Assert.Equal("Staffing matters: redeployment of an officer affected by the restructure", seen.Title);
            Assert.Equal(1, seen.ExemptParagraph);
            Assert.True(seen.Withheld);
            Assert.Empty(seen.Sections);
            Assert.Empty(seen.Annexes);
            Assert.Empty(seen.Questions);
            Assert.All(seen.Recommendations, r => Assert.Null(r.Text));
            Assert.Null(seen.ContactDetails);
            Assert.Null(seen.PublicInterestReason);
            Assert.Null(seen.BackgroundPapers);
            Assert.DoesNotContain("Example", Flatten(seen), StringComparison.Ordinal);

            var pack = (await outsider.Get<ReportReadingService>().PackAsync(august, Ct))!;
            var item = pack.Items.Single(i => i.Report?.Id == staffing);
            Assert.True(item.Report!.Withheld);
            Assert.DoesNotContain("Example", Flatten(pack), StringComparison.Ordinal);

            Assert.Empty((await outsider.Get<SearchService>().SearchAsync("Example redeployed Policy Lead", Ct)).Results);
            var site = new Uri("https://portal.example/");
            Assert.DoesNotContain("Example", await outsider.Get<CalendarFeedService>().BodyCalendarAsync("employment-panel", site, Ct), StringComparison.Ordinal);
            Assert.DoesNotContain("Example", await outsider.Get<CalendarFeedService>().MeetingCalendarAsync(august, site, Ct), StringComparison.Ordinal);
            Assert.DoesNotContain("Example", Flatten((await outsider.Get<MeetingService>().GetAsync(august, Ct))!), StringComparison.Ordinal);
            Assert.DoesNotContain("Example", Flatten(await outsider.Get<ReportReadingService>().ListAsync(new ReportQuery(), Ct)), StringComparison.Ordinal);
            Assert.DoesNotContain("Example", Flatten(await outsider.Get<DecisionService>().RegisterAsync(new DecisionQuery(), Ct)), StringComparison.Ordinal);
        }

        var insider = (await member.Get<ReportReadingService>().GetAsync(staffing, Ct))!;
        Assert.False(insider.Withheld);
        Assert.Contains("Ms A. Example", insider.Sections.Single(s => s.Kind == SectionKind.Summary).Text, StringComparison.Ordinal);

        // Even a member who may read it does not find its content by search: it was never indexed.
        Assert.Empty((await member.Get<SearchService>().SearchAsync("Example pay protection", Ct)).Results);
        var byTitle = await anonymous.Get<SearchService>().SearchAsync("staffing " + ExemptWords, Ct);
        var hit = Assert.Single(byTitle.Results);
        Assert.Equal($"/reports/{staffing}", hit.Url);
        Assert.DoesNotContain("Example", string.Concat(hit.Snippet.Select(r => r.Text)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExemptAnnexAndAnExemptReportsAnnexesAreNotServed()
    {
        var carlisle = await ReportIdAsync("CE 21/09");
        await using var anonymous = _portal.Anonymous();
        var report = (await anonymous.Get<ReportReadingService>().GetAsync(carlisle, Ct))!;

        Assert.Equal(["A", "B"], report.Annexes.Select(a => a.Letter));
        var file = await anonymous.Get<ReportAnnexService>().AnnexFileAsync(carlisle, report.Annexes[1].Id, Ct);
        Assert.Equal("application/pdf", file!.ContentType);
        Assert.StartsWith("%PDF-", Encoding.Latin1.GetString(file.Bytes), StringComparison.Ordinal);

        // An annex id asked for under another report, or of a report the caller may not read, is not there.
        var staffing = await ReportIdAsync("HR 14/09");
        Assert.Null(await anonymous.Get<ReportAnnexService>().AnnexFileAsync(staffing, report.Annexes[1].Id, Ct));
    }

    [Fact]
    public async Task ADraftIsSeenByItsAuthorChiefOfficerAndSecretaryOnlyAndListsWhatIsMissing()
    {
        var draft = await ReportIdAsync("CE/DP/PROGRESS");
        await using var anonymous = _portal.Anonymous();
        // Cllr Potter sits on the panel but does not chair it (a chair keeps the record, and so sees drafts).
        await using var member = await _portal.SignedInAsAsync(DemoUsers.SecondMember);
        await using var author = await _portal.SignedInAsAsync(DemoUsers.Officer);
        await using var chief = await _portal.SignedInAsAsync(DemoUsers.Director);
        await using var secretary = await _portal.SignedInAsAsync(DemoUsers.Secretary);

        Assert.Null(await anonymous.Get<ReportReadingService>().GetAsync(draft, Ct));
        Assert.Null(await member.Get<ReportReadingService>().GetAsync(draft, Ct));
        Assert.DoesNotContain((await member.Get<ReportReadingService>().ListAsync(new ReportQuery(), Ct)).Rows, r => r.Id == draft);
        Assert.NotNull(await chief.Get<ReportReadingService>().GetAsync(draft, Ct));
        Assert.NotNull(await secretary.Get<ReportReadingService>().GetAsync(draft, Ct));

        var mine = (await author.Get<ReportReadingService>().GetAsync(draft, Ct))!;
        Assert.True(mine.Rights.CanEdit);
        Assert.Contains(mine.Problems, p => p.Code == "ImplicationBlank" && p.Field == nameof(SectionKind.LegalImplications));
        Assert.Contains(mine.Problems, p => p.Code == "ReasonMissing" && p.Field == "Recommendation1");
        Assert.DoesNotContain(mine.Problems, p => p.Field == nameof(SectionKind.Summary));
        await Assert.ThrowsAsync<AccessDeniedException>(() => secretary.Get<ReportDraftingService>().WriteSectionAsync(draft, mine.Version, SectionKind.Consultation, "Sneaked in", Ct));
        var rule = await Assert.ThrowsAsync<DomainRuleException>(() => author.Get<ReportWorkflowService>().SubmitAsync(draft, mine.Version, Ct));
        Assert.Equal("Report.TemplateIncomplete", rule.Code);
    }

    [Fact]
    public async Task AReportGoesFromDraftToPublishedOnTheAgendaAndIntoSearch()
    {
        var draft = await ReportIdAsync("CE/DP/PROGRESS");
        await using var author = await _portal.SignedInAsAsync(DemoUsers.Officer);
        await using var chief = await _portal.SignedInAsAsync(DemoUsers.Director);
        await using var secretary = await _portal.SignedInAsAsync(DemoUsers.Secretary);
        await using var anonymous = _portal.Anonymous();
        var reports = author.Get<ReportDraftingService>();
        var version = (await author.Get<ReportReadingService>().GetAsync(draft, Ct))!.Version;
        foreach (var kind in ReportTemplate.Sections.Where(k => k is not SectionKind.Summary and not SectionKind.Background))
        {
            version = await reports.WriteSectionAsync(draft, version, kind, ReportTemplate.IsImplication(kind) ? "None." : $"Quarterly milestones for {kind}.", Ct);
        }

        version = await reports.ReviseRecommendationAsync(draft, version, 1, "That the Advisory Panel note the progress made.", "To keep the Panel informed of delivery.", Ct);
        version = await author.Get<ReportWorkflowService>().SubmitAsync(draft, version, Ct);
        await Assert.ThrowsAsync<AccessDeniedException>(() => author.Get<ReportWorkflowService>().ClearAsync(draft, version, Ct));
        version = await chief.Get<ReportWorkflowService>().ClearAsync(draft, version, Ct);
        await Assert.ThrowsAsync<AccessDeniedException>(() => chief.Get<ReportWorkflowService>().PublishAsync(draft, version, null, Ct));
        await secretary.Get<ReportWorkflowService>().PublishAsync(draft, version, null, Ct);

        var published = (await anonymous.Get<ReportReadingService>().GetAsync(draft, Ct))!;
        Assert.Equal(ReportStatus.Published, published.Status);
        Assert.Equal(new DateOnly(2026, 11, 25), published.ApprovedOn);
        Assert.False(published.IsLate);
        var pack = (await anonymous.Get<ReportReadingService>().PackAsync(published.Meeting!.Id, Ct))!;
        Assert.Equal(draft, pack.Items.Single(i => i.Title == "Directorate Plan: six-month progress").Report!.Id);
        var found = await anonymous.Get<SearchService>().SearchAsync("quarterly milestones", Ct);
        Assert.Contains(found.Results, r => r.Url == $"/reports/{draft}" && r.Snippet.Any(s => s.Matched));

        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        var trail = await db.AuditEntries.Where(a => a.EntityType == nameof(Report) && a.EntityId == draft.ToString(System.Globalization.CultureInfo.InvariantCulture)).CountAsync(Ct);
        Assert.True(trail >= 4, $"Each step leaves an audit entry; found {trail}.");
    }

    [Fact]
    public async Task AReportPublishedAfterTheDeadlineNeedsTheChairsReasonAndIsMarkedLate()
    {
        var draft = await ReadyDraftAsync();
        await using var secretary = await _portal.SignedInAsAsync(DemoUsers.Secretary);
        var meeting = (await secretary.Get<ReportReadingService>().GetAsync(draft, Ct))!;
        _portal.Clock.SetUtcNow(new DateTimeOffset(meeting.AgendaDeadline!.Value.AddDays(1).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));

        var rule = await Assert.ThrowsAsync<DomainRuleException>(() => secretary.Get<ReportWorkflowService>().PublishAsync(draft, meeting.Version, "", Ct));
        Assert.Equal("Report.LateReasonRequired", rule.Code);
        await secretary.Get<ReportWorkflowService>().PublishAsync(draft, meeting.Version, "Figures for the second quarter arrived late.", Ct);

        var late = (await secretary.Get<ReportReadingService>().GetAsync(draft, Ct))!;
        Assert.True(late.IsLate);
        Assert.Equal("Figures for the second quarter arrived late.", late.LateReason);
    }

    [Fact]
    public async Task AStaleEditIsRefusedNotOverwritten()
    {
        var draft = await ReportIdAsync("CE/DP/PROGRESS");
        await using var author = await _portal.SignedInAsAsync(DemoUsers.Officer);
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        var version = (await author.Get<ReportReadingService>().GetAsync(draft, Ct))!.Version;

        await admin.Get<ReportDraftingService>().WriteSectionAsync(draft, version, SectionKind.Consultation, "The administrator's words.", Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => author.Get<ReportDraftingService>().WriteSectionAsync(draft, version, SectionKind.Consultation, "The author's words.", Ct));

        var now = (await author.Get<ReportReadingService>().GetAsync(draft, Ct))!;
        Assert.Equal("The administrator's words.", now.Sections.Single(s => s.Kind == SectionKind.Consultation).Text);
    }

    [Fact]
    public async Task AMembersNoteIsTheirsAloneAndTheirQuestionIsAnsweredBesideIt()
    {
        var carlisle = await ReportIdAsync("CE 21/09");
        await using var walker = await _portal.SignedInAsAsync(DemoUsers.Member);
        await using var potter = await _portal.SignedInAsAsync(DemoUsers.SecondMember);
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        await using var anonymous = _portal.Anonymous();

        await walker.Get<ReaderToolsService>().MarkReadAsync(carlisle, true, Ct);
        await walker.Get<ReaderToolsService>().SaveNoteAsync(carlisle, null, "Ask about the Monitoring Officer's grade.", Ct);
        var question = await walker.Get<ReaderToolsService>().AskAsync(carlisle, "Which Assistant Director is the Section 151 Officer?", Ct);

        var mine = (await walker.Get<ReportReadingService>().GetAsync(carlisle, Ct))!;
        Assert.True(mine.Reading!.Read);
        Assert.Equal("Ask about the Monitoring Officer's grade.", mine.Reading.Note);
        var theirs = (await potter.Get<ReportReadingService>().GetAsync(carlisle, Ct))!;
        Assert.False(theirs.Reading!.Read);
        Assert.Null(theirs.Reading.Note);
        Assert.Empty(theirs.Questions);
        Assert.Null((await anonymous.Get<ReportReadingService>().GetAsync(carlisle, Ct))!.Reading);
        await Assert.ThrowsAsync<AccessDeniedException>(() => anonymous.Get<ReaderToolsService>().SaveNoteAsync(carlisle, null, "x", Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => potter.Get<ReaderToolsService>().AnswerAsync(carlisle, question, 1, "Not mine to answer", Ct));

        await admin.Get<ReaderToolsService>().AnswerAsync(carlisle, question, 1, "The Assistant Director (Resources).", Ct);
        var answered = Assert.Single((await walker.Get<ReportReadingService>().GetAsync(carlisle, Ct))!.Questions);
        Assert.Equal("The Assistant Director (Resources).", answered.Answer);

        // The private note is not in the audit trail either.
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        var entries = await db.AuditEntries.Where(a => a.EntityType == nameof(ReadingNote)).ToListAsync(Ct);
        Assert.NotEmpty(entries);
        Assert.DoesNotContain(entries, e => (e.Before + e.After).Contains("Monitoring Officer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnOversizedOrDisguisedAnnexIsRefusedAndNothingIsStored()
    {
        var draft = await ReportIdAsync("CE/DP/PROGRESS");
        await using var author = await _portal.SignedInAsAsync(DemoUsers.Officer);
        var version = (await author.Get<ReportReadingService>().GetAsync(draft, Ct))!.Version;
        var reports = author.Get<ReportAnnexService>();

        var big = await Assert.ThrowsAsync<DomainRuleException>(() => reports.AttachAnnexAsync(draft, version, "Everything", "all.pdf", 50L * 1024 * 1024, Stream.Null, null, Ct));
        Assert.Equal("Annex.TooLarge", big.Code);
        using var exe = new MemoryStream("MZ\u0090\0\u0003\0\0\0"u8.ToArray());
        var disguised = await Assert.ThrowsAsync<DomainRuleException>(() => reports.AttachAnnexAsync(draft, version, "Figures", "figures.pdf", exe.Length, exe, null, Ct));
        Assert.Equal("Annex.NotWhatItSays", disguised.Code);

        await using (var db = await _portal.Db.CreateDbContextAsync(Ct))
        {
            Assert.Equal(0, await db.Annexes.CountAsync(a => a.ReportId == draft, Ct));
            Assert.Equal(await db.Annexes.CountAsync(Ct), await db.AnnexContents.CountAsync(Ct));
        }

        using var csv = new MemoryStream("Indicator,Q1,Q2\nCE01,82,85\n"u8.ToArray());
        await reports.AttachAnnexAsync(draft, version, "Indicator figures", "figures.csv", csv.Length, csv, null, Ct);
        var annex = Assert.Single((await author.Get<ReportReadingService>().GetAsync(draft, Ct))!.Annexes);
        Assert.Equal(("A", "figures.csv"), (annex.Letter, annex.FileName));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("AND OR NOT")]
    [InlineData("plan\" OR \"x")]
    [InlineData("NEAR(golden thread, 2) *")]
    [InlineData("-- ; DROP TABLE Reports; --")]
    [InlineData("^title:golden")]
    public async Task SearchTakesAnyStringWithoutBreaking(string query)
    {
        await using var anonymous = _portal.Anonymous();

        var answer = await anonymous.Get<SearchService>().SearchAsync(query, Ct);

        Assert.NotNull(answer);
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        Assert.True(await db.Reports.AnyAsync(Ct));
    }

    [Fact]
    public async Task SearchRanksTheReportFirstAndRespectsWhoMaySeeTheBody()
    {
        await using var anonymous = _portal.Anonymous();
        await using var officer = await _portal.SignedInAsAsync(DemoUsers.Officer);

        var results = (await anonymous.Get<SearchService>().SearchAsync("directorate plan", Ct)).Results;
        Assert.Equal(SearchIndex.ReportKind, results[0].Kind);
        Assert.Contains("Directorate Plan", results[0].Title, StringComparison.Ordinal);
        Assert.All(results.Take(3), r => Assert.Contains("Directorate Plan", r.Title, StringComparison.Ordinal));
        Assert.Contains(results, r => r.Kind == SearchIndex.DecisionKind);
        Assert.Contains(results, r => r.Kind == SearchIndex.MinutesKind);
        Assert.True((await anonymous.Get<SearchService>().SearchAsync("   ", Ct)).NothingToSearch);

        // The EMG's published notes are for staff: an officer finds them, the public do not.
        var emg = await officer.Get<SearchService>().SearchAsync("winter", Ct);
        var publicEmg = await anonymous.Get<SearchService>().SearchAsync("winter", Ct);
        Assert.True(emg.Results.Count >= publicEmg.Results.Count);
        Assert.DoesNotContain(publicEmg.Results, r => r.Title.StartsWith("Executive Management Group", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheSecretaryRecordsADecisionPerRecommendationLinkedToThePlan()
    {
        var carlisle = await ReportIdAsync("CE 21/09");
        await using var secretary = await _portal.SignedInAsAsync(DemoUsers.Secretary);
        await using var member = await _portal.SignedInAsAsync(DemoUsers.Member);
        await using var anonymous = _portal.Anonymous();
        var recommendation = (await secretary.Get<ReportReadingService>().GetAsync(carlisle, Ct))!.Recommendations.Single();

        await Assert.ThrowsAsync<AccessDeniedException>(() => member.Get<DecisionService>().RecordAsync(
            carlisle, recommendation.Id, new DecisionEdit(0, new DateOnly(2009, 8, 25), DecisionOutcome.Approved, null, null, null, null), Ct));
        var missing = await Assert.ThrowsAsync<DomainRuleException>(() => secretary.Get<DecisionService>().RecordAsync(
            carlisle, recommendation.Id, new DecisionEdit(0, new DateOnly(2009, 8, 25), null, null, null, null, null), Ct));
        Assert.Equal(("Decision.OutcomeRequired", nameof(Decision.Outcome)), (missing.Code, missing.Field));

        await secretary.Get<DecisionService>().RecordAsync(
            carlisle, recommendation.Id,
            new DecisionEdit(0, new DateOnly(2009, 8, 25), DecisionOutcome.ApprovedAsAmended, "That the Panel's views be reflected in the final job descriptions.", "The Panel supported the roles.", "To defer the views: rejected.", "Cllr Ruth Potter: a relative works in HR."),
            Ct);
        var register = await anonymous.Get<DecisionService>().RegisterAsync(new DecisionQuery("employment-panel"), Ct);
        var row = Assert.Single(register.Rows);
        Assert.Equal(DecisionOutcome.ApprovedAsAmended, row.Outcome);

        // The links' titles are for those who may read the plan (a councillor reads every plan); the public get a count.
        var york = (await member.Get<ReportReadingService>().GetAsync(await ReportIdAsync("CE/DP/2008"), Ct))!;
        var link = york.Recommendations.Single().Decision!.Links.First(l => l.Target == DecisionTarget.KeyAction);
        var onAction = await anonymous.Get<DecisionService>().LinkedToAsync(DecisionTarget.KeyAction, link.TargetId, Ct);
        Assert.Equal(york.Id, Assert.Single(onAction).ReportId);
    }

    [Fact]
    public async Task ADecisionCarriesItsDispensationsToTheRegisterAndTheReport()
    {
        var carlisle = await ReportIdAsync("CE 21/09");
        await using var secretary = await _portal.SignedInAsAsync(DemoUsers.Secretary);
        await using var officer = await _portal.SignedInAsAsync(DemoUsers.Officer);
        await using var anonymous = _portal.Anonymous();
        var decisions = secretary.Get<DecisionService>();
        var recommendation = (await secretary.Get<ReportReadingService>().GetAsync(carlisle, Ct))!.Recommendations.Single();
        await decisions.RecordAsync(
            carlisle, recommendation.Id,
            new DecisionEdit(0, new DateOnly(2009, 8, 25), DecisionOutcome.Approved, null, null, null, "Cllr Ruth Potter: a relative works in HR."), Ct);
        var decisionId = (await secretary.Get<ReportReadingService>().GetAsync(carlisle, Ct))!.Recommendations.Single().Decision!.Id;
        var granted = new DispensationEdit(
            "Cllr Ruth Potter", "the Standards Committee", new DateOnly(2009, 8, 20), "To chair the Panel and vote on the senior restructure although a relative works in HR.");

        await Assert.ThrowsAsync<AccessDeniedException>(() => officer.Get<DecisionService>().RecordDispensationAsync(decisionId, granted, Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => anonymous.Get<DecisionService>().RecordDispensationAsync(decisionId, granted, Ct));
        var undated = await Assert.ThrowsAsync<DomainRuleException>(() => decisions.RecordDispensationAsync(decisionId, granted with { GrantedOn = null }, Ct));
        var late = await Assert.ThrowsAsync<DomainRuleException>(() => decisions.RecordDispensationAsync(decisionId, granted with { GrantedOn = new DateOnly(2009, 8, 26) }, Ct));
        Assert.Equal(("Dispensation.GrantedOnRequired", nameof(Dispensation.GrantedOn)), (undated.Code, undated.Field));
        Assert.Equal("Dispensation.AfterDecision", late.Code);
        Assert.Empty(Assert.Single((await anonymous.Get<DecisionService>().RegisterAsync(new DecisionQuery("employment-panel"), Ct)).Rows).Dispensations);

        await decisions.RecordDispensationAsync(decisionId, granted, Ct);

        var row = Assert.Single((await anonymous.Get<DecisionService>().RegisterAsync(new DecisionQuery("employment-panel"), Ct)).Rows);
        var shown = Assert.Single(row.Dispensations);
        Assert.Equal((granted.GrantedTo, granted.GrantedBy, granted.GrantedOn!.Value, granted.Scope), (shown.GrantedTo, shown.GrantedBy, shown.GrantedOn, shown.Scope));
        var onReport = (await anonymous.Get<ReportReadingService>().GetAsync(carlisle, Ct))!.Recommendations.Single().Decision!;
        Assert.Equal("Cllr Ruth Potter: a relative works in HR.", onReport.Interests);
        Assert.Equal(shown, Assert.Single(onReport.Dispensations));
        await using (var db = await _portal.Db.CreateDbContextAsync(Ct))
        {
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Dispensation) && a.Action == Portal.Infrastructure.Auditing.AuditAction.Added, Ct));
        }

        // The decision cannot now be dated before the dispensation it records.
        var version = onReport.Version;
        var moved = await Assert.ThrowsAsync<DomainRuleException>(() => decisions.RecordAsync(
            carlisle, recommendation.Id, new DecisionEdit(version, new DateOnly(2009, 8, 19), DecisionOutcome.Approved, onReport.Wording, onReport.Reasons, null, onReport.Interests), Ct));
        Assert.Equal(("Decision.DispensationAfterDecision", nameof(Decision.DecidedOn)), (moved.Code, moved.Field));

        await decisions.RemoveDispensationAsync(decisionId, shown.Id, Ct);
        Assert.Empty(Assert.Single((await anonymous.Get<DecisionService>().RegisterAsync(new DecisionQuery("employment-panel"), Ct)).Rows).Dispensations);
    }

    [Fact]
    public async Task ADispensationOnAnExemptReportsDecisionIsWithheldLikeTheDecisionItself()
    {
        var staffing = await ReportIdAsync("HR 14/09");
        await using var secretary = await _portal.SignedInAsAsync(DemoUsers.Secretary);
        await using var member = await _portal.SignedInAsAsync(DemoUsers.Member);
        await using var officer = await _portal.SignedInAsAsync(DemoUsers.Officer);
        await using var anonymous = _portal.Anonymous();
        var recommendation = (await secretary.Get<ReportReadingService>().GetAsync(staffing, Ct))!.Recommendations.Single();
        await secretary.Get<DecisionService>().RecordAsync(
            staffing, recommendation.Id, new DecisionEdit(0, new DateOnly(2009, 8, 25), DecisionOutcome.Approved, null, null, null, "Cllr Ruth Potter: knows Ms Example."), Ct);
        var decisionId = (await secretary.Get<ReportReadingService>().GetAsync(staffing, Ct))!.Recommendations.Single().Decision!.Id;

        await secretary.Get<DecisionService>().RecordDispensationAsync(
            decisionId, new DispensationEdit("Cllr Ruth Potter", "the Monitoring Officer", new DateOnly(2009, 8, 24), "To vote on Ms Example's redeployment."), Ct);

        foreach (var outsider in new[] { anonymous, officer })
        {
            var row = (await outsider.Get<DecisionService>().RegisterAsync(new DecisionQuery("employment-panel"), Ct)).Rows.Single(r => r.ReportId == staffing);
            Assert.Null(row.Wording);
            Assert.Empty(row.Dispensations);
            Assert.Empty((await outsider.Get<ReportReadingService>().GetAsync(staffing, Ct))!.Recommendations.Single().Decision!.Dispensations);
            Assert.DoesNotContain("Example", Flatten(await outsider.Get<DecisionService>().RegisterAsync(new DecisionQuery(), Ct)), StringComparison.Ordinal);
            Assert.DoesNotContain("Example", Flatten((await outsider.Get<ReportReadingService>().GetAsync(staffing, Ct))!), StringComparison.Ordinal);
        }

        var insider = (await member.Get<DecisionService>().RegisterAsync(new DecisionQuery("employment-panel"), Ct)).Rows.Single(r => r.ReportId == staffing);
        Assert.Equal("Cllr Ruth Potter", Assert.Single(insider.Dispensations).GrantedTo);
    }

    [Fact]
    public async Task TheForwardPlanWarnsOfShortNotice()
    {
        await using var officer = await _portal.SignedInAsAsync(DemoUsers.Officer);

        var plan = await officer.Get<ForwardPlanService>().ForwardPlanAsync(Ct);

        Assert.Contains(plan.Entries, e => e.Title == "Senior restructure: next steps" && e.ShortNotice && e.ClearDays < 28);
        Assert.Contains(plan.Entries, e => e.Title == "Corporate Strategy refresh 2027-2030" && !e.ShortNotice);
        var rule = await Assert.ThrowsAsync<DomainRuleException>(() => officer.Get<ForwardPlanService>().GiveNoticeAsync(new ForwardPlanEdit("X", plan.Entries[0].BodyId, null, null, null, null), Ct));
        Assert.Equal(nameof(ForwardPlanEntry.DecisionDue), rule.Field);
    }

    [Fact]
    public async Task NoticeGivenTodayIsCountedInCalendarClearDaysAcrossChristmas()
    {
        // Today is Wednesday 25 November 2026. A decision on Thursday 24 December has 26 November to 23 December,
        // 28 clear days (only 20 of them working days); one on Wednesday 23 December has 27.
        await using var officer = await _portal.SignedInAsAsync(DemoUsers.Officer);
        var decisions = officer.Get<ForwardPlanService>();
        var body = (await decisions.ForwardPlanAsync(Ct)).Entries[0].BodyId;

        await decisions.GiveNoticeAsync(new ForwardPlanEdit("Waste collection contract", body, new DateOnly(2026, 12, 24), null, null, null), Ct);
        await decisions.GiveNoticeAsync(new ForwardPlanEdit("Parking charges", body, new DateOnly(2026, 12, 23), null, null, null), Ct);
        var plan = await decisions.ForwardPlanAsync(Ct);

        var enough = plan.Entries.Single(e => e.Title == "Waste collection contract");
        var shortOne = plan.Entries.Single(e => e.Title == "Parking charges");
        Assert.Equal((new DateOnly(2026, 11, 25), 28, false), (enough.NoticeGivenOn, enough.ClearDays, enough.ShortNotice));
        Assert.Equal((27, true), (shortOne.ClearDays, shortOne.ShortNotice));
    }

    private async Task<int> ReadyDraftAsync()
    {
        var draft = await ReportIdAsync("CE/DP/PROGRESS");
        await using var author = await _portal.SignedInAsAsync(DemoUsers.Officer);
        await using var chief = await _portal.SignedInAsAsync(DemoUsers.Director);
        var reports = author.Get<ReportDraftingService>();
        var version = (await author.Get<ReportReadingService>().GetAsync(draft, Ct))!.Version;
        foreach (var kind in ReportTemplate.Sections.Where(k => k is not SectionKind.Summary and not SectionKind.Background))
        {
            version = await reports.WriteSectionAsync(draft, version, kind, "None.", Ct);
        }

        version = await reports.ReviseRecommendationAsync(draft, version, 1, "That the Panel note the progress made.", "To keep the Panel informed.", Ct);
        version = await author.Get<ReportWorkflowService>().SubmitAsync(draft, version, Ct);
        await chief.Get<ReportWorkflowService>().ClearAsync(draft, version, Ct);
        return draft;
    }

    private async Task<int> ReportIdAsync(string reference)
    {
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        return await db.Reports.Where(r => r.Reference == reference).Select(r => r.Id).SingleAsync(Ct);
    }

    private async Task<int> MeetingIdAsync(string body, DateOnly date)
    {
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        var bodyId = await db.Bodies.Where(b => b.Slug == body).Select(b => b.Id).SingleAsync(Ct);
        return await db.Meetings.Where(m => m.BodyId == bodyId && m.Date == date).Select(m => m.Id).SingleAsync(Ct);
    }

    /// <summary>Everything a service returned, as text, so a test can say a phrase is nowhere in it.</summary>
    private static string Flatten(object value) => System.Text.Json.JsonSerializer.Serialize(value);
}
