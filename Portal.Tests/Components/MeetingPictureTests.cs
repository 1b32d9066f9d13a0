using Bunit;
using Portal.Domain.Meetings;
using Portal.Features.Meetings;
using Portal.Features.Meetings.Bodies;
using Portal.Features.Meetings.Calendar;

namespace Portal.Tests.Components;

/// <summary>The meetings' pictures: each body's colour in the month grid with a key by name, and attendance bars that say their counts.</summary>
public sealed class MeetingPictureTests : ComponentTest
{
    [Fact]
    public void EachMeetingInTheGridHasItsBodysColourAndTheKeyNamesEveryBody()
    {
        UseCulture("en-GB");
        MeetingRow Row(int id, int body, string name, int day) => new(id, body, name, name.ToLowerInvariant(), new DateOnly(2026, 12, day), new TimeOnly(10, 0), new TimeOnly(11, 0), null, MeetingStatus.Scheduled, false);
        var view = new MonthView(2026, 12, [Row(1, 3, "EMG", 7), Row(2, 3, "EMG", 14), Row(3, 4, "SMG", 9)], [], true, new Dictionary<DateOnly, string>(), null);

        var grid = Render<MonthGrid>(p => p.Add(c => c.View, view).Add(c => c.Today, new DateOnly(2026, 12, 6)));

        var links = grid.FindAll("a.grid-meeting");
        Assert.Equal(["body-colour-3", "body-colour-4", "body-colour-3"], links.Select(a => a.ClassList.Single(c => c.StartsWith("body-colour-", StringComparison.Ordinal))).ToArray());
        Assert.All(links, a => Assert.Matches("EMG|SMG", a.TextContent));
        var key = grid.FindAll("ul.body-key li");
        Assert.Equal(["◆EMG", "★SMG"], key.Select(li => li.TextContent).ToArray());
        Assert.Equal("body-swatch body-colour-3", key[0].QuerySelector("span")!.ClassName);
    }

    [Fact]
    public void AColourChosenForABodyColoursItsMeetingsAndItsKeyWithItsMark()
    {
        UseCulture("en-GB");
        MeetingRow Row(int id, int body, string name, int day) => new(id, body, name, name.ToLowerInvariant(), new DateOnly(2026, 12, day), new TimeOnly(10, 0), new TimeOnly(11, 0), null, MeetingStatus.Scheduled, false);
        var colours = new Dictionary<int, BodyColour> { [3] = BodyColour.Red };
        var view = new MonthView(2026, 12, [Row(1, 3, "EMG", 7), Row(3, 4, "SMG", 9)], [], true, new Dictionary<DateOnly, string>(), null, colours);

        var grid = Render<MonthGrid>(p => p.Add(c => c.View, view).Add(c => c.Today, new DateOnly(2026, 12, 6)));

        var links = grid.FindAll("a.grid-meeting");
        Assert.Contains("body-colour-5", links[0].ClassList);
        Assert.Equal("✚", links[0].QuerySelector("span.body-mark[aria-hidden=true]")!.TextContent);
        // A body with no colour chosen keeps the one it had by default.
        Assert.Contains("body-colour-4", links[1].ClassList);
        var key = grid.FindAll("ul.body-key li span.body-swatch");
        Assert.Equal(["body-swatch body-colour-5", "body-swatch body-colour-4"], key.Select(s => s.ClassName ?? string.Empty).ToArray());
        Assert.Equal(["✚", "★"], key.Select(s => s.TextContent).ToArray());
    }

    [Fact]
    public void EachPersonsAttendanceIsABarThatSaysItsCountsAndTheTableAgrees()
    {
        UseCulture("en-GB");
        MemberAttendance[] people = [new(1, "Heather Rice", 5, 1, 0), new(2, "Tom Fielding", 1, 0, 0)];

        var cut = Render<AttendanceBars>(p => p.Add(c => c.People, people));

        var bars = cut.FindAll("svg.rag-bar[role=img]");
        Assert.Equal("Heather Rice: 5 present, 1 apologies, 0 absent, of 6 meetings recorded", bars[0].GetAttribute("aria-label"));
        Assert.Equal("Tom Fielding: 1 present, 0 apologies, 0 absent, of 1 meeting recorded", bars[1].GetAttribute("aria-label"));
        var rows = cut.FindAll("table.attendance-table tbody tr");
        Assert.Equal(["5", "1", "0"], rows[0].QuerySelectorAll("td").Select(td => td.TextContent).ToArray());
        Assert.Equal("6", bars[0].GetAttribute("data-total"));
    }

    [Fact]
    public void ABodyWithNoAttendanceRecordedShowsNoBars()
    {
        var cut = Render<AttendanceBars>(p => p.Add(c => c.People, []));

        Assert.Empty(cut.FindAll("svg"));
    }
}
