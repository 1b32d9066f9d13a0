using Portal.Domain.Common;
using Portal.Domain.Meetings;
using Portal.Tests.Domain.Plans;

namespace Portal.Tests.Domain.Meetings;

public sealed class ConfidentialityTests
{
    private static readonly MeetingReader Member = new(10, SeesPrivate: true);
    private static readonly MeetingReader Outsider = new(20, SeesPrivate: false);

    private static (Meeting Meeting, AgendaItem Open, AgendaItem Private) NewMeeting()
    {
        var meeting = Meeting.Schedule(7, new DateOnly(2026, 11, 3), new TimeOnly(9, 30), new TimeOnly(11, 0), "Room 1").WithId(1);
        var open = meeting.AddItem("Workforce plan", null, 20, isPrivate: false).WithId(11);
        var closed = meeting.AddItem("Senior restructure: options", null, 20, isPrivate: true).WithId(12);
        return (meeting, open, closed);
    }

    [Fact]
    public void APrivateItemIsReadOnlyByThoseWhoSeePrivateBusiness()
    {
        var (_, open, closed) = NewMeeting();

        Assert.True(Confidentiality.MayRead(Outsider, open));
        Assert.True(Confidentiality.MayRead(MeetingReader.Public, open));
        Assert.False(Confidentiality.MayRead(Outsider, closed));
        Assert.False(Confidentiality.MayRead(MeetingReader.Public, closed));
        Assert.True(Confidentiality.MayRead(Member, closed));
    }

    [Fact]
    public void AnActionFollowsTheItemItWasAgreedUnderAndItsOwnerAlwaysReadsIt()
    {
        var (meeting, open, closed) = NewMeeting();
        var underOpen = AgreedAction.Agree(meeting, open.Id, "Circulate the plan", 30, new DateOnly(2026, 11, 20));
        var underClosed = AgreedAction.Agree(meeting, closed.Id, "Draft the at-risk letters", 30, new DateOnly(2026, 11, 20));
        var underNone = AgreedAction.Agree(meeting, null, "Book the room", 30, new DateOnly(2026, 11, 20));

        Assert.True(Confidentiality.MayRead(MeetingReader.Public, underOpen, open));
        Assert.True(Confidentiality.MayRead(MeetingReader.Public, underNone, null));
        Assert.False(Confidentiality.MayRead(MeetingReader.Public, underClosed, closed));
        Assert.False(Confidentiality.MayRead(Outsider, underClosed, closed));
        Assert.True(Confidentiality.MayRead(Member, underClosed, closed));
        Assert.True(Confidentiality.MayRead(new MeetingReader(30, SeesPrivate: false), underClosed, closed));
    }

    [Fact]
    public void AnActionWhoseItemCannotBeFoundIsWithheldRatherThanShown()
    {
        var (meeting, open, closed) = NewMeeting();
        var underClosed = AgreedAction.Agree(meeting, closed.Id, "Draft the at-risk letters", 30, new DateOnly(2026, 11, 20));

        Assert.False(Confidentiality.MayRead(Outsider, underClosed, null));
        Assert.False(Confidentiality.MayRead(Outsider, underClosed, open));
        Assert.True(Confidentiality.MayRead(Member, underClosed, null));
    }

    [Fact]
    public void AnItemAnExemptReportIsPublishedOnStaysPrivate()
    {
        var (_, open, closed) = NewMeeting();

        var refused = Assert.Throws<DomainRuleException>(() => closed.Describe(closed.Title, null, 20, isPrivate: false, holdsExemptReport: true));
        Assert.Equal(("Agenda.ExemptReportKeepsPrivate", nameof(AgendaItem.IsPrivate)), (refused.Code, refused.Field));
        Assert.True(closed.IsPrivate);

        open.TakeInPrivate();
        Assert.True(open.IsPrivate);
        closed.Describe("Senior restructure: next steps", null, 30, isPrivate: true, holdsExemptReport: true);
        Assert.Equal("Senior restructure: next steps", closed.Title);
    }

    [Fact]
    public void AnItemWithActionsAgreedUnderItStaysOnTheAgenda()
    {
        var (meeting, _, closed) = NewMeeting();

        var refused = Assert.Throws<DomainRuleException>(() => meeting.RemoveItem(closed.Id, hasAgreedActions: true));

        Assert.Equal("Agenda.ItemHasActions", refused.Code);
        Assert.Equal(2, meeting.Items.Count);
        meeting.RemoveItem(closed.Id);
        Assert.Single(meeting.Items);
    }
}
