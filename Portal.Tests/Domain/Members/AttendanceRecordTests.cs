using Portal.Domain.Meetings;
using Portal.Domain.Members;

namespace Portal.Tests.Domain.Members;

public sealed class AttendanceRecordTests
{
    private const int Panel = 1;
    private const int Council = 2;

    [Fact]
    public void CountsEachHeldMeetingOfASeatedBodyAsExpectedAndByWhatTheRecordSays()
    {
        var meetings = new[]
        {
            new MeetingHeld(1, Panel, new DateOnly(2025, 1, 10)), new MeetingHeld(2, Panel, new DateOnly(2025, 2, 10)),
            new MeetingHeld(3, Panel, new DateOnly(2025, 3, 10)), new MeetingHeld(4, Panel, new DateOnly(2025, 4, 10)),
        };
        var marks = new[] { new AttendanceMark(1, AttendanceKind.Present), new AttendanceMark(2, AttendanceKind.Apologies), new AttendanceMark(3, AttendanceKind.Absent) };

        var tally = Assert.Single(AttendanceRecord.Tally([new SeatHeld(Panel, null, null)], meetings, marks));

        Assert.Equal((Panel, 2025, 4, 1, 1, 1, 0, 1), (tally.BodyId, tally.Year, tally.Expected, tally.Present, tally.Apologies, tally.Absent, tally.Substitute, tally.NotRecorded));
        Assert.Equal(25, tally.PercentPresent);
    }

    [Fact]
    public void ExpectsOnlyTheMeetingsWithinTheSeatsTerm()
    {
        var meetings = new[] { new MeetingHeld(1, Panel, new DateOnly(2024, 4, 1)), new MeetingHeld(2, Panel, new DateOnly(2024, 6, 1)), new MeetingHeld(3, Panel, new DateOnly(2024, 9, 1)) };

        var tally = Assert.Single(AttendanceRecord.Tally([new SeatHeld(Panel, new DateOnly(2024, 5, 1), new DateOnly(2024, 7, 31))], meetings, [new AttendanceMark(2, AttendanceKind.Present)]));

        Assert.Equal((1, 1), (tally.Expected, tally.Present));
    }

    [Fact]
    public void AMeetingAttendedWithoutASeatCountsAsSubstituteAndIsNotExpected()
    {
        var meetings = new[] { new MeetingHeld(1, Council, new DateOnly(2025, 5, 1)), new MeetingHeld(2, Council, new DateOnly(2025, 6, 1)) };

        var tally = Assert.Single(AttendanceRecord.Tally([], meetings, [new AttendanceMark(1, AttendanceKind.Substitute)]));

        Assert.Equal((0, 0, 1), (tally.Expected, tally.Present, tally.Substitute));
        Assert.Null(tally.PercentPresent);
    }

    [Fact]
    public void TalliesPerBodyAndYearAndTotalsAcrossThem()
    {
        var meetings = new[]
        {
            new MeetingHeld(1, Panel, new DateOnly(2024, 12, 1)), new MeetingHeld(2, Panel, new DateOnly(2025, 1, 5)),
            new MeetingHeld(3, Council, new DateOnly(2025, 1, 6)),
        };
        var seats = new[] { new SeatHeld(Panel, null, null), new SeatHeld(Council, null, null) };
        var marks = new[] { new AttendanceMark(1, AttendanceKind.Present), new AttendanceMark(2, AttendanceKind.Present), new AttendanceMark(3, AttendanceKind.Apologies) };

        var tallies = AttendanceRecord.Tally(seats, meetings, marks);
        var total = AttendanceRecord.Total(tallies);

        Assert.Equal([(Panel, 2024), (Panel, 2025), (Council, 2025)], tallies.Select(t => (t.BodyId, t.Year)));
        Assert.Equal((3, 2, 1), (total.Expected, total.Present, total.Apologies));
        Assert.Equal(67, total.PercentPresent);
    }
}
