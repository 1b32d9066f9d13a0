using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Thread;
using Portal.Features.Thread.Appraisals;
using Portal.Features.Thread.Coverage;
using Portal.Features.Thread.Editing;
using Portal.Features.Thread.Tracing;
using Portal.Infrastructure.Security;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Thread;

/// <summary>The golden thread on the seeded York demo: tracing, coverage, adding objectives and appraisal privacy.</summary>
public sealed class ThreadServiceTests : IAsyncLifetime
{
    private const string GracesObjective = "Train two new committee clerks";
    private ServiceHarness _portal = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _portal = await ServiceHarness.StartAsync();

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task AMemberOfStaffSeesEachObjectiveTracedLevelByLevelToTheCommunityStrategy()
    {
        await using var barbara = await _portal.SignedInAsAsync(DemoUsers.Officer);

        var mine = await barbara.Get<ThreadTracingService>().GetMyObjectivesAsync(Ct);

        Assert.Equal(("Barbara Boyce", "2026/27"), (mine.PersonName, mine.YearLabel));
        Assert.Equal(2, mine.Objectives.Count);
        var clinics = mine.Objectives[0];
        var path = Assert.Single(clinics.Paths);
        Assert.Equal([ThreadLevel.Appraisal, ThreadLevel.TeamWorkplan, ThreadLevel.ServicePlan, ThreadLevel.DirectoratePlan, ThreadLevel.CorporateStrategy, ThreadLevel.CommunityStrategy], path.Select(n => n.Level));
        Assert.Equal("Everyone can take part in the life of the city", path[^1].Title);
        Assert.Equal("Improve performance and value for money", path[3].Title);
        Assert.All(path, n => Assert.False(n.IsPrivate));

        // The survey item serves two service objectives: both paths are shown, the primary first.
        var survey = mine.Objectives[1];
        Assert.Equal(2, survey.Paths.Count);
        Assert.Equal("Refresh the planning framework so every service plan names its directorate priority", survey.Paths[0][2].Title);
    }

    [Fact]
    public async Task ADirectorSeesCountsButNeverTheObjectivesOfSomeoneOutsideTheirLineManagementChain()
    {
        await using var director = await _portal.SignedInAsAsync(DemoUsers.Director);
        var tracingService = director.Get<ThreadTracingService>();
        var coverageService = director.Get<ThreadCoverageService>();
        var editingService = director.Get<ThreadEditingService>();
        var (agendas, gracesObjective) = await NodesAsync("Publish every agenda five clear days before the meeting", GracesObjective);

        var item = await tracingService.TraceAsync(agendas, Ct);
        var objective = await tracingService.TraceAsync(gracesObjective, Ct);
        var coverage = await coverageService.GetCoverageAsync(Ct);
        var search = await editingService.SearchLevelAboveAsync(ThreadLevel.Appraisal, "clerk", Ct);
        var strategy = await tracingService.GetStrategyAsync(Ct);

        var child = Assert.Single(item!.Children);
        Assert.True(child.IsPrivate);
        Assert.Equal((null, null, Portal.Domain.Plans.Rag.NotRated), (child.Title, child.Owner, child.Rag));
        Assert.Equal(1, item.CountBelow[ThreadLevel.Appraisal]);
        Assert.True(objective!.Item.IsPrivate);
        var everything = JsonSerializer.Serialize(new object[] { item, objective, coverage, search, strategy });
        Assert.DoesNotContain(GracesObjective, everything, StringComparison.Ordinal);
        Assert.Equal((null, null), (objective.Item.Title, objective.Item.Owner));

        // Her own line: Priya reports to Barbara, who reports to Heather.
        var (_, priyas) = await NodesAsync("Run and analyse the residents' survey", "Clean and weight the survey data");
        Assert.Equal("Clean and weight the survey data", (await tracingService.TraceAsync(priyas, Ct))!.Item.Title);
    }

    [Fact]
    public async Task TheExplorerOpensATeamItemToTheObjectivesTheReaderMayReadAndCountsTheRest()
    {
        var (agendas, _) = await NodesAsync("Publish every agenda five clear days before the meeting", GracesObjective);
        var (survey, priyas) = await NodesAsync("Run and analyse the residents' survey", "Clean and weight the survey data");
        await using var barbara = await _portal.SignedInAsAsync(DemoUsers.Officer);
        await using var director = await _portal.SignedInAsAsync(DemoUsers.Director);

        // Barbara manages Priya: the survey item opens onto Priya's objective and Barbara's own.
        var underSurvey = await barbara.Get<ThreadCoverageService>().ExpandAsync(survey, Ct);
        Assert.Contains(underSurvey, n => n.View.Node == priyas && n.View.Title == "Clean and weight the survey data");
        Assert.Contains(underSurvey, n => n.View.Title == "Lead the analysis of the residents' survey");
        Assert.All(underSurvey, n => Assert.False(n.CanExpand));

        // Grace's objective is hers and her managers': the director, outside her line, gets nothing under the agenda item; Grace gets hers.
        await using var grace = await _portal.SignedInAsAsync(DemoUsers.Secretary);
        Assert.Empty(await director.Get<ThreadCoverageService>().ExpandAsync(agendas, Ct));
        var underAgendas = Assert.Single(await grace.Get<ThreadCoverageService>().ExpandAsync(agendas, Ct));
        Assert.Equal(GracesObjective, underAgendas.View.Title);
    }

    [Fact]
    public async Task AdministratorsActingAsHrReadEveryObjective()
    {
        await using var admin = await _portal.SignedInAsAsync(DemoUsers.Administrator);
        var (_, gracesObjective) = await NodesAsync("Publish every agenda five clear days before the meeting", GracesObjective);

        var trace = await admin.Get<ThreadTracingService>().TraceAsync(gracesObjective, Ct);

        Assert.Equal((GracesObjective, "Grace Okafor"), (trace!.Item.Title, trace.Item.Owner));
    }

    [Fact]
    public async Task CoverageFindsTheBrokenThreadsTheOrphansAndEachDirectoratesShare()
    {
        await using var director = await _portal.SignedInAsAsync(DemoUsers.Director);

        var coverage = await director.Get<ThreadCoverageService>().GetCoverageAsync(Ct);

        Assert.Contains(coverage.BrokenThreads, b => b.Level == ThreadLevel.CorporateStrategy && b.Title == "Support a strong local economy");
        Assert.Contains(coverage.BrokenThreads, b => b.Level == ThreadLevel.DirectoratePlan && b.Title == "Strengthen local democracy");
        Assert.DoesNotContain(coverage.BrokenThreads, b => b.Title == "Develop our people");
        Assert.Contains(coverage.Orphans, o => o.Level == ThreadLevel.TeamWorkplan && o.Title == "Publish every agenda five clear days before the meeting");
        Assert.Contains(coverage.Orphans, o => o.Level == ThreadLevel.ServicePlan && o.Title == "Close the accounts by 31 May");
        Assert.Contains(coverage.Orphans, o => o.Level == ThreadLevel.Appraisal && o.Title == "Complete the data analysis course");
        Assert.DoesNotContain(coverage.Orphans, o => o.Level == ThreadLevel.CommunityStrategy);
        var cex = coverage.Directorates.Single(d => d.Name == "Chief Executive's Directorate");
        Assert.Equal((7, 5, 71), (cex.Staff, cex.StaffWithLinkedObjective, cex.Percent));
    }

    [Fact]
    public async Task CouncillorsTraceTheThreadButDoNotGetTheCoverageReport()
    {
        await using var member = await _portal.SignedInAsAsync(DemoUsers.Member);

        var strategy = await member.Get<ThreadTracingService>().GetStrategyAsync(Ct);

        Assert.Equal(5, strategy.Ambitions.Count);
        Assert.Equal(3, strategy.Challenges.Count);
        await Assert.ThrowsAsync<AccessDeniedException>(() => member.Get<ThreadCoverageService>().GetCoverageAsync(Ct));
        await using var anonymous = _portal.Anonymous();
        await Assert.ThrowsAsync<AccessDeniedException>(() => anonymous.Get<ThreadTracingService>().GetStrategyAsync(Ct));
    }

    [Fact]
    public async Task AnObjectiveIsAddedLinkedToTheTeamsWorkplanAndBadOnesSaveNothing()
    {
        await using var barbara = await _portal.SignedInAsAsync(DemoUsers.Officer);
        var editingService = barbara.Get<ThreadEditingService>();
        var appraisalService = barbara.Get<AppraisalService>();
        var tracingService = barbara.Get<ThreadTracingService>();
        var candidates = await editingService.SearchLevelAboveAsync(ThreadLevel.Appraisal, "clinic", Ct);
        var clinics = Assert.Single(candidates);
        var (service, _) = await NodesAsync("Report performance to the Executive every quarter", GracesObjective);

        var skips = await Assert.ThrowsAsync<DomainRuleException>(() => appraisalService.AddObjectiveAsync("Coach two new analysts", null, null, service.Id, Ct));
        var blank = await Assert.ThrowsAsync<DomainRuleException>(() => appraisalService.AddObjectiveAsync(" ", null, null, clinics.Node.Id, Ct));
        await appraisalService.AddObjectiveAsync("Coach two new analysts", "Both run a clinic alone", new DateOnly(2027, 3, 1), clinics.Node.Id, Ct);

        Assert.Equal("Thread.LinkSkipsLevel", skips.Code);
        Assert.Equal("Objective.TextRequired", blank.Code);
        var mine = await tracingService.GetMyObjectivesAsync(Ct);
        Assert.Equal(3, mine.Objectives.Count);
        var added = mine.Objectives[^1];
        Assert.Equal(("Coach two new analysts", ThreadLevel.CommunityStrategy), (added.Text, Assert.Single(added.Paths)[^1].Level));
    }

    [Fact]
    public async Task TheCoverageCsvMasksObjectivesTheReaderMayNotRead()
    {
        await _portal.AddPersonWithSignInAsync("officer.finance@york.example", "Fay Nance", Roles.Officer, "Finance");
        await using var outsider = await _portal.SignedInAsAsync("officer.finance@york.example");
        await using var manager = await _portal.SignedInAsAsync(DemoUsers.Officer);

        var masked = System.Text.Encoding.UTF8.GetString((await outsider.Get<ThreadCoverageService>().ExportCoverageAsync(Ct)).Content);
        var readable = System.Text.Encoding.UTF8.GetString((await manager.Get<ThreadCoverageService>().ExportCoverageAsync(Ct)).Content);

        Assert.Contains("Orphan,Appraisal,(private)", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("Complete the data analysis course", masked, StringComparison.Ordinal);
        Assert.Contains("Orphan,Appraisal,Complete the data analysis course", readable, StringComparison.Ordinal);
        Assert.Contains("Broken thread,CorporateStrategy,Support a strong local economy", masked, StringComparison.Ordinal);
        Assert.Contains("Directorate share,,Chief Executive's Directorate,,,,7,5,71", masked, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADirectorLinksAnOrphanWhereItIsShownAndAnOwnerSetsTheirItemsStatus()
    {
        await using var director = await _portal.SignedInAsAsync(DemoUsers.Director);
        await using var officer = await _portal.SignedInAsAsync(DemoUsers.Officer);
        var editingService = director.Get<ThreadEditingService>();
        var coverageService = director.Get<ThreadCoverageService>();
        var tracingService = director.Get<ThreadTracingService>();
        var (agendas, _) = await NodesAsync("Publish every agenda five clear days before the meeting", GracesObjective);
        var (reporting, _) = await NodesAsync("Report performance to the Executive every quarter", GracesObjective);
        var (framework, _) = await NodesAsync("Refresh the planning framework so every service plan names its directorate priority", GracesObjective);
        var (clinics, barbarasObjective) = await NodesAsync("Run a performance clinic with every directorate each quarter", "Hold four performance clinics with each directorate this year");
        var (form, _) = await NodesAsync("Launch the online appraisal form", GracesObjective);

        Assert.True((await editingService.GetEditingAsync(agendas, Ct)).CanEdit);
        await editingService.LinkAsync(agendas, reporting, Ct);
        await editingService.LinkAsync(agendas, framework, Ct);
        var skips = await Assert.ThrowsAsync<DomainRuleException>(() => editingService.LinkAsync(agendas, new ThreadNode(ThreadLevel.CorporateStrategy, 1), Ct));
        var twice = await Assert.ThrowsAsync<DomainRuleException>(() => editingService.LinkAsync(agendas, reporting, Ct));

        Assert.Equal(("Thread.LinkSkipsLevel", "Thread.AlreadyLinked"), (skips.Code, twice.Code));
        Assert.DoesNotContain((await coverageService.GetCoverageAsync(Ct)).Orphans, o => o.Node == agendas);
        var editing = await editingService.GetEditingAsync(agendas, Ct);
        Assert.Equal([(reporting, true), (framework, false)], editing.Parents.Select(p => (p.Parent.Node, p.IsPrimary)));

        await editingService.UnlinkAsync(agendas, reporting, Ct);
        Assert.Equal([(framework, true)], (await editingService.GetEditingAsync(agendas, Ct)).Parents.Select(p => (p.Parent.Node, p.IsPrimary)));

        // Barbara owns the clinics item and her own objective, but not the HR item.
        await officer.Get<ThreadEditingService>().SetStatusAsync(clinics, ThreadStatus.AtRisk, Ct);
        await officer.Get<ThreadEditingService>().SetStatusAsync(barbarasObjective, ThreadStatus.Achieved, Ct);
        await Assert.ThrowsAsync<AccessDeniedException>(() => officer.Get<ThreadEditingService>().SetStatusAsync(form, ThreadStatus.Achieved, Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => officer.Get<ThreadEditingService>().LinkAsync(form, reporting, Ct));
        Assert.Equal(Portal.Domain.Plans.Rag.Amber, (await tracingService.TraceAsync(clinics, Ct))!.Item.Rag);
        Assert.Equal(Portal.Domain.Plans.Rag.Completed, (await officer.Get<ThreadTracingService>().GetMyObjectivesAsync(Ct)).Objectives[0].Rag);
    }

    [Fact]
    public async Task AManagerRatesAReviewThePersonCommentsAndNobodyElseReadsIt()
    {
        await using var heather = await _portal.SignedInAsAsync(DemoUsers.Director);
        await using var barbara = await _portal.SignedInAsAsync(DemoUsers.Officer);
        int barbaraId, graceId;
        await using (var db = await _portal.Db.CreateDbContextAsync(Ct))
        {
            barbaraId = await db.People.Where(p => p.DisplayName == "Barbara Boyce").Select(p => p.Id).SingleAsync(Ct);
            graceId = await db.People.Where(p => p.DisplayName == "Grace Okafor").Select(p => p.Id).SingleAsync(Ct);
        }

        Assert.Contains(await heather.Get<AppraisalService>().GetDirectReportsAsync(Ct), r => r.Name == "Barbara Boyce");
        await heather.Get<AppraisalService>().RateReviewAsync(barbaraId, ReviewStage.YearEnd, ReviewRating.Exceeded, "Clinics in every directorate.", Ct);
        await barbara.Get<AppraisalService>().CommentOnReviewAsync(barbaraId, ReviewStage.YearEnd, "Thanks: Resources joined in March.", Ct);
        await Assert.ThrowsAsync<AccessDeniedException>(() => barbara.Get<AppraisalService>().RateReviewAsync(barbaraId, ReviewStage.YearEnd, ReviewRating.Exceeded, null, Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => heather.Get<AppraisalService>().GetAppraisalAsync(graceId, Ct));

        var appraisal = await barbara.Get<AppraisalService>().GetAppraisalAsync(barbaraId, Ct);
        var yearEnd = appraisal.Reviews.Single(r => r.Stage == ReviewStage.YearEnd);
        Assert.Equal((ReviewRating.Exceeded, "Clinics in every directorate.", "Thanks: Resources joined in March."), (yearEnd.Rating!.Value, yearEnd.ManagerComment, yearEnd.PersonComment));
        Assert.Equal((true, false), (appraisal.CanComment, appraisal.CanRate));

        await using (var db = await _portal.Db.CreateDbContextAsync(Ct))
        {
            var stored = await db.Appraisals.SingleAsync(a => a.PersonId == barbaraId, Ct);
            stored.Close();
            await db.SaveChangesAsync(Ct);
        }

        var closed = await Assert.ThrowsAsync<DomainRuleException>(() => barbara.Get<AppraisalService>().CommentOnReviewAsync(barbaraId, ReviewStage.MidYear, "Late", Ct));
        Assert.Equal("Appraisal.Closed", closed.Code);
    }

    [Fact]
    public async Task ADirectorAddsATeamItemBeneathAServiceObjectiveAlreadyLinked()
    {
        await using var director = await _portal.SignedInAsAsync(DemoUsers.Director);
        var editingService = director.Get<ThreadEditingService>();
        var tracingService = director.Get<ThreadTracingService>();
        var (reporting, _) = await NodesAsync("Report performance to the Executive every quarter", GracesObjective);
        var (units, people) = await editingService.GetAddChoicesAsync(reporting, Ct);
        var team = units.Single(u => u.Name == "Business and Performance");

        var wrongUnit = await Assert.ThrowsAsync<DomainRuleException>(() => editingService.AddBeneathAsync(reporting, 1, "Benchmark reports", null, Ct));
        var blank = await Assert.ThrowsAsync<DomainRuleException>(() => editingService.AddBeneathAsync(reporting, team.Id, " ", null, Ct));
        var added = await editingService.AddBeneathAsync(reporting, team.Id, "Benchmark our reports against other councils", people[0].Id, Ct);

        Assert.Equal(("Thread.ChooseTeam", "Thread.TitleRequired"), (wrongUnit.Code, blank.Code));
        var trace = (await tracingService.TraceAsync(added, Ct))!;
        Assert.Equal(ThreadLevel.TeamWorkplan, trace.Item.Level);
        Assert.Equal([ThreadLevel.TeamWorkplan, ThreadLevel.ServicePlan, ThreadLevel.DirectoratePlan, ThreadLevel.CorporateStrategy, ThreadLevel.CommunityStrategy], trace.Paths[0].Select(n => n.Level));
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        Assert.Equal(0, await db.ThreadItems.CountAsync(i => i.Title == " " || i.Title == "Benchmark reports", Ct));
    }

    private async Task<(ThreadNode Item, ThreadNode Objective)> NodesAsync(string itemTitle, string objectiveText)
    {
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        var item = await db.ThreadItems.SingleAsync(i => i.Title == itemTitle, Ct);
        var objective = await db.AppraisalObjectives.SingleAsync(o => o.Text == objectiveText, Ct);
        return (new ThreadNode(item.Level, item.Id), new ThreadNode(ThreadLevel.Appraisal, objective.Id));
    }
}
