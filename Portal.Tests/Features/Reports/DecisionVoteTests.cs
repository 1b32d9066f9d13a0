using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Meetings;
using Portal.Domain.Reports;
using Portal.Features.Meetings.Votes;
using Portal.Features.Reports.Decisions;
using Portal.Features.Reports.Reading;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Reports;

/// <summary>
/// A vote recorded at a meeting is linked to the decision that records it, on Carlisle's Employment
/// Panel of 25 August 2009: the register and the report show the result and who voted how; a vote
/// from another meeting, or one whose result contradicts the outcome, is refused beside the field.
/// </summary>
public sealed class DecisionVoteTests : IAsyncLifetime
{
    private ServiceHarness _portal = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _portal = await ServiceHarness.StartAsync();

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task TheDecisionShowsTheVoteThatDecidedItAndRefusesOneThatCannotHave()
    {
        await using var db = await _portal.Db.CreateDbContextAsync(Ct);
        var meeting = await db.Meetings.Include(m => m.Items).SingleAsync(m => m.Date == new DateOnly(2009, 8, 25), Ct);
        var item = meeting.Items.OrderBy(i => i.Number).First().Id;
        var carlisle = await db.Reports.Where(r => r.Reference == "CE 21/09").Select(r => r.Id).SingleAsync(Ct);
        var potter = await db.People.Where(p => p.DisplayName == "Cllr Ruth Potter").Select(p => p.Id).SingleAsync(Ct);
        var elsewhere = await db.Votes.Where(v => v.MeetingId != meeting.Id).OrderBy(v => v.Id).Select(v => v.Id).FirstAsync(Ct);
        await using var secretary = await _portal.SignedInAsAsync(DemoUsers.Secretary);
        var vote = await secretary.Get<VoteService>().RecordAsync(
            meeting.Id, new VoteEdit(0, item, "That the job descriptions be endorsed", true, null, null, null, [new BallotCast(potter, VoteChoice.For)], potter, null), Ct);
        var recommendation = (await secretary.Get<ReportReadingService>().GetAsync(carlisle, Ct))!.Recommendations.Single();
        var decisions = secretary.Get<DecisionService>();
        DecisionEdit Edit(DecisionOutcome outcome, int? voteId, int version = 0) => new(version, meeting.Date, outcome, "That the job descriptions be endorsed.", null, null, null, voteId);

        var contradicts = await Assert.ThrowsAsync<DomainRuleException>(() => decisions.RecordAsync(carlisle, recommendation.Id, Edit(DecisionOutcome.Rejected, vote), Ct));
        Assert.Equal(("Decision.VoteDisagrees", nameof(Decision.VoteId)), (contradicts.Code, contradicts.Field));
        var other = await Assert.ThrowsAsync<DomainRuleException>(() => decisions.RecordAsync(carlisle, recommendation.Id, Edit(DecisionOutcome.Approved, elsewhere), Ct));
        Assert.Equal("Decision.VoteElsewhere", other.Code);

        // A vote taken in private (on the exempt report's item) never decides this open report: its result and names would be public.
        var privateItem = meeting.Items.Where(i => i.IsPrivate).Select(i => i.Id).First();
        var secret = await secretary.Get<VoteService>().RecordAsync(
            meeting.Id, new VoteEdit(0, privateItem, "That the post be regraded", true, null, null, null, [new BallotCast(potter, VoteChoice.For)], potter, null), Ct);
        var hidden = await Assert.ThrowsAsync<DomainRuleException>(() => decisions.RecordAsync(carlisle, recommendation.Id, Edit(DecisionOutcome.Approved, secret), Ct));
        Assert.Equal(("Decision.VoteElsewhere", nameof(Decision.VoteId)), (hidden.Code, hidden.Field));
        var version = await decisions.RecordAsync(carlisle, recommendation.Id, Edit(DecisionOutcome.Approved, vote), Ct);

        await using var anonymous = _portal.Anonymous();
        var row = Assert.Single((await anonymous.Get<DecisionService>().RegisterAsync(new DecisionQuery("employment-panel"), Ct)).Rows);
        Assert.NotNull(row.Vote);
        Assert.Equal((VoteResult.Carried, 1, 0, 0, true), (row.Vote.Result, row.Vote.For, row.Vote.Against, row.Vote.Abstain, row.Vote.IsRecorded));
        Assert.Equal(new DecisionBallot("Cllr Ruth Potter", VoteChoice.For), Assert.Single(row.Vote.Ballots));
        var onReport = (await anonymous.Get<ReportReadingService>().GetAsync(carlisle, Ct))!.Recommendations.Single().Decision!;
        Assert.Equal(vote, onReport.Vote?.Id);

        // The vote can be unlinked again (no vote was taken after all).
        await decisions.RecordAsync(carlisle, recommendation.Id, Edit(DecisionOutcome.Approved, null, version), Ct);
        Assert.Null(Assert.Single((await anonymous.Get<DecisionService>().RegisterAsync(new DecisionQuery("employment-panel"), Ct)).Rows).Vote);
    }
}
