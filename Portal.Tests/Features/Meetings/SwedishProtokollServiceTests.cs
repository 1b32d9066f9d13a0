using Microsoft.EntityFrameworkCore;
using Portal.Domain.Meetings;
using Portal.Features.Meetings.Calendar;
using Portal.Features.Meetings.Minutes;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Meetings;

/// <summary>Nybro's KSAU on the seeded Swedish demo: the protokoll's deadlines as the meeting page gets them, through the real services.</summary>
public sealed class SwedishProtokollServiceTests : IAsyncLifetime
{
    private ServiceHarness _portal = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _portal = await ServiceHarness.StartAsync("sv");

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task AProtokollSignedOnAThursdayIsPostedByTheMondayNotTheSaturday()
    {
        // KSAU met on Tuesday 17 November 2026; today is Wednesday 25 November.
        int meetingId;
        await using (var db = await _portal.Db.CreateDbContextAsync(Ct))
        {
            var ksau = await db.Bodies.SingleAsync(b => b.Slug == "ksau", Ct);
            meetingId = await db.Meetings.Where(m => m.BodyId == ksau.Id && m.Date == new DateOnly(2026, 11, 17)).Select(m => m.Id).SingleAsync(Ct);
        }

        await using var secretary = await _portal.SignedInAsAsync("admin@nybro.example");
        var meetings = secretary.Get<MeetingService>();
        var version = (await meetings.GetAsync(meetingId, Ct))!.Version;

        // Signed on Thursday 19 November: the second day after is Saturday 21 November, so the notice is due on Monday 23 November
        // (Lag (1930:173), 2 §), and the three weeks of appeal run from then to Monday 14 December.
        await secretary.Get<MinutesService>().SignProtokollAsync(meetingId, "Birgitta Strand (ordförande), Ledamot (S)", new DateOnly(2026, 11, 19), version, Ct);
        var protokoll = (await meetings.GetAsync(meetingId, Ct))!.Record.Protokoll!;

        Assert.Equal(new DateOnly(2026, 12, 1), protokoll.SignBy);
        Assert.Equal(new DateOnly(2026, 11, 23), protokoll.PostBy);
        Assert.Equal(new DateOnly(2026, 12, 14), protokoll.AppealEnds);
    }
}
