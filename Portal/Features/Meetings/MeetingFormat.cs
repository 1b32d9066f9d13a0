using System.Globalization;
using Microsoft.Extensions.Localization;
using Portal.Components.Shared;
using Portal.Domain.Meetings;
using Portal.Resources;

namespace Portal.Features.Meetings;

/// <summary>Meeting dates, times, statuses and cadences in the reader's language: "Tuesday 1 December 2026, 09:30 to 11:30".</summary>
public static class MeetingFormat
{
    public static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Times(IStringLocalizer<Text> text, TimeOnly start, TimeOnly end)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text["Meeting.TimeRange", Time(start), Time(end)];
    }

    /// <summary>"Tuesday 1 December 2026", "tisdag 1 december 2026": for use within a sentence.</summary>
    public static string LongDate(DateOnly date) => date.ToString("dddd d MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>The long date starting with a capital, for a heading or a line of its own.</summary>
    public static string DateHeading(DateOnly date) => Capitalised(LongDate(date));

    public static string Month(int year, int month) => Capitalised(new DateOnly(year, month, 1).ToString("MMMM yyyy", CultureInfo.CurrentCulture));

    public static string Weekday(DayOfWeek day) => Capitalised(CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(day));

    /// <summary>The day's name as it stands in a sentence: "Tuesday" in English, "tisdag" in Swedish.</summary>
    public static string DayName(DayOfWeek day) => CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(day);

    /// <summary>The tag class for a status; the words come from the resources, so colour is never the only signal.</summary>
    public static string StatusClass(MeetingStatus status) => status switch
    {
        MeetingStatus.Cancelled => "bad",
        MeetingStatus.Moved => "warning",
        MeetingStatus.Held => "good",
        _ => "neutral",
    };

    /// <summary>"Every Tuesday, 09:30 to 11:30, West Offices"; "Every other Monday from 4 Sep 2017"; "The first Tuesday of each month".</summary>
    public static string Cadence(IStringLocalizer<Text> text, CadenceRule rule)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(rule);
        var when = rule.Kind switch
        {
            CadenceKind.Weekly => text["Cadence.EveryWeek", DayName(rule.Weekday!.Value)],
            CadenceKind.EveryOtherWeek => text["Cadence.EveryOtherWeek", DayName(rule.Weekday!.Value), Dates.Short(rule.FirstDate)],
            CadenceKind.MonthlyWeekday => text["Cadence.MonthlyWeekday", text[$"Cadence.Week{rule.WeekOfMonth}"], DayName(rule.Weekday!.Value)],
            _ => text["Cadence.MonthlyDay", rule.DayOfMonth ?? 1],
        };
        var times = Times(text, rule.StartTime, rule.StartTime.AddMinutes(rule.DurationMinutes));
        return rule.Venue is null ? $"{when}, {times}" : $"{when}, {times}, {rule.Venue}";
    }

    private static string Capitalised(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.CurrentCulture) + text[1..];
}
