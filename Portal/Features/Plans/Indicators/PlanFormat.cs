using System.Globalization;
using Microsoft.Extensions.Localization;
using Portal.Domain.Plans;
using Portal.Infrastructure.Localization;
using Portal.Resources;

namespace Portal.Features.Plans.Indicators;

/// <summary>Figures and dates as a reader in their own language expects them: "85%", "85 %", "£31.50", "2.4 days".</summary>
public static class PlanFormat
{
    public static string Figure(IStringLocalizer<Text> text, decimal? value, MeasureUnit unit)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (value is not decimal v)
        {
            return "–";
        }

        var culture = CultureInfo.CurrentCulture;
        return unit switch
        {
            MeasureUnit.Percent => string.Format(culture, text["Unit.PercentFormat"], v.ToString("0.#", culture)),
            MeasureUnit.Pounds => v.ToString("C2", CultureInfo.GetCultureInfo("en-GB")),
            MeasureUnit.Days => text.Plural("Unit.DaysFormat", Math.Round(v, 2), v.ToString("0.##", culture)).Value,
            _ => v.ToString("#,0.##", culture),
        };
    }

    /// <summary>A number for an input box: no grouping, the reader's decimal separator.</summary>
    public static string Input(decimal? value) => value?.ToString("0.####", CultureInfo.CurrentCulture) ?? string.Empty;
}
