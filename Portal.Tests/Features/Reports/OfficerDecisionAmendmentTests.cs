using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Reports;
using Portal.Features.Reports.OfficerDecisions;
using Portal.Infrastructure.Concurrency;
using Portal.Infrastructure.Security;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Reports;

/// <summary>
/// Amending a published officer decision on the York demo (Heather Rice's contract award): dated,
/// with a reason, the version it replaces kept and shown, audited; a stale amendment, one with no
/// reason, and one by someone who is neither the maker nor the proper officer are refused.
/// </summary>
public sealed class OfficerDecisionAmendmentTests : IAsyncLifetime
{
    private ServiceHarness _portal = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _portal = await ServiceHarness.StartAsync();

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    private static OfficerDecisionText Changed(OfficerDecisionView v, string title) => new(
        title, v.MakerKind, v.MakerId, v.Delegation, v.DecidedOn, v.Decision, v.Reasons, v.Alternatives, v.Interests, v.Dispensations, v.BackgroundPapers,
        v.ExemptParagraph, v.IsKeyDecision, v.SubjectToCallIn);

    [Fact]
    public async Task TheMakerAmendsThePublishedRecordAndTheVersionItReplacesIsKeptAndShown()
    {
        int id;
        await using (var db = await _portal.Db.CreateDbContextAsync(Ct))
        {
            id = await db.OfficerDecisions.OrderBy(d => d.Id).Select(d => d.Id).FirstAsync(Ct);
        }

        await using var director = await _portal.SignedInAsAsync(DemoUsers.Director);
        var decisions = director.Get<OfficerDecisionService>();
        var before = await decisions.GetAsync(id, Ct);
        Assert.True(before.Rights.CanAmend);

        var noReason = await Assert.ThrowsAsync<DomainRuleException>(() => decisions.AmendAsync(id, before.Version, Changed(before, "Award of the performance system contract"), " ", Ct));
        Assert.Equal(("OfficerDecision.AmendmentReasonRequired", "AmendmentReason"), (noReason.Code, noReason.Field));
        foreach (var email in new[] { DemoUsers.Officer, DemoUsers.Member })
        {
            await using var other = await _portal.SignedInAsAsync(email);
            await Assert.ThrowsAsync<AccessDeniedException>(() => other.Get<OfficerDecisionService>().AmendAsync(id, before.Version, Changed(before, "Not theirs"), "Because", Ct));
        }

        await decisions.AmendAsync(id, before.Version, Changed(before, "Award of the performance system contract"), "The title named the wrong system.", Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            decisions.AmendAsync(id, before.Version, Changed(before, "A stale title"), "Stale", Ct));

        await using var visitor = _portal.Anonymous();
        var after = await visitor.Get<OfficerDecisionService>().GetAsync(id, Ct);
        Assert.Equal("Award of the performance system contract", after.Title);
        var amendment = Assert.Single(after.Amendments!);
        Assert.Equal((1, before.Title, "Heather Rice", "The title named the wrong system."), (amendment.Number, amendment.Title, amendment.AmendedBy, amendment.Reason));
        Assert.Equal(before.Decision, amendment.Decision);
        Assert.True(amendment.AmendedOn >= before.PublishedOn);

        await using var check = await _portal.Db.CreateDbContextAsync(Ct);
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await check.AuditEntries.AnyAsync(a => a.EntityType == nameof(OfficerDecision) && a.EntityId == key && a.ActorName == "Heather Rice", Ct));
    }
    [Fact]
    public async Task AnExemptDecisionOpenedByAnAmendmentKeepsItsExemptWordingWithheld()
    {
        int id;
        await using (var db = await _portal.Db.CreateDbContextAsync(Ct))
        {
            id = await db.OfficerDecisions.Where(d => d.ExemptParagraph != null).OrderBy(d => d.Id).Select(d => d.Id).FirstAsync(Ct);
        }

        await using var director = await _portal.SignedInAsAsync(DemoUsers.Director);
        var decisions = director.Get<OfficerDecisionService>();
        var exempt = await decisions.GetAsync(id, Ct);
        Assert.NotNull(exempt.Decision);
        var opened = Changed(exempt, exempt.Title) with { ExemptParagraph = null, Decision = "The post is regraded; the details are published with the staffing report." };
        await decisions.AmendAsync(id, exempt.Version, opened, "Exempt wording replaced once the staff were told.", Ct);

        await using var visitor = _portal.Anonymous();
        var seen = await visitor.Get<OfficerDecisionService>().GetAsync(id, Ct);
        Assert.Equal("The post is regraded; the details are published with the staffing report.", seen.Decision);
        var before = Assert.Single(seen.Amendments!);
        Assert.Equal((null, null, null, null), (before.Decision, before.Reasons, before.Delegation, before.Reason));

        var asMaker = Assert.Single((await decisions.GetAsync(id, Ct)).Amendments!);
        Assert.Equal(exempt.Decision, asMaker.Decision);
    }
}
