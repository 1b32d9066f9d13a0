using System.Globalization;
using Portal.Domain.Meetings;

namespace Portal.Infrastructure.Time;

/// <summary>The council's wall-clock time: meetings are set in local time and written to feeds in UTC.</summary>
public static class CouncilTime
{
    private static readonly TimeZoneInfo London = Find("Europe/London", TimeSpan.Zero, "GMT/BST");
    private static readonly TimeZoneInfo Stockholm = Find("Europe/Stockholm", TimeSpan.FromHours(1), "CET/CEST");

    public static TimeZoneInfo ZoneFor(Country country) => country == Country.Sweden ? Stockholm : London;

    public static DateTime ToUtc(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    /// <summary>The system's zone; on a machine without time-zone data, the EU summer-time rule both countries follow.</summary>
    private static TimeZoneInfo Find(string id, TimeSpan standard, string name)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            // Summer time from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October.
            var start = TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 1, 0, 0).Add(standard), 3, 5, DayOfWeek.Sunday);
            var end = TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0).Add(standard), 10, 5, DayOfWeek.Sunday);
            var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(DateTime.MinValue.Date, DateTime.MaxValue.Date, TimeSpan.FromHours(1), start, end);
            return TimeZoneInfo.CreateCustomTimeZone(id, standard, string.Create(CultureInfo.InvariantCulture, $"{id} ({name})"), name, name, [rule]);
        }
    }
}
