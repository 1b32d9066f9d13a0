using Portal.Domain.Common;
using Portal.Domain.Meetings;
using Portal.Tests.Domain.Plans;

namespace Portal.Tests.Domain.Meetings;

public sealed class MeetingTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static Meeting NewMeeting(DateOnly? date = null) =>
        Meeting.Schedule(7, date ?? new DateOnly(2026, 12, 1), new TimeOnly(9, 30), new TimeOnly(11, 0), "Room 1", date ?? new DateOnly(2026, 12, 1)).WithId(1);

    [Fact]
    public void RefusesAMeetingThatEndsBeforeItStarts()
    {
        var error = Assert.Throws<DomainRuleException>(() => Meeting.Schedule(7, Today, new TimeOnly(14, 0), new TimeOnly(13, 0), null));

        Assert.Equal("Meeting.EndsBeforeStart", error.Code);
        Assert.Equal(nameof(Meeting.EndTime), error.Field);
    }

    [Fact]
    public void CancellingAndMovingRaiseTheSequenceAndKeepTheUid()
    {
        var meeting = NewMeeting();
        var uid = meeting.Uid;

        meeting.Reschedule(new DateOnly(2026, 12, 2), new TimeOnly(10, 0), new TimeOnly(11, 0), "Room 2");
        Assert.Equal(MeetingStatus.Moved, meeting.Status);
        Assert.Equal(new DateOnly(2026, 12, 1), meeting.MovedFrom);
        Assert.Equal(1, meeting.Sequence);

        meeting.Cancel("The chair is unwell.");
        Assert.Equal(MeetingStatus.Cancelled, meeting.Status);
        Assert.Equal(2, meeting.Sequence);
        Assert.Equal(uid, meeting.Uid);
        Assert.Equal(new DateOnly(2026, 12, 1), meeting.SeriesDate);

        meeting.Reinstate();
        Assert.Equal(MeetingStatus.Moved, meeting.Status);
        Assert.Equal(3, meeting.Sequence);
    }

    [Fact]
    public void ACancelledMeetingTakesNoAgendaAndAHeldOneCannotBeMoved()
    {
        var cancelled = NewMeeting();
        cancelled.Cancel(null);
        Assert.Equal("Meeting.Cancelled", Assert.Throws<DomainRuleException>(() => cancelled.AddItem("Budget", null, 10, false)).Code);

        var held = NewMeeting(new DateOnly(2026, 11, 24));
        held.MarkHeld(Today);
        Assert.Equal("Meeting.AlreadyHeld", Assert.Throws<DomainRuleException>(() => held.Cancel(null)).Code);
        Assert.Equal("Meeting.NotYetHeld", Assert.Throws<DomainRuleException>(() => NewMeeting().MarkHeld(Today)).Code);
    }

    [Fact]
    public void AgendaItemsKeepTheirOrderAndRefuseAPositionPastTheEnd()
    {
        var meeting = NewMeeting();
        var first = meeting.AddItem("Apologies", null, 5, false).WithId(11);
        var second = meeting.AddItem("Budget monitoring", "Keith Best", 20, false).WithId(12);
        var third = meeting.AddItem("Staffing", "Tom Fielding", 15, true).WithId(13);

        meeting.MoveItem(third.Id, 1);
        Assert.Equal([13, 11, 12], meeting.Items.OrderBy(i => i.Number).Select(i => i.Id));

        var error = Assert.Throws<DomainRuleException>(() => meeting.MoveItem(first.Id, 4));
        Assert.Equal("Agenda.PositionOutOfRange", error.Code);
        Assert.Contains("1 to 3", error.Message, StringComparison.Ordinal);

        meeting.RemoveItem(third.Id);
        Assert.Equal([1, 2], meeting.Items.OrderBy(i => i.Number).Select(i => i.Number));
        Assert.Equal(second.Id, meeting.Items.Single(i => i.Number == 2).Id);
    }

    [Fact]
    public void AnAgendaItemNeedsATitleAndASensibleTime()
    {
        var meeting = NewMeeting();

        Assert.Equal("Agenda.TitleRequired", Assert.Throws<DomainRuleException>(() => meeting.AddItem("  ", null, 10, false)).Code);
        Assert.Equal("Agenda.MinutesAllowedOutOfRange", Assert.Throws<DomainRuleException>(() => meeting.AddItem("Budget", null, 0, false)).Code);
        Assert.Empty(meeting.Items);
    }

    [Fact]
    public void ALateAgendaNeedsTheChairsReasonForUrgency()
    {
        var meeting = NewMeeting();
        var deadline = new DateOnly(2026, 11, 23);

        Assert.Equal("Meeting.LateReasonRequired", Assert.Throws<DomainRuleException>(() => meeting.PublishAgenda(Today, deadline, " ")).Code);
        Assert.Null(meeting.AgendaPublishedOn);

        meeting.PublishAgenda(Today, deadline, "Budget figures arrived on 25 November.");
        Assert.True(meeting.AgendaIsLate(deadline));

        var onTime = NewMeeting();
        onTime.PublishAgenda(deadline, deadline, "not needed");
        Assert.False(onTime.AgendaIsLate(deadline));
        Assert.Null(onTime.LateReason);
    }

    [Fact]
    public void EnglishMinutesAreApprovedAtALaterMeetingOfTheSameBody()
    {
        var meeting = NewMeeting(new DateOnly(2026, 11, 3));
        var next = NewMeeting(new DateOnly(2026, 12, 1)).WithId(2);
        var other = Meeting.Schedule(8, new DateOnly(2026, 12, 2), new TimeOnly(9, 0), new TimeOnly(10, 0), null).WithId(3);

        Assert.Equal("Minutes.NothingWritten", Assert.Throws<DomainRuleException>(() => meeting.ApproveMinutes(Regime.England, next)).Code);
        meeting.StartRecord();
        Assert.Equal("Minutes.ApproveAtLaterMeeting", Assert.Throws<DomainRuleException>(() => meeting.ApproveMinutes(Regime.England, other)).Code);
        Assert.Equal("Minutes.WrongRegime", Assert.Throws<DomainRuleException>(() => meeting.PublishNotes(Regime.England, Today)).Code);

        meeting.ApproveMinutes(Regime.England, next);

        Assert.Equal(RecordStatus.Approved, meeting.Record);
        Assert.Equal(next.Id, meeting.ApprovedAtMeetingId);
    }

    [Fact]
    public void ASwedishProtokollIsSignedAndPosted()
    {
        var meeting = NewMeeting(new DateOnly(2026, 11, 2));
        meeting.StartRecord();

        Assert.Equal("Minutes.SignatoriesRequired",
            Assert.Throws<DomainRuleException>(() => meeting.SignProtokoll(Regime.Sweden, " ", new DateOnly(2026, 11, 9), Today)).Code);
        Assert.Equal("Minutes.SignedOnOutOfRange",
            Assert.Throws<DomainRuleException>(() => meeting.SignProtokoll(Regime.Sweden, "Birgitta Strand", new DateOnly(2026, 11, 1), Today)).Code);

        meeting.SignProtokoll(Regime.Sweden, "Birgitta Strand, Johan Berg", new DateOnly(2026, 11, 9), Today);
        meeting.PostNotice(new DateOnly(2026, 11, 10), Today);

        Assert.Equal(RecordStatus.Signed, meeting.Record);
        Assert.Equal(new DateOnly(2026, 11, 10), meeting.PostedOn);
    }

    [Fact]
    public void SwedishDeadlinesAreFourteenDaysTwoDaysAndThreeWeeks()
    {
        var sweden = SwedishPublicHolidays.Instance;

        var unsigned = ProtokollDeadlines.For(new DateOnly(2026, 11, 2), null, null, sweden);
        Assert.Equal(new DateOnly(2026, 11, 16), unsigned.SignBy);
        Assert.Null(unsigned.PostBy);
        Assert.Null(unsigned.AppealEnds);

        var signed = ProtokollDeadlines.For(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 9), null, sweden);
        Assert.Equal(new DateOnly(2026, 11, 11), signed.PostBy);
        Assert.Equal(new DateOnly(2026, 12, 2), signed.AppealEnds);

        // Posted on 3 December: three weeks run to julafton, which counts as a holiday, so the appeal period ends on 28 December
        // (juldagen and annandag jul, then the weekend, come between).
        var overChristmas = ProtokollDeadlines.For(new DateOnly(2026, 11, 26), new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 3), sweden);
        Assert.Equal(new DateOnly(2026, 12, 3), overChristmas.AppealFrom);
        Assert.Equal(new DateOnly(2026, 12, 28), overChristmas.AppealEnds);
    }

    [Fact]
    public void TheSigningDeadlineOnAWeekendOrHolidayRunsToTheNextWorkingDay()
    {
        // Lag (1930:173), 2 §: a last day on a Saturday, Sunday, public holiday, midsommarafton, julafton or nyårsafton moves to the next working day.
        var sweden = SwedishPublicHolidays.Instance;

        // A Saturday budget meeting on 14 November 2026: day 14 is Saturday 28 November, so Monday 30 November.
        Assert.Equal(new DateOnly(2026, 11, 30), ProtokollDeadlines.For(new DateOnly(2026, 11, 14), null, null, sweden).SignBy);
        // Thursday 30 April 2026: day 14 is Kristi himmelsfärdsdag, Thursday 14 May, so Friday 15 May.
        Assert.Equal(new DateOnly(2026, 5, 15), ProtokollDeadlines.For(new DateOnly(2026, 4, 30), null, null, sweden).SignBy);
        // Friday 5 June 2026: day 14 is midsommarafton, Friday 19 June; then midsommardagen and Sunday, so Monday 22 June.
        Assert.Equal(new DateOnly(2026, 6, 22), ProtokollDeadlines.For(new DateOnly(2026, 6, 5), null, null, sweden).SignBy);
        // A working day 14 stays where it is.
        Assert.Equal(new DateOnly(2026, 11, 16), ProtokollDeadlines.For(new DateOnly(2026, 11, 2), null, null, sweden).SignBy);
    }

    [Fact]
    public void TheNoticeBoardDeadlineOnAWeekendOrHolidayRunsToTheNextWorkingDay()
    {
        var sweden = SwedishPublicHolidays.Instance;

        // Signed on Thursday 12 November 2026: the second day after is Saturday 14 November, so Monday 16 November;
        // not yet posted, the three weeks of appeal are counted from that Monday.
        var thursday = ProtokollDeadlines.For(new DateOnly(2026, 11, 3), new DateOnly(2026, 11, 12), null, sweden);
        Assert.Equal(new DateOnly(2026, 11, 16), thursday.PostBy);
        Assert.Equal(new DateOnly(2026, 11, 16), thursday.AppealFrom);
        Assert.Equal(new DateOnly(2026, 12, 7), thursday.AppealEnds);

        // Signed on Tuesday 22 December 2026: the second day after is julafton; juldagen, annandag jul and Sunday follow, so Monday 28 December.
        Assert.Equal(new DateOnly(2026, 12, 28), ProtokollDeadlines.For(new DateOnly(2026, 12, 15), new DateOnly(2026, 12, 22), null, sweden).PostBy);
        // Signed on Tuesday 29 December 2026: the second day after is nyårsafton; nyårsdagen and the weekend follow, so Monday 4 January 2027.
        Assert.Equal(new DateOnly(2027, 1, 4), ProtokollDeadlines.For(new DateOnly(2026, 12, 15), new DateOnly(2026, 12, 29), null, sweden).PostBy);
        // Signed on a Monday, the Wednesday stays.
        Assert.Equal(new DateOnly(2026, 11, 11), ProtokollDeadlines.For(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 9), null, sweden).PostBy);
        Assert.Equal(new DateOnly(2026, 12, 28), ProtokollDeadlines.LastDay(new DateOnly(2026, 12, 24), sweden));
    }

    [Fact]
    public void InternalNotesArePublishedToTheDistributionList()
    {
        var meeting = NewMeeting(new DateOnly(2026, 11, 24));
        meeting.StartRecord();

        meeting.PublishNotes(Regime.Internal, Today);

        Assert.Equal(RecordStatus.Published, meeting.Record);
        Assert.Equal(Today, meeting.RecordDate);
        Assert.True(meeting.RecordIsFinal);
        Assert.Equal("Minutes.AlreadyFinal", Assert.Throws<DomainRuleException>(() => meeting.PublishNotes(Regime.Internal, Today)).Code);
    }

    [Fact]
    public void AnAgreedActionIsCarriedToEveryLaterMeetingUntilDone()
    {
        var agreedAt = NewMeeting(new DateOnly(2026, 11, 3));
        var next = NewMeeting(new DateOnly(2026, 11, 10)).WithId(2);
        var after = NewMeeting(new DateOnly(2026, 11, 17)).WithId(3);
        var action = AgreedAction.Agree(agreedAt, null, "Circulate the draft workforce plan", 5, new DateOnly(2026, 11, 14));

        Assert.False(action.IsCarriedTo(agreedAt, agreedAt.Date));
        Assert.True(action.IsCarriedTo(next, agreedAt.Date));
        action.Complete(new DateOnly(2026, 11, 12));
        Assert.True(action.IsCarriedTo(next, agreedAt.Date));
        Assert.False(action.IsCarriedTo(after, agreedAt.Date));

        Assert.Equal("AgreedAction.DueBeforeMeeting",
            Assert.Throws<DomainRuleException>(() => AgreedAction.Agree(agreedAt, null, "Too early", 5, new DateOnly(2026, 11, 1))).Code);
    }
}
