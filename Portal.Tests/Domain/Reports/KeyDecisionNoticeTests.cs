using Portal.Domain.Common;
using Portal.Domain.Reports;

namespace Portal.Tests.Domain.Reports;

public sealed class KeyDecisionNoticeTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    private static KeyDecisionNoticeText Text(KeyDecisionNoticeKind kind, DateOnly due) =>
        new(kind, "Emergency repairs to the Guildhall roof", 3, due, "Storm damage found on 30 November.", "Cllr Ann Reid", Today, null);

    [Fact]
    public void AGeneralExceptionNeedsFiveClearDays()
    {
        var error = Assert.Throws<DomainRuleException>(() => KeyDecisionNotice.Publish(Text(KeyDecisionNoticeKind.GeneralException, Today.AddDays(5)), Today, null));
        Assert.Equal("KeyDecisionNotice.TooLateForGeneralException", error.Code);

        var notice = KeyDecisionNotice.Publish(Text(KeyDecisionNoticeKind.GeneralException, Today.AddDays(6)), Today, null);
        Assert.Equal(Today, notice.PublishedOn);
    }

    [Fact]
    public void SpecialUrgencyMayBeSoonerWithTheChairsAgreementGivenBeforeTheNotice()
    {
        Assert.Equal(Today.AddDays(1), KeyDecisionNotice.Publish(Text(KeyDecisionNoticeKind.SpecialUrgency, Today.AddDays(1)), Today, null).DecisionDue);
        var late = Text(KeyDecisionNoticeKind.SpecialUrgency, Today.AddDays(1)) with { ScrutinyChairOn = Today.AddDays(1) };
        Assert.Equal("KeyDecisionNotice.ChairAfterNotice", Assert.Throws<DomainRuleException>(() => KeyDecisionNotice.Publish(late, Today, null)).Code);
        var none = Text(KeyDecisionNoticeKind.SpecialUrgency, Today.AddDays(1)) with { ScrutinyChair = "" };
        Assert.Equal("KeyDecisionNotice.ChairRequired", Assert.Throws<DomainRuleException>(() => KeyDecisionNotice.Publish(none, Today, null)).Code);
    }

    [Fact]
    public void NoNoticeIsNeededForAnEntryThatGaveTwentyEightDays()
    {
        var entry = ForwardPlanEntry.Give("Library contract", 3, Today.AddDays(29), Today, null, null, null);

        Assert.Equal("KeyDecisionNotice.NotNeeded", Assert.Throws<DomainRuleException>(() => KeyDecisionNotice.Publish(Text(KeyDecisionNoticeKind.GeneralException, Today.AddDays(10)), Today, entry)).Code);
    }

    [Fact]
    public void TheForwardPlanListsTheDocumentsAndWhereToGetThem()
    {
        var entry = ForwardPlanEntry.Give("Library contract", 3, Today.AddDays(29), Today, null, null, null);

        entry.ListDocuments("Report of the Director of Resources.", "Democratic Services, West Offices, Station Rise, York YO1 6GA");

        Assert.Equal("Report of the Director of Resources.", entry.Documents);
        Assert.StartsWith("Democratic Services", entry.DocumentsFrom, StringComparison.Ordinal);
    }
}
