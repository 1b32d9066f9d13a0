using Portal.Domain.Meetings;

namespace Portal.Infrastructure.Time;

/// <summary>
/// The council's clock: the system's time, read in the council's own time zone (the UK's or
/// Sweden's, after the country it follows) rather than the server's, which in a data centre is
/// often UTC. "Today", the times a page shows and the meetings in the feeds then agree with the
/// council's wall clocks wherever the portal runs: a Swedish council's day starts at midnight in
/// Stockholm, not an hour later, and a UK council's summer times are not an hour early.
/// </summary>
public sealed class CouncilClock(TimeProvider? time = null) : TimeProvider
{
    private readonly TimeProvider _time = time ?? System;
    private TimeZoneInfo _zone = TimeZoneInfo.Local;

    public override TimeZoneInfo LocalTimeZone => _zone;

    public override DateTimeOffset GetUtcNow() => _time.GetUtcNow();

    public override long GetTimestamp() => _time.GetTimestamp();

    public override long TimestampFrequency => _time.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _time.CreateTimer(callback, state, dueTime, period);

    /// <summary>Set at start-up, once the council's country is known (it does not change after).</summary>
    public void Follow(Country country) => _zone = CouncilTime.ZoneFor(country);
}

/// <summary>Times stored in UTC, shown on the council's clock.</summary>
public static class CouncilTimes
{
    /// <summary>Today's date on the council's clock.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary><paramref name="utc"/> as the council's wall clock read it.</summary>
    public static DateTime Local(this TimeProvider clock, DateTime utc)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), clock.LocalTimeZone);
    }

    /// <summary><paramref name="moment"/> as the council's wall clock read it.</summary>
    public static DateTime Local(this TimeProvider clock, DateTimeOffset moment) => clock.Local(moment.UtcDateTime);
}
